import { useState } from 'react';
import { useAppStore } from '../store/app-store';
import { useTransport } from '../transport/transport-context';

/** The live interview: the question, the answer box and the controls. */
export function InterviewScreen() {
  const transport = useTransport();
  const session = useAppStore((s) => s.session);
  const [answer, setAnswer] = useState('');
  const question = session.question;

  if (!question) {
    return (
      <section className="screen">
        <h1>Interview</h1>
        <p className="muted" data-testid="no-interview">
          {session.ended ? 'This interview has ended.' : 'No interview is in progress. Start one from Practice.'}
        </p>
      </section>
    );
  }

  const questionId = question.questionId;
  const submit = (): void => {
    if (!answer.trim()) return;
    transport.send({ type: 'text_answer', questionId, text: answer });
    setAnswer('');
  };

  return (
    <section className="screen interview">
      <p className="muted">
        Question {question.index} · {question.phase} · {question.difficulty}
        {question.followUp ? ' · follow-up' : ''}
        {session.engineState ? ` · ${session.engineState}` : ''}
      </p>
      <h1 data-testid="question-text">{question.text}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>Your answer</span>
          <textarea
            value={answer}
            rows={8}
            onChange={(e) => setAnswer(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter sends, as in chat apps; plain Enter makes a new line.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={!answer.trim()}>
            Send answer
          </button>
          <button type="button" onClick={() => transport.send({ type: 'repeat', questionId })}>Repeat</button>
          <button type="button" onClick={() => transport.send({ type: 'skip', questionId })}>Skip</button>
          <button type="button" onClick={() => transport.send({ type: 'pause' })}>Pause</button>
          <button type="button" className="danger" onClick={() => transport.send({ type: 'end' })}>End interview</button>
        </div>
      </form>
    </section>
  );
}
