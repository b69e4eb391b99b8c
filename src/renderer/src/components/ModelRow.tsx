import { useState } from 'react';
import type { ModelView } from '../../../shared/protocol';
import { useTransport } from '../transport/transport-context';

export const megabytes = (bytes: number): string => `${Math.round(bytes / 1_000_000)} MB`;

/**
 * One downloadable model or voice: download once (resumable, verified), follow the progress,
 * cancel, remove, or install from a folder on a machine that is never online (issue #4).
 */
export function ModelRow({ model }: { model: ModelView }) {
  const transport = useTransport();
  const [error, setError] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const run = (action: () => Promise<unknown>): void => {
    setError(null);
    action().catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };
  const inApp = 'interview' in window;
  const { state } = model;
  // A failed import both rejects its call and leaves the row failed, with the same sentence:
  // one message, the latest (issue #9).
  const problem = error ?? (state.kind === 'failed' ? state.reason : null);
  return (
    <li className="model-row" data-testid="model-row" data-state={state.kind}>
      <div>
        <strong>{model.name}</strong> · {megabytes(model.totalBytes)} · {model.languages.join(', ')}
        <p className="muted">{model.note}</p>
        {state.kind === 'downloading' && (
          <progress max={state.total || 1} value={state.bytes} aria-label={`Downloading ${model.name}`}>
            {megabytes(state.bytes)}
          </progress>
        )}
        {state.kind === 'not-installed' && state.partialBytes > 0 && <p className="muted">{megabytes(state.partialBytes)} already downloaded; it will resume.</p>}
        {problem && <p role="alert">{problem}</p>}
      </div>
      <div className="actions">
        {state.kind === 'installed' ? (
          <>
            <span className="badge badge-connected">Installed</span>
            <button type="button" onClick={() => run(() => transport.call('models.remove', { modelId: model.id }))}>
              Remove
            </button>
          </>
        ) : state.kind === 'downloading' ? (
          <button type="button" onClick={() => run(() => transport.call('models.cancel', { modelId: model.id }))}>
            Cancel
          </button>
        ) : (
          <>
            <button type="button" className="primary" onClick={() => run(() => transport.call('models.download', { modelId: model.id }))}>
              Download
            </button>
            {!inApp && (
              <input type="text" aria-label={`Folder with the files of ${model.name}`} placeholder="…or a folder with its files" value={folder} onChange={(e) => setFolder(e.target.value)} />
            )}
            <button
              type="button"
              disabled={!inApp && !folder.trim()}
              onClick={() => run(() => transport.call('models.import', { modelId: model.id, ...(inApp ? {} : { folder: folder.trim() }) }))}
            >
              Install from folder
            </button>
          </>
        )}
      </div>
    </li>
  );
}
