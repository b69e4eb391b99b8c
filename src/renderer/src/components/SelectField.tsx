import { useId } from 'react';

/** A labelled choice among fixed options; `hidden` options stay valid values but are not offered. */
export function SelectField<T extends string>({ label, value, options, hidden = [], onChange }: { label: string; value: T; options: Record<T, string>; hidden?: T[]; onChange(value: T): void }) {
  // A separate label (not wrapping the select) keeps the accessible name to the label alone.
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {(Object.keys(options) as T[])
          .filter((option) => !hidden.includes(option))
          .map((option) => (
            <option key={option} value={option}>
              {options[option]}
            </option>
          ))}
      </select>
    </div>
  );
}
