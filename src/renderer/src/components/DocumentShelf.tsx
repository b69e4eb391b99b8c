import { useState } from 'react';
import type { DocumentKind, SavedDocument } from '../../../shared/protocol';
import { LIMITS } from '../../../shared/protocol';
import { useCall, useTransport } from '../transport/transport-context';
import { DocumentImport } from './DocumentImport';
import { LoadableView } from './LoadableView';
import { PostingEditor } from './PostingEditor';
import { ResumeEditor } from './ResumeEditor';

const TITLES: Record<DocumentKind, string> = { resume: 'Résumés', posting: 'Job postings' };

/**
 * The saved résumés (or postings) of My profile: pick one to see what was read from it and
 * correct it, import another, or delete one. Corrections are kept only when saved.
 */
export function DocumentShelf({ kind, suggestions }: { kind: DocumentKind; suggestions: string[] }) {
  const transport = useTransport();
  const [round, setRound] = useState(0);
  const list = useCall('documents.list', { kind }, `${kind}:${round}`);
  const [draft, setDraft] = useState<SavedDocument | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const open = async (id: string): Promise<void> => {
    setStatus(null);
    try {
      setDraft(await transport.call('documents.get', { id }));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };
  const save = async (document: SavedDocument): Promise<void> => {
    try {
      const saved = await transport.call('documents.update', {
        id: document.id,
        name: document.name.trim().slice(0, LIMITS.shortTextChars) || 'Untitled',
        ...(document.resume ? { resume: { ...document.resume, achievements: document.resume.achievements.filter((a) => a.text.trim()) } } : {}),
        ...(document.posting ? { posting: document.posting } : {}),
      });
      setDraft(saved);
      setStatus('Saved.');
      setRound((n) => n + 1);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };
  const remove = async (id: string): Promise<void> => {
    await transport.call('documents.delete', { id });
    setDraft(null);
    setStatus('Deleted. Interviews tailored to it keep what it said then.');
    setRound((n) => n + 1);
  };

  return (
    <section className="panel document-shelf" aria-label={TITLES[kind]} data-testid={`${kind}-shelf`}>
      <h2>{TITLES[kind]}</h2>
      <LoadableView state={list.state} retry={list.reload}>
        {(documents) => (
          <ul className="document-list">
            {documents.length === 0 && <li className="muted">None saved yet.</li>}
            {documents.map((document) => (
              <li key={document.id}>
                <button type="button" aria-pressed={draft?.id === document.id} onClick={() => void open(document.id)}>
                  {document.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </LoadableView>
      <DocumentImport
        kind={kind}
        onImported={(document) => {
          setDraft(document);
          setStatus('Read. Check what was found below and correct anything that is wrong.');
          setRound((n) => n + 1);
        }}
      />
      {status && (
        <p className="muted" role="status" data-testid={`${kind}-status`}>
          {status}
        </p>
      )}
      {draft && (
        <form
          className="document-draft"
          aria-label={`What was read from ${draft.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            void save(draft);
          }}
        >
          <label>
            Name
            <input value={draft.name} maxLength={LIMITS.shortTextChars} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          {draft.resume && <ResumeEditor profile={draft.resume} suggestions={suggestions} onChange={(resume) => setDraft({ ...draft, resume })} />}
          {draft.posting && <PostingEditor profile={draft.posting} suggestions={suggestions} onChange={(posting) => setDraft({ ...draft, posting })} />}
          <div className="actions">
            <button type="submit" className="primary">
              Save corrections
            </button>
            <button type="button" onClick={() => void remove(draft.id)}>
              Delete
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
