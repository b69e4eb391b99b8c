import { Level, LIMITS, type PostingProfile } from '../../../shared/protocol';
import { SkillList } from './SkillList';

/** The parsed job posting as the candidate corrects it: role, level, must-have and nice-to-have skills. */
export function PostingEditor({ profile, suggestions, onChange }: { profile: PostingProfile; suggestions: string[]; onChange(profile: PostingProfile): void }) {
  return (
    <div className="profile-editor" data-testid="posting-editor">
      <label>
        Role
        <input
          value={profile.role ?? ''}
          maxLength={LIMITS.shortTextChars}
          onChange={(e) => {
            const { role: _old, ...rest } = profile;
            onChange(e.target.value ? { ...rest, role: e.target.value } : rest);
          }}
        />
      </label>
      <label>
        Level
        <select
          value={profile.level ?? ''}
          onChange={(e) => {
            const { level: _old, ...rest } = profile;
            const level = Level.safeParse(e.target.value);
            onChange(level.success ? { ...rest, level: level.data } : rest);
          }}
        >
          <option value="">Not stated</option>
          {Level.options.map((level) => (
            <option key={level} value={level}>
              {level[0]!.toUpperCase() + level.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <SkillList label="Must have" skills={profile.mustHave} suggestions={suggestions} onChange={(mustHave) => onChange({ ...profile, mustHave })} testId="posting-must" />
      <SkillList label="Nice to have" skills={profile.niceToHave} suggestions={suggestions} onChange={(niceToHave) => onChange({ ...profile, niceToHave })} testId="posting-nice" />
    </div>
  );
}
