import { useId, useState } from 'react';

interface Props {
  value: string | undefined;
  /** The model used when none is named (OpenAI, Anthropic); a local server has none. */
  defaultModel: string | undefined;
  /** What the server lists; a text field while there is no list. */
  models: string[] | undefined;
  onChange(model: string | undefined): void;
}

const TYPE_ANOTHER = '\u0000another';

/**
 * The model: a list from the server where it has one, else a text field. A model the server
 * does not list (a llama.cpp server answers to any name) can still be typed.
 */
export function ModelNameField({ value, defaultModel, models, onChange }: Props) {
  const id = useId();
  const [typing, setTyping] = useState(false);
  const listed = models && models.length > 0 && !typing;
  return (
    <div className="field">
      <label htmlFor={id}>Model</label>
      {listed ? (
        <select
          id={id}
          value={value ?? ''}
          onChange={(e) => {
            if (e.target.value === TYPE_ANOTHER) setTyping(true);
            else onChange(e.target.value || undefined);
          }}
        >
          <option value="">{defaultModel ? `Default (${defaultModel})` : 'Choose a model'}</option>
          {value && !models.includes(value) && <option value={value}>{value} (not listed by the server)</option>}
          {models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
          <option value={TYPE_ANOTHER}>Type another name…</option>
        </select>
      ) : (
        <input id={id} type="text" autoComplete="off" spellCheck={false} placeholder={defaultModel ?? 'e.g. llama3.2'} value={value ?? ''} onChange={(e) => onChange(e.target.value.trim() || undefined)} />
      )}
    </div>
  );
}
