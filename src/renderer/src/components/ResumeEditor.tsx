import type { ResumeProfile, ResumeRole } from '../../../shared/protocol';
import { LIMITS } from '../../../shared/protocol';
import { SkillList } from './SkillList';

const MONTH_OR_YEAR = '\\d{4}(-(0[1-9]|1[0-2]))?';

/** The parsed résumé as the candidate corrects it: roles with dates, years, skills, achievements. */
export function ResumeEditor({ profile, suggestions, onChange }: { profile: ResumeProfile; suggestions: string[]; onChange(profile: ResumeProfile): void }) {
  const setRole = (index: number, change: Partial<ResumeRole>): void => onChange({ ...profile, roles: profile.roles.map((role, i) => (i === index ? withoutEmpty({ ...role, ...change }) : role)) });
  return (
    <div className="profile-editor" data-testid="resume-editor">
      <fieldset>
        <legend>Roles</legend>
        {profile.roles.length === 0 && <p className="muted">No roles with dates were found. Add the ones you want questions about.</p>}
        {profile.roles.map((role, index) => (
          <div className="role-row" key={index} data-testid="role">
            <label>
              Title
              <input value={role.title} required maxLength={LIMITS.shortTextChars} onChange={(e) => setRole(index, { title: e.target.value })} />
            </label>
            <label>
              Company
              <input value={role.company ?? ''} maxLength={LIMITS.shortTextChars} onChange={(e) => setRole(index, { company: e.target.value })} />
            </label>
            <label>
              From
              <input value={role.start ?? ''} placeholder="2019-03" pattern={MONTH_OR_YEAR} size={8} onChange={(e) => setRole(index, { start: e.target.value })} />
            </label>
            <label>
              To
              <input value={role.current ? '' : (role.end ?? '')} placeholder={role.current ? 'now' : '2023-11'} pattern={MONTH_OR_YEAR} size={8} disabled={role.current} onChange={(e) => setRole(index, { end: e.target.value })} />
            </label>
            <label className="inline">
              <input type="checkbox" checked={role.current} onChange={(e) => setRole(index, { current: e.target.checked })} /> Current
            </label>
            <button type="button" onClick={() => onChange({ ...profile, roles: profile.roles.filter((_r, i) => i !== index), achievements: profile.achievements.filter((a) => a.role !== index).map((a) => (a.role !== undefined && a.role > index ? { ...a, role: a.role - 1 } : a)) })}>
              Remove role
            </button>
          </div>
        ))}
        {profile.roles.length < LIMITS.profileRoles && (
          <button type="button" onClick={() => onChange({ ...profile, roles: [...profile.roles, { title: 'New role', current: false }] })}>
            Add a role
          </button>
        )}
      </fieldset>
      <label>
        Years of experience
        <input
          type="number"
          min={0}
          max={60}
          step={0.5}
          value={profile.yearsOfExperience ?? ''}
          onChange={(e) => {
            const { yearsOfExperience: _old, ...rest } = profile;
            onChange(e.target.value === '' ? rest : { ...rest, yearsOfExperience: Number(e.target.value) });
          }}
        />
      </label>
      <SkillList label="Skills" skills={profile.skills} suggestions={suggestions} onChange={(skills) => onChange({ ...profile, skills })} testId="resume-skills" />
      <fieldset>
        <legend>Achievements with numbers</legend>
        {profile.achievements.length === 0 && <p className="muted">None found: results with a number in them (“cut load time from 4 s to 1 s”) make good questions.</p>}
        {profile.achievements.map((achievement, index) => (
          <div className="achievement-row" key={index}>
            <textarea
              aria-label={`Achievement ${index + 1}`}
              rows={2}
              maxLength={LIMITS.achievementChars}
              value={achievement.text}
              onChange={(e) => onChange({ ...profile, achievements: profile.achievements.map((a, i) => (i === index ? { ...a, text: e.target.value } : a)) })}
            />
            <button type="button" onClick={() => onChange({ ...profile, achievements: profile.achievements.filter((_a, i) => i !== index) })}>
              Remove
            </button>
          </div>
        ))}
        {profile.achievements.length < LIMITS.profileAchievements && (
          <button type="button" onClick={() => onChange({ ...profile, achievements: [...profile.achievements, { text: '' }] })}>
            Add an achievement
          </button>
        )}
      </fieldset>
    </div>
  );
}

/** Empty fields are absent, as the profile's schema has them. */
function withoutEmpty(role: ResumeRole): ResumeRole {
  const { company, start, end, ...rest } = role;
  return { ...rest, ...(company ? { company } : {}), ...(start ? { start } : {}), ...(end && !role.current ? { end } : {}) };
}
