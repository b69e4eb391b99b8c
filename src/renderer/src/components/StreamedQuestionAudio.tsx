import { useEffect, useState } from 'react';
import type { QuestionSpeech } from '../store/session-reducer';

interface Props {
  speech: QuestionSpeech;
  /** Every sentence has played and the question has come: the question has been said. */
  onFinished(): void;
}

/**
 * Stage 4 of a streamed question (model → sentences → speech queue → playback; STYLE.md §10):
 * plays the question's sentences in order as their audio arrives, so speech starts with the
 * first sentence while the rest is still being written. A sentence that has not arrived yet
 * is waited for; the end of the stream is the question itself arriving (`complete`), after
 * the last sentence has played. A sentence that cannot be played is passed over.
 */
export function StreamedQuestionAudio({ speech, onFinished }: Props) {
  const [playing, setPlaying] = useState(0);
  const part = speech.parts[playing];
  const done = playing >= speech.parts.length && speech.complete;
  useEffect(() => {
    if (done) onFinished();
  }, [done, onFinished]);
  if (!part) return null;
  const next = (): void => setPlaying((index) => index + 1);
  return <audio key={part.url} src={part.url} autoPlay onEnded={next} onError={next} data-testid="question-sentence-audio" data-sentence={part.index} />;
}
