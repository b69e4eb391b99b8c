import type { ClientMessage, SpeechAnalytics } from '../../shared/protocol';
import { describeError } from '../log';
import { writeFailureOf } from '../write-failure';
import { analyseRecording } from './answer-recording';
import type { EngineDeps, Live, TurnOutcome } from './engine-context';
import type { KeptAnswer } from './kept-answers';
import type { NewAnswer } from './ports';
import type { VoiceAnswers } from './voice-answers';

export type EvaluateAndMoveOn = (current: Live, answerId: string, text: string, outcome: TurnOutcome) => Promise<void>;

/**
 * The candidate's answer on its way to the database: typed, or the confirmed transcript of a
 * recording. Nothing said is lost (DESIGN.md §5): when the disk refuses the answer it is kept
 * in memory (issue #9, fault 7) and written before anything else, at the candidate's next step.
 */
export interface AnswerSubmission {
  /** The answer to `questionId` with this text; an earlier take the disk refused keeps its id, so it is written once. */
  answerOf(current: Live, questionId: string, text: string): KeptAnswer;
  /** Evaluates and commits it with the next question; keeps it when the disk refuses. */
  submit(current: Live, answer: KeptAnswer): Promise<void>;
  /**
   * Writes what the disk refused earlier: the recording's row, then the kept answer, which
   * moves the interview on. A new answer to the same question replaces the kept text instead.
   * Says whether `message` has anything left to do (one about the question just answered has not).
   */
  writeWhatWasKept(current: Live, message: ClientMessage): Promise<boolean>;
}

export function createAnswerSubmission(deps: EngineDeps, voice: VoiceAnswers, evaluateAndMoveOn: EvaluateAndMoveOn, now: () => string): AnswerSubmission {
  const { repository, keptAnswers, log } = deps;

  // How it was said is measured on the recording and what the recogniser heard, never on the typing.
  const analyticsOf = (audioPath: string, transcript: string | undefined): SpeechAnalytics | undefined => {
    try {
      return analyseRecording(deps.media, audioPath, transcript);
    } catch (error) {
      log.warn('answer.analytics_failed', { error: describeError(error) });
      return undefined;
    }
  };

  const submit = async (current: Live, given: KeptAnswer): Promise<void> => {
    let answer = given;
    const record = (): NewAnswer => ({ id: answer.answerId, turnId: answer.turnId, text: answer.text, transcript: null, answeredAt: now() });
    try {
      // A model provider may take seconds: commit the answer on its own first. The embedded
      // interviewer takes a fraction of a millisecond: commit answer and evaluation together
      // (DESIGN.md §5), and only save the answer alone if that step fails.
      if (!answer.stored && deps.interviewer() !== deps.fallback) {
        repository.recordAnswer(record());
        answer = { ...answer, stored: true };
      }
      const outcome: TurnOutcome = answer.stored
        ? { confirmedAnswer: { id: answer.answerId, text: answer.text, analytics: answer.audioPath ? analyticsOf(answer.audioPath, answer.transcript) : undefined } }
        : { answer: record() };
      await evaluateAndMoveOn(current, answer.answerId, answer.text, outcome);
    } catch (error) {
      if (writeFailureOf(error, deps.dataDir)) {
        keptAnswers.keep(current.id, answer);
      } else if (!answer.stored && !repository.load(current.id)?.turns.some((t) => t.answer?.id === answer.answerId)) {
        repository.recordAnswer(record());
      }
      throw error;
    }
  };

  return {
    answerOf(current, questionId, text) {
      const saved = current.saved?.turnId === questionId ? current.saved : undefined;
      if (saved) return { turnId: questionId, text, answerId: saved.answerId, stored: true, audioPath: saved.audioPath, transcript: saved.transcript };
      const kept = keptAnswers.get(current.id);
      return kept?.turnId === questionId ? { ...kept, text } : { turnId: questionId, text, answerId: deps.ids.newId(), stored: false };
    },

    submit,

    async writeWhatWasKept(current, message) {
      voice.registerKept(current);
      const kept = keptAnswers.get(current.id);
      if (!kept) return true;
      if (kept.turnId !== current.current.id) {
        keptAnswers.drop(current.id);
        return true;
      }
      if (message.type === 'text_answer' && message.questionId === kept.turnId) return true;
      log.info('answer.kept_retried', { interviewId: current.id });
      await submit(current, kept);
      return !('questionId' in message && message.questionId === kept.turnId);
    },
  };
}
