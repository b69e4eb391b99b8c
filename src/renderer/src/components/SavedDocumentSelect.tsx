import { useId, useState } from 'react';
import type { DocumentKind } from '../../../shared/protocol';
import { routeHref } from '../router/routes';
import { useCall } from '../transport/transport-context';
import { DocumentImport } from './DocumentImport';

const LABELS: Record<DocumentKind, { label: string; none: string }> = {
  resume: { label: 'Résumé', none: 'None saved: type or paste it below' },
  posting: { label: 'Job posting', none: 'None saved: type or paste a job description below' },
};

/**
 * On the Practice screen (issue #14): tailor the interview to a saved résumé or posting, or
 * import one now. With none chosen, the text box below it is used as before.
 */
export function SavedDocumentSelect({ kind, value, onChange }: { kind: DocumentKind; value: string; onChange(id: string): void }) {
  const [round, setRound] = useState(0);
  const list = useCall('documents.list', { kind }, `${kind}:${round}`);
  const id = useId();
  const documents = list.state.status === 'ready' ? list.state.data : [];
  return (
    <div className="field saved-document">
      <label htmlFor={id}>{LABELS[kind].label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid={`${kind}-choice`}>
        <option value="">{documents.length === 0 ? LABELS[kind].none : 'Not a saved one: type or paste below'}</option>
        {documents.map((document) => (
          <option key={document.id} value={document.id}>
            {document.name}
          </option>
        ))}
      </select>
      {value && (
        <small className="muted">
          Questions are tailored to what was read from it. <a href={routeHref({ screen: 'profile' })}>Check or correct it in My profile</a>.
        </small>
      )}
      <details>
        <summary>Import a {kind === 'resume' ? 'résumé' : 'job posting'}</summary>
        <DocumentImport
          kind={kind}
          onImported={(document) => {
            setRound((n) => n + 1);
            onChange(document.id);
          }}
        />
      </details>
    </div>
  );
}
