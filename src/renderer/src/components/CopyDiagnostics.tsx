import { useId, useState } from 'react';
import { useTransport } from '../transport/transport-context';

type CopyState = { kind: 'idle' | 'busy' | 'copied' } | { kind: 'manual'; text: string } | { kind: 'error'; message: string };

/**
 * Settings → "Report a problem" (issue #13): versions, the providers chosen and the last log
 * lines, made by main without answer text or keys (app.diagnostics), put on the clipboard for
 * a problem report. Where the page may not write the clipboard, the text is shown to copy.
 */
export function CopyDiagnostics() {
  const transport = useTransport();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const headingId = useId();

  const copy = async (): Promise<void> => {
    setState({ kind: 'busy' });
    let text: string;
    try {
      ({ text } = await transport.call('app.diagnostics', {}));
    } catch (failure) {
      setState({ kind: 'error', message: failure instanceof Error ? failure.message : String(failure) });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', text });
    }
  };

  return (
    <section aria-labelledby={headingId} data-testid="report-a-problem">
      <h2 id={headingId}>Report a problem</h2>
      <p>
        <em>Copy diagnostics</em> copies this app’s version, the providers you chose, where your data is and the last lines of its log, with none of your
        answers and no API keys. Paste it into your problem report.
      </p>
      <button type="button" disabled={state.kind === 'busy'} onClick={() => void copy()}>
        {state.kind === 'busy' ? 'Gathering…' : 'Copy diagnostics'}
      </button>
      <p role="status">{state.kind === 'copied' ? 'Copied. Paste it into your problem report.' : ''}</p>
      {state.kind === 'manual' && (
        <>
          <p>The clipboard is not available here: select the text below and copy it.</p>
          <textarea readOnly rows={12} value={state.text} aria-label="Diagnostics" onFocus={(event) => event.currentTarget.select()} />
        </>
      )}
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
    </section>
  );
}
