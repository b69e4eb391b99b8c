import { progressLine } from '../../../shared/interview/progress-line';
import { useAppStore } from '../store/app-store';
import { EvaluationCard } from './EvaluationCard';
import { Waveform } from './Waveform';

/** The live transcript: earlier questions, what was said (with its waveform) and, if wanted, the feedback. */
export function TranscriptList({ showFeedback }: { showFeedback: boolean }) {
  const session = useAppStore((s) => s.session);
  const earlier = session.questions.filter((q) => q.questionId !== session.question?.questionId);
  if (earlier.length === 0) return null;
  return (
    <section className="transcript" aria-label="Transcript">
      <h2>So far</h2>
      <ol>
        {earlier.map((q) => {
          const evaluation = session.evaluations.find((e) => e.questionId === q.questionId);
          const spoken = session.transcripts[q.questionId];
          const said = session.answers[q.questionId] ?? spoken?.text;
          return (
            <li key={q.questionId} className="panel">
              <p className="muted">{progressLine(q, session.config)}</p>
              <p className="transcript-question">{q.text}</p>
              {q.audio?.peaks && <Waveform url={q.audio.url} peaks={q.audio.peaks} durationMs={q.audio.durationMs} label="question" />}
              <p className="transcript-answer">{session.skipped.includes(q.questionId) ? <em>Skipped</em> : said}</p>
              {spoken?.audio?.peaks && <Waveform url={spoken.audio.url} peaks={spoken.audio.peaks} durationMs={spoken.audio.durationMs} label="answer" />}
              {/* The introduction and closing get feedback, not a score (DESIGN.md §5.1). */}
              {evaluation && showFeedback && <EvaluationCard evaluation={evaluation} showScore={q.phase !== 'intro' && q.phase !== 'wrapup'} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
