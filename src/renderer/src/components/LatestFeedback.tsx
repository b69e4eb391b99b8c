import { progressLine } from '../../../shared/interview/progress-line';
import type { EvaluationMessage, InterviewConfig, QuestionMessage } from '../../../shared/protocol';
import { EvaluationCard } from './EvaluationCard';
import { isScored } from './turn-labels';

/**
 * The feedback on the answer just sent, shown above the next question, where the candidate is
 * looking (issue #9: it used to be appended far below, out of sight). The live region is
 * always there, so a screen reader announces each new piece of feedback as it arrives.
 */
export function LatestFeedback({ question, evaluation, config }: { question: QuestionMessage | undefined; evaluation: EvaluationMessage | undefined; config: InterviewConfig | null }) {
  return (
    <div aria-live="polite" data-testid="latest-feedback-live">
      {question && evaluation && (
        <section className="panel latest-feedback" aria-labelledby="latest-feedback-title" data-testid="latest-feedback">
          <h2 id="latest-feedback-title">Feedback on your last answer</h2>
          <p className="muted latest-feedback-question">
            {progressLine(question, config)}: {question.text}
          </p>
          <EvaluationCard evaluation={evaluation} showScore={isScored(question)} />
        </section>
      )}
    </div>
  );
}
