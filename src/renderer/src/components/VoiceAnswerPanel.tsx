import { useCallback, useEffect, useRef } from 'react';
import type { QuestionMessage } from '../../../shared/protocol';
import { useVoiceRecorder } from '../audio/use-voice-recorder';
import { useSend } from '../transport/use-send';
import { LevelMeter } from './LevelMeter';
import { MicrophoneHelp } from './MicrophoneHelp';

interface Props {
  question: QuestionMessage;
  handsFree: boolean;
  silenceMs: number;
  /**
   * The question was played sentence by sentence as it streamed (issue #10), not from its own
   * file; `spoken` once every sentence has played. Its own file is there to play again.
   */
  streamed?: { spoken: boolean } | undefined;
  onTypeInstead(): void;
}

/**
 * Voice mode (issue #4): plays the spoken question, then records the answer, by push-to-talk
 * (hold the button or Space) or hands-free (starts when the question has been spoken, or at
 * once when it is only shown; ends after a pause; "Let me think" holds it open).
 */
export function VoiceAnswerPanel({ question, handsFree, silenceMs, streamed, onTypeInstead }: Props) {
  const send = useSend();
  const recorder = useVoiceRecorder({ handsFree, silenceMs });
  const audio = useRef<HTMLAudioElement>(null);
  const questionId = question.questionId;
  const { start, stop, state } = recorder;

  // Push-to-talk with the Space bar, except while typing in a field.
  useEffect(() => {
    if (handsFree) return;
    const typing = (event: KeyboardEvent): boolean => event.target instanceof HTMLElement && event.target.closest('input, textarea, select, button') !== null;
    const down = (event: KeyboardEvent): void => {
      if (event.code !== 'Space' || event.repeat || typing(event)) return;
      event.preventDefault();
      void start(questionId);
    };
    const up = (event: KeyboardEvent): void => {
      if (event.code !== 'Space' || typing(event)) return;
      event.preventDefault();
      stop();
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, [handsFree, questionId, start, stop]);

  // Hands-free with nothing to play (voice off, or it failed): listen as soon as the question
  // shows. Silence detection only ends an answer after speech, so reading the question first is fine.
  const spoken = question.audio !== undefined;
  useEffect(() => {
    if (handsFree && !spoken) void start(questionId);
  }, [handsFree, spoken, questionId, start]);

  const questionSpoken = useCallback((): void => {
    send({ type: 'playback_complete', questionId });
    if (handsFree) void start(questionId);
  }, [handsFree, questionId, send, start]);

  const streamedSpoken = streamed?.spoken === true;
  useEffect(() => {
    if (streamedSpoken) questionSpoken();
  }, [streamedSpoken, questionSpoken]);

  if (recorder.failure) {
    return <MicrophoneHelp failure={recorder.failure} onType={onTypeInstead} onRetry={() => void start(questionId)} />;
  }

  return (
    <div className="voice-panel" data-testid="voice-panel" data-recorder={state}>
      {question.audio && (
        <div className="row">
          <audio ref={audio} key={questionId} src={question.audio.url} autoPlay={!streamed} onEnded={questionSpoken} data-testid="question-audio" />
          <button type="button" onClick={() => void audio.current?.play()}>
            Play the question again
          </button>
        </div>
      )}
      {handsFree ? (
        <div className="row">
          {state === 'idle' ? (
            <button type="button" className="primary" onClick={() => void start(questionId)}>
              Start answering
            </button>
          ) : (
            <button type="button" className="primary" onClick={stop}>
              Done answering
            </button>
          )}
          <button type="button" aria-pressed={recorder.holding} disabled={state !== 'recording'} onClick={() => recorder.setHolding(!recorder.holding)}>
            {recorder.holding ? 'Continue (stop holding)' : 'Let me think'}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={`talk-button${state !== 'idle' ? ' active' : ''}`}
          onPointerDown={() => void start(questionId)}
          onPointerUp={stop}
          onPointerLeave={() => state !== 'idle' && stop()}
        >
          {state === 'idle' ? 'Hold to talk (or hold Space)' : 'Recording… release to finish'}
        </button>
      )}
      {state !== 'idle' && <LevelMeter levelDb={recorder.levelDb} />}
    </div>
  );
}
