import { POSTING_SKILL_COLUMNS, postingSkillCells } from '../../../shared/report/posting-skills';
import type { PostingSkills } from '../../../shared/report/report-model';

/** The report's skills table (issue #14): each skill the posting asked for, against the résumé and the answers. */
export function PostingSkillsTable({ skills }: { skills: PostingSkills }) {
  return (
    <div className="posting-skills" data-testid="posting-skills">
      <h2>Skills the posting asks for: {skills.posting}</h2>
      {skills.resume && <p className="muted">Against the résumé {skills.resume} and your answers.</p>}
      <table className="phase-table">
        <thead>
          <tr>
            {POSTING_SKILL_COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {skills.rows.map((row) => (
            <tr key={row.skill} data-testid="posting-skill-row" data-status={row.status}>
              {postingSkillCells(row).map((cell, i) => (
                <td key={POSTING_SKILL_COLUMNS[i]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
