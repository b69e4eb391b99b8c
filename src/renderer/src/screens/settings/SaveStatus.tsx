import { checkLine, type Check } from './connection-checks';

export type SaveState = { kind: 'idle' | 'checking' | 'saving' } | { kind: 'saved'; checks: Check[] } | { kind: 'error'; message: string };

/**
 * What Save did, beside the button. A provider Save changed is tested first, so a wrong key or
 * an address where nothing answers is said right after "Saved.", never hidden behind it.
 */
export function SaveStatus({ state, unsaved }: { state: SaveState; unsaved: boolean }) {
  const failed = state.kind === 'saved' ? state.checks.filter((check) => !check.report.ok) : [];
  return (
    <>
      <span role="status" className="muted" data-testid="settings-status">
        {unsaved && (state.kind === 'idle' || state.kind === 'saved') && 'Unsaved changes.'}
        {state.kind === 'checking' && 'Testing the connection before saving…'}
        {state.kind === 'saving' && 'Saving…'}
        {!unsaved && state.kind === 'saved' && ['Saved.', ...state.checks.filter((check) => check.report.ok).map(checkLine)].join(' ')}
        {state.kind === 'error' && state.message}
      </span>
      {!unsaved && failed.length > 0 && (
        <p role="alert" className="notice" data-testid="settings-check-failed">
          {failed.map(checkLine).join(' ')}
        </p>
      )}
    </>
  );
}
