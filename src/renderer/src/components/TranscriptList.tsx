import { useState } from 'react';
import { progressLine } from '../../../shared/interview/progress-line';
import type { EvaluationMessage, QuestionMessage } from '../../../shared/protocol';
import { useAppStore } from '../store/app-store';
import type { SessionState } from '../store/session-reducer';
import { EvaluationCard } from './EvaluationCard';
import { isScored } from './turn-labels';
import { Waveform } from './Waveform';

/**
 * The earlier questions, newest first, each folded to one line that opens on what was said
 * (with its waveform) and, if wanted, the feedback (issue #9: a long history pushed the
 * latest feedback out of sight).
 */
export function TranscriptList({ showFeedback }: { showFeedback: boolean }) {
  const session = useAppStore((s) => s.session);
  const earlier = session.questions.filter((q) => q.questionId !== session.question?.questionId).reverse();
  if (earlier.length === 0) return null;
  return (
    <section className="transcript" aria-labelledby="so-far-title">
      <h2 id="so-far-title">So far</h2>
      <ol>
        {earlier.map((q) => (
          <EarlierTurn key={q.questionId} question={q} session={session} evaluation={showFeedback ? session.evaluations.find((e) => e.questionId === q.questionId) : undefined} />
        ))}
      </ol>
    </section>
  );
}

function EarlierTurn({ question, session, evaluation }: { question: QuestionMessage; session: SessionState; evaluation: EvaluationMessage | undefined }) {
  // Waveforms are drawn once the turn is opened: a folded one has no width to draw in.
  const [open, setOpen] = useState(false);
  const spoken = session.transcripts[question.questionId];
  const skipped = session.skipped.includes(question.questionId);
  const said = session.answers[question.questionId] ?? spoken?.text;
  const scored = isScored(question);
  return (
    <li className="panel" data-testid="earlier-turn">
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <span className="earlier-turn-line">
            {progressLine(question, session.config)}
            {skipped ? ' · Skipped' : evaluation && scored ? ` · ${evaluation.score} / 10` : ''}
          </span>
          <span className="transcript-question">{question.text}</span>
        </summary>
        {open && question.audio?.peaks && <Waveform url={question.audio.url} peaks={question.audio.peaks} durationMs={question.audio.durationMs} label="question" />}
        <p className="transcript-answer">{skipped ? <em>Skipped</em> : said}</p>
        {open && spoken?.audio?.peaks && <Waveform url={spoken.audio.url} peaks={spoken.audio.peaks} durationMs={spoken.audio.durationMs} label="answer" />}
        {evaluation && <EvaluationCard evaluation={evaluation} showScore={scored} />}
      </details>
    </li>
  );
}
