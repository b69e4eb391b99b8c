import type { AppMode, KeyStorage, SecretName, SecretStatus } from '../../../shared/protocol';

export const SECRET_LABELS: Record<SecretName, string> = {
  openai: 'OpenAI API key',
  anthropic: 'Anthropic API key',
  openaiCompatible: 'Local server API key (if it needs one)',
};

/** A key the other mode stored, which this one cannot use (the app's is encrypted where browser mode cannot read it). */
const STORED_BY_OTHER_MODE: Record<AppMode, string> = {
  'desktop-app': 'Stored by the desktop app; enter it again here to use it in browser mode.',
  'browser-mode': 'Stored by browser mode; enter it again here to use it in the app.',
};

interface Props {
  name: SecretName;
  status: SecretStatus | undefined;
  storage: KeyStorage;
  /** What is typed, not saved yet. */
  value: string;
  onChange(value: string): void;
  onRemove(): void;
}

/**
 * One API key, write-only (DESIGN.md §6): the page learns only whether one is stored. Where
 * keys cannot be stored (no keyring) nothing can be typed; removing one always works.
 */
export function ApiKeyField({ name, status, storage, value, onChange, onRemove }: Props) {
  const refused = storage.kind === 'unavailable';
  return (
    <div className="field">
      <label htmlFor={`secret-${name}`}>{SECRET_LABELS[name]}</label>
      <div className="row">
        <input
          id={`secret-${name}`}
          type="password"
          autoComplete="off"
          disabled={refused}
          placeholder={refused ? 'Cannot be stored on this computer' : status?.hasKey ? 'Stored — type to replace' : 'Not set'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        {status?.hasKey && (
          <button type="button" onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      {status?.storedBy && (
        <span className="muted" data-testid={`secret-${name}-elsewhere`}>
          {STORED_BY_OTHER_MODE[status.storedBy]}
        </span>
      )}
    </div>
  );
}

/** Said once above the keys: encrypted, a plain file only the user can read, or not stored at all. */
export function KeyStorageNote({ storage }: { storage: KeyStorage }) {
  if (!storage.note) return null;
  return (
    <p className={storage.kind === 'unavailable' ? 'notice' : 'muted'} role={storage.kind === 'unavailable' ? 'alert' : 'note'} data-testid="key-storage">
      {storage.note}
    </p>
  );
}
