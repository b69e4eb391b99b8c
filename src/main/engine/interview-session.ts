import { PROTOCOL_VERSION, type ClientMessage, type SpeechAnalytics } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import { describeError } from '../log';
import type { Emit, SessionPort } from '../session/session-port';
import { analyseRecording } from './answer-recording';
import { initialSnapshot } from './assessment-rules';
import { EngineError, type EngineDeps, type Live } from './engine-context';
import { createInterviewerCalls } from './interviewer-calls';
import type { Advance, EngineSnapshot, NewAnswer, NewTurn } from './ports';
import { speakQuestion } from './question-voice';
import { scoringTurnOf, withOutcome } from './live-turns';
import { summariseScores } from './score-summary';
import { restoreSnapshot } from './stored-snapshot';
import { toNewTurn, type FinishedTurn } from './turn-planner';
import { createVoiceAnswers } from './voice-answers';

export type { EngineDeps } from './engine-context';

type TurnOutcome = Pick<Advance, 'answer' | 'confirmedAnswer' | 'evaluation' | 'skippedTurnId'>;
type Evaluated = { answerId: string; result: AnswerEvaluation; evaluator: string; outcome: TurnOutcome };

/**
 * One client's interview session (DESIGN.md §4.1, §5). Messages, and audio chunks, are
 * handled strictly one at a time, so an answer that arrives while the previous one is being
 * evaluated is judged against the state that evaluation leaves, never a half-updated one.
 */
