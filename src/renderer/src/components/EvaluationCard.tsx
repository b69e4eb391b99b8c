import type { EvaluationMessage } from '../../../shared/protocol';

type Evaluation = Pick<EvaluationMessage, 'score' | 'feedback' | 'strengths' | 'weaknesses' | 'suggestions' | 'skillsShown'>;

/**
 * One answer's score and feedback, in the live transcript and in the report. The introduction
 * and closing get feedback without a score (DESIGN.md §5.1): `showScore` false.
 */
export function EvaluationCard({ evaluation, modelAnswer, showScore = true }: { evaluation: Evaluation; modelAnswer?: string[] | undefined; showScore?: boolean }) {
  return (
    <div className="evaluation" data-testid="evaluation">
      <p>
        {showScore && (
          <>
            <strong className="answer-score" data-testid="answer-score">
              {evaluation.score} / 10
            </strong>{' '}
          </>
        )}
        {evaluation.feedback}
      </p>
      <FeedbackList title="Strengths" items={evaluation.strengths} />
      <FeedbackList title="To improve" items={evaluation.weaknesses} />
      <FeedbackList title="Suggestions" items={evaluation.suggestions} />
      {modelAnswer && modelAnswer.length > 0 && (
        <details>
          <summary>Model answer outline</summary>
          <ul>
            {modelAnswer.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function FeedbackList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="feedback-list">
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
