import { POSTING_SKILL_COLUMNS, postingSkillCells } from '../../../shared/report/posting-skills';
import type { PostingSkills } from '../../../shared/report/report-model';
import { DataTable } from './DataTable';

/** The report's skills table (issue #14): each skill the posting asked for, against the résumé and the answers. */
export function PostingSkillsTable({ skills }: { skills: PostingSkills }) {
  return (
    <div className="posting-skills" data-testid="posting-skills">
      <h2>Skills the posting asks for: {skills.posting}</h2>
      {skills.resume && <p className="muted">Against the résumé {skills.resume} and your answers.</p>}
      <DataTable
        columns={POSTING_SKILL_COLUMNS}
        className="phase-table"
        rows={skills.rows.map(postingSkillCells)}
        rowAttributes={(index) => ({ 'data-testid': 'posting-skill-row', 'data-status': skills.rows[index]!.status })}
      />
    </div>
  );
}