export function createInterviewSession(deps: EngineDeps, emit: Emit): SessionPort & { whenIdle(): Promise<void> } {
  const { repository, clock, ids, log } = deps;
  let live: Live | null = null;
  let queue: Promise<void> = Promise.resolve();
  const calls = createInterviewerCalls(deps, emit);
  const now = (): string => clock.now().toISOString();
  const voice = createVoiceAnswers(deps, emit, now);
  const holder = {
    detach() {
      if (!live) return;
      voice.saveRecording(live);
      live = null;
      emit({ type: 'error', code: 'WRONG_STATE', message: 'This interview was opened in another window.', recoverable: true });
    },
  };

  const requireLive = (): Live => {
    if (!live) throw new EngineError('WRONG_STATE', 'No interview is in progress. Start or resume one first.');
    return live;
  };
  const requireAnswerable = (questionId: string): Live => {
    const current = requireLive();
    if (current.paused) throw new EngineError('WRONG_STATE', 'The interview is paused. Resume it to continue.');
    if (current.current.id !== questionId) throw new EngineError('WRONG_STATE', 'That question is no longer the current one.');
    return current;
  };

  /** Why the system voice took over, said once per session rather than with every question. */
  const voiceNoticesGiven = new Set<string>();
  /** In voice interviews the question is spoken into a file before it is committed and sent. */
  const withVoice = async (interviewId: string, mode: Live['config']['mode'], turn: NewTurn): Promise<NewTurn> => {
    if (mode !== 'voice') return turn;
    const { audio, failure, notice } = await speakQuestion(deps, interviewId, turn.id, turn.questionText);
    if (failure) emit({ type: 'error', code: 'TTS_FAILED', message: failure, recoverable: true });
    if (notice && !voiceNoticesGiven.has(notice)) {
      voiceNoticesGiven.add(notice);
      emit({ type: 'error', code: 'TTS_FALLBACK', message: notice, recoverable: true });
    }
    return audio ? { ...turn, questionAudio: audio } : turn;
  };

  /** Sends the live interview's current question, numbered as the report numbers it (§5.1). */
  const sendQuestion = (current: Live): void => {
    const turn = current.current;
    const audio = turn.questionAudio;
    const { mainNumber, parentNumber } = summariseScores(current.turns).byTurn.get(turn.id) ?? {};
    emit({
      type: 'question',
      questionId: turn.id,
      text: turn.questionText,
      phase: turn.phase,
      difficulty: turn.difficulty,
      index: turn.index,
      followUp: turn.followUp,
      ...(mainNumber ? { mainNumber } : {}),
      ...(parentNumber ? { parentNumber } : {}),
      ...(audio ? { audio: { url: deps.mediaUrl(audio.path), durationMs: audio.durationMs, peaks: audio.peaks } } : {}),
    });
    emit({ type: 'status', state: audio ? 'speaking' : 'ready' });
  };

  const attach = (next: Live, resumed: boolean): void => {
    live = next;
    deps.attachments.claim(next.id, holder);
    emit({ type: 'session_started', interviewId: next.id, config: next.config, resumed, protocolVersion: PROTOCOL_VERSION });
  };

  const emitEvaluation = (questionId: string, answerId: string, result: AnswerEvaluation): void => {
    emit({
      type: 'evaluation',
      questionId,
      answerId,
      score: result.score,
      feedback: result.feedback,
      strengths: result.strengths,
      weaknesses: result.weaknesses,
      suggestions: result.suggestions,
      ...(result.skillsShown.length > 0 ? { skillsShown: result.skillsShown } : {}),
    });
  };

  /**
   * The overall score and the count come from the same summary as the report's (§5.1); on
   * `end`, the question on screen was neither answered nor skipped and does not count.
   */
  const finish = (current: Live, status: 'completed' | 'ended', snapshot: EngineSnapshot, outcome: TurnOutcome): void => {
    const summary = summariseScores(current.turns);
    const score = summary.overallScore;
    repository.advance({ interviewId: current.id, snapshot: { ...snapshot, currentTurnId: null }, updatedAt: now(), finish: { status, overallScore: score, completedAt: now() }, ...outcome });
    deps.attachments.release(current.id, holder);
    live = null;
    if (outcome.evaluation) emitEvaluation(current.current.id, outcome.evaluation.answerId, outcome.evaluation.evaluation);
    emit({ type: 'interview_complete', interviewId: current.id, overallScore: score, totalQuestions: summary.mainQuestions });
    emit({ type: 'session_ended', interviewId: current.id, totalTurns: current.turnCount });
    log.info('interview.finished', { interviewId: current.id, status, turns: current.turnCount, mainQuestions: summary.mainQuestions, followUps: summary.followUps, score });
  };

  /**
   * After an answer (with its evaluation) or a skip: plan what comes next, commit the
   * evaluation, the snapshot and the next question in one transaction, and only then tell
   * the client (DESIGN.md §5).
   */
  const moveOn = async (current: Live, evaluated: Evaluated | undefined): Promise<void> => {
    const turn = current.current;
    const finished: FinishedTurn = { id: turn.id, phase: turn.phase, followUp: turn.followUp, sourceId: turn.sourceId, questionText: turn.questionText };
    current.turns = withOutcome(current.turns, turn.id, evaluated?.result.score);
    emit({ type: 'status', state: 'generating' });
    const step = await calls.planNext(current, finished, evaluated?.result);
    const outcome: TurnOutcome = evaluated
      ? {
          ...evaluated.outcome,
          evaluation: { id: ids.newId(), answerId: evaluated.answerId, evaluation: evaluated.result, evaluator: evaluated.evaluator, evaluatedAt: now() },
        }
      : { skippedTurnId: turn.id };
    current.saved = undefined;
    if (step.kind === 'finish') return finish(current, 'completed', step.snapshot, outcome);
    const nextTurn = await withVoice(current.id, current.config.mode, toNewTurn(step, ids.newId(), current.turnCount + 1, now()));
    const snapshot = { ...step.snapshot, currentTurnId: nextTurn.id };
    repository.advance({ interviewId: current.id, snapshot, updatedAt: now(), nextTurn, ...outcome });
    if (evaluated) emitEvaluation(turn.id, evaluated.answerId, evaluated.result);
    Object.assign(current, { snapshot, current: nextTurn, turnCount: current.turnCount + 1, turns: [...current.turns, scoringTurnOf(nextTurn)] });
    sendQuestion(current);
  };

  const evaluateAndMoveOn = async (current: Live, answerId: string, text: string, outcome: TurnOutcome): Promise<void> => {
    emit({ type: 'status', state: 'evaluating' });
    const turn = current.current;
    const { result, evaluator } = await calls.evaluate(current, { sourceId: turn.sourceId, text: turn.questionText, phase: turn.phase, followUp: turn.followUp }, text);
    await moveOn(current, { answerId, result, evaluator, outcome });
  };

  const handlers: { [T in ClientMessage['type']]: (message: Extract<ClientMessage, { type: T }>) => Promise<void> | void } = {
    async start({ config }) {
      if (live) throw new EngineError('WRONG_STATE', 'An interview is already running here. End or pause it before starting another.');
      if (!deps.trackExists(config.track)) throw new EngineError('NOT_FOUND', 'There is no such track. Choose one from the list.');
      const id = ids.newId();
      emit({ type: 'status', state: 'generating' });
      const plan = await calls.intro({ interviewId: id, config, askedSourceIds: [] });
      const startedAt = now();
      const first = await withVoice(id, config.mode, {
        id: ids.newId(),
        index: 1,
        phase: 'intro',
        difficulty: plan.difficulty,
        followUp: false,
        parentTurnId: null,
        sourceId: plan.sourceId,
        questionText: plan.text,
        askedAt: startedAt,
      });
      const snapshot: EngineSnapshot = { ...initialSnapshot(), currentTurnId: first.id };
      repository.create({ id, config, snapshot, startedAt }, first);
      log.info('interview.started', { interviewId: id, track: config.track, mode: config.mode, length: config.length ?? 'standard', custom: config.questions?.length ?? 0 });
      const started: Live = { id, config, snapshot, current: first, turnCount: 1, paused: false, turns: [scoringTurnOf(first)] };
      attach(started, false);
      sendQuestion(started);
    },

    async resume({ interviewId }) {
      if (live && live.id !== interviewId && !live.paused) {
        throw new EngineError('WRONG_STATE', 'Another interview is running here. Pause or end it first.');
      }
      const stored = repository.load(interviewId);
      if (!stored) throw new EngineError('NOT_FOUND', 'There is no interview with that id.');
      if (stored.status === 'completed' || stored.status === 'ended') {
        throw new EngineError('WRONG_STATE', 'That interview has finished; its report is in History.');
      }
      const currentTurn = stored.turns.find((t) => t.id === stored.snapshot.currentTurnId) ?? stored.turns.at(-1);
      if (!currentTurn) throw new EngineError('INTERNAL', 'The interview has no questions.');
      if (live && live.id !== interviewId) {
        voice.saveRecording(live);
        deps.attachments.release(live.id, holder);
      }
      repository.setStatus(interviewId, 'in_progress', now());
      const resumed: Live = {
        id: stored.id,
        config: stored.config,
        snapshot: restoreSnapshot(stored.snapshot, stored.turns),
        current: currentTurn,
        turnCount: stored.turns.length,
        paused: false,
        turns: stored.turns.map(scoringTurnOf),
      };
      attach(resumed, true);
      log.info('interview.resumed', { interviewId, turns: resumed.turnCount });
      // A crash between saving a typed answer and saving its evaluation: finish that step now.
      if (currentTurn.answer?.text && !currentTurn.evaluation) {
        return evaluateAndMoveOn(resumed, currentTurn.answer.id, currentTurn.answer.text, {});
      }
      sendQuestion(resumed);
      await voice.recover(resumed, currentTurn);
    },

    async text_answer({ questionId, text }) {
      const current = requireAnswerable(questionId);
      if (current.recording) throw new EngineError('WRONG_STATE', 'Stop recording before sending the answer.');
      if (!text.trim()) throw new EngineError('EMPTY_ANSWER', 'The answer is empty. Type an answer, or skip the question.');
      log.info('answer.received', { interviewId: current.id, chars: text.length, spoken: Boolean(current.saved) });
      const saved = current.saved?.turnId === questionId ? current.saved : undefined;
      if (saved) {
        // The candidate confirmed or corrected the transcript of their recording. How it was
        // said is measured on the recording and what the recogniser heard, never on the typing.
        const analytics = analyticsOf(saved.audioPath, saved.transcript);
        return evaluateAndMoveOn(current, saved.answerId, text, { confirmedAnswer: { id: saved.answerId, text, analytics } });
      }
      const record: NewAnswer = { id: ids.newId(), turnId: questionId, text, transcript: null, answeredAt: now() };
      // A model provider may take seconds: commit the answer on its own first. The embedded
      // interviewer takes a fraction of a millisecond: commit answer and evaluation together
      // (DESIGN.md §5), and only save the answer alone if that step fails.
      if (deps.interviewer() !== deps.fallback) {
        repository.recordAnswer(record);
        return evaluateAndMoveOn(current, record.id, text, {});
      }
      try {
        await evaluateAndMoveOn(current, record.id, text, { answer: record });
      } catch (error) {
        if (!repository.load(current.id)?.turns.some((t) => t.answer?.id === record.id)) repository.recordAnswer(record);
        throw error;
      }
    },

    async skip({ questionId }) {
      const current = requireAnswerable(questionId);
      voice.saveRecording(current);
      await moveOn(current, undefined);
    },

    repeat({ questionId }) {
      sendQuestion(requireAnswerable(questionId));
    },

    pause() {
      const current = requireLive();
      voice.saveRecording(current);
      current.paused = true;
      repository.setStatus(current.id, 'paused', now());
      emit({ type: 'status', state: 'paused' });
    },

    end() {
      const current = requireLive();
      voice.saveRecording(current);
      finish(current, 'ended', current.snapshot, {});
    },

    audio_start({ questionId, sampleRate }) {
      voice.start(requireAnswerable(questionId), sampleRate);
    },
    async audio_end({ questionId }) {
      await voice.end(requireLive(), questionId);
    },
    playback_complete({ questionId }) {
      requireAnswerable(questionId);
      emit({ type: 'status', state: 'ready' });
    },
  };

  const analyticsOf = (audioPath: string, transcript: string | undefined): SpeechAnalytics | undefined => {
    try {
      return analyseRecording(deps.media, audioPath, transcript);
    } catch (error) {
      log.warn('answer.analytics_failed', { error: describeError(error) });
      return undefined;
    }
  };

  const handle = async (message: ClientMessage): Promise<void> => {
    try {
      await (handlers[message.type] as (m: ClientMessage) => Promise<void> | void)(message);
    } catch (error) {
      if (error instanceof EngineError) {
        emit({ type: 'error', code: error.code, message: error.message, recoverable: true });
        return;
      }
      log.error('engine.failed', { type: message.type, error: describeError(error) });
      emit({ type: 'error', code: 'INTERNAL', message: 'Something went wrong; your answers so far are saved. Please try again.', recoverable: true });
      // Re-read the stored state, so the session continues from what was committed.
      if (live) {
        const id = live.id;
        live = null;
        await Promise.resolve(handlers.resume({ type: 'resume', interviewId: id })).catch(() => undefined);
      }
    }
  };

  return {
    receive(message: ClientMessage) {
      queue = queue.then(() => handle(message));
    },
    /** Resolves once every message received so far has been handled. */
    whenIdle: () => queue,
    receiveAudio(chunk) {
      queue = queue.then(() => {
        try {
          voice.append(live, chunk);
        } catch (error) {
          log.error('audio.append_failed', { error: describeError(error) });
          emit({ type: 'error', code: 'INTERNAL', message: 'Part of the recording could not be saved.', recoverable: true });
        }
      });
    },
    close() {
      return (queue = queue.then(() => {
        if (!live) return;
        voice.saveRecording(live);
        repository.setStatus(live.id, 'paused', now());
        deps.attachments.release(live.id, holder);
        live = null;
      }));
    },
  };
}
