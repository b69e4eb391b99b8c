import { useId, useState } from 'react';
import { LIMITS, type SkillRef } from '../../../shared/protocol';

/**
 * A profile's skills as the candidate corrects them: each can be removed, and one can be added
 * by name (suggested from the vocabulary). Main matches a typed name to the vocabulary when
 * the profile is saved, so the key given here is only a placeholder.
 */
export function SkillList({ label, skills, suggestions, onChange, testId }: { label: string; skills: SkillRef[]; suggestions: string[]; onChange(skills: SkillRef[]): void; testId: string }) {
  const [adding, setAdding] = useState('');
  const inputId = useId();
  const listId = useId();
  const add = (): void => {
    const name = adding.trim();
    if (!name || skills.length >= LIMITS.profileSkills || skills.some((s) => s.name.toLowerCase() === name.toLowerCase())) return;
    onChange([...skills, { key: `typed:${name.toLowerCase()}`, name }]);
    setAdding('');
  };
  return (
    <fieldset className="skill-list" data-testid={testId}>
      <legend>{label}</legend>
      <ul>
        {skills.length === 0 && <li className="muted">None yet.</li>}
        {skills.map((skill) => (
          <li key={skill.key} className="skill-chip" data-testid="skill">
            <span>{skill.name}</span>
            <button type="button" aria-label={`Remove ${skill.name}`} onClick={() => onChange(skills.filter((s) => s.key !== skill.key))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={inputId}>Add a skill</label>
      <input
        id={inputId}
        list={listId}
        value={adding}
        maxLength={LIMITS.shortTextChars}
        onChange={(event) => setAdding(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          }
        }}
      />
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <button type="button" onClick={add} disabled={!adding.trim()}>
        Add
      </button>
    </fieldset>
  );
}
