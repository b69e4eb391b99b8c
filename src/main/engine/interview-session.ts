import { PROTOCOL_VERSION, type ClientMessage, type InterviewConfig } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import { describeError, type Logger } from '../log';
import type { Emit, SessionPort } from '../session/session-port';
import { initialSnapshot, isAssessed, overallScore } from './assessment-rules';
import type { Attachments } from './attachments';
import { createInterviewerCalls, type InterviewerCalls } from './interviewer-calls';
import type { Advance, Clock, EngineSnapshot, IdSource, InterviewerPort, InterviewRepository, NewAnswer, NewTurn, StoredTurn } from './ports';
import { toNewTurn, type FinishedTurn } from './turn-planner';

export interface EngineDeps {
  repository: InterviewRepository;
  /** The interviewer the user chose in Settings, read at each call. */
  interviewer: () => InterviewerPort;
  /** The embedded interviewer: what every failure falls back to. */
  fallback: InterviewerPort;
  trackExists: (trackId: string) => boolean;
  attachments: Attachments;
  clock: Clock;
  ids: IdSource;
  log: Logger;
}

/** The interview this window drives. */
interface Live {
  id: string;
  config: InterviewConfig;
  snapshot: EngineSnapshot;
  current: NewTurn;
  turnCount: number;
  paused: boolean;
  /** Scores of assessed answers (0 for skipped main questions), for the overall score. */
  scores: number[];
}

class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One client's interview session (DESIGN.md §4.1, §5). Messages are handled strictly one at
 * a time, so an answer that arrives while the previous one is being evaluated is judged
 * against the state that evaluation leaves, never against a half-updated one.
 */
export function createInterviewSession(deps: EngineDeps, emit: Emit): SessionPort & { whenIdle(): Promise<void> } {
  const { repository, clock, ids, log } = deps;
  let live: Live | null = null;
  let queue: Promise<void> = Promise.resolve();
  const calls: InterviewerCalls = createInterviewerCalls(deps, emit);
  const holder = {
    detach() {
      if (!live) return;
      live = null;
      emit({ type: 'error', code: 'WRONG_STATE', message: 'This interview was opened in another window.', recoverable: true });
    },
  };
  const now = (): string => clock.now().toISOString();

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

  const sendQuestion = (turn: NewTurn): void => {
    emit({
      type: 'question',
      questionId: turn.id,
      text: turn.questionText,
      phase: turn.phase,
      difficulty: turn.difficulty,
      index: turn.index,
      followUp: turn.followUp,
    });
    emit({ type: 'status', state: 'ready' });
  };

  const attach = (next: Live, resumed: boolean): void => {
    live = next;
    deps.attachments.claim(next.id, holder);
    emit({ type: 'session_started', interviewId: next.id, config: next.config, resumed, protocolVersion: PROTOCOL_VERSION });
  };

  type TurnOutcome = Pick<Advance, 'answer' | 'evaluation' | 'skippedTurnId'>;

  const finish = (current: Live, status: 'completed' | 'ended', snapshot: EngineSnapshot, outcome: TurnOutcome): void => {
    const score = overallScore(current.scores);
    repository.advance({ interviewId: current.id, snapshot: { ...snapshot, currentTurnId: null }, updatedAt: now(), finish: { status, overallScore: score, completedAt: now() }, ...outcome });
    deps.attachments.release(current.id, holder);
    live = null;
    if (outcome.evaluation) emitEvaluation(current.current.id, outcome.evaluation.answerId, outcome.evaluation.evaluation);
    emit({ type: 'interview_complete', interviewId: current.id, overallScore: score, totalQuestions: current.snapshot.mainAsked });
    emit({ type: 'session_ended', interviewId: current.id, totalTurns: current.turnCount });
    log.info('interview.finished', { interviewId: current.id, status, turns: current.turnCount, score });
  };

  /**
   * After an answer (with its evaluation) or a skip: plan what comes next, commit the
   * evaluation, the snapshot and the next question in one transaction, and only then tell
   * the client (DESIGN.md §5).
   */
  type Evaluated = { answerId: string; result: AnswerEvaluation; evaluator: string; unsavedAnswer?: NewAnswer };
  const moveOn = async (current: Live, evaluated: Evaluated | undefined): Promise<void> => {
    const turn = current.current;
    const finished: FinishedTurn = { id: turn.id, phase: turn.phase, followUp: turn.followUp, sourceId: turn.sourceId, questionText: turn.questionText };
    if (isAssessed(turn.phase) && (evaluated || !turn.followUp)) current.scores.push(evaluated?.result.score ?? 0);
    emit({ type: 'status', state: 'generating' });
    const step = await calls.planNext(current, finished, evaluated?.result);
    const outcome: TurnOutcome = evaluated
      ? {
          ...(evaluated.unsavedAnswer ? { answer: evaluated.unsavedAnswer } : {}),
          evaluation: { id: ids.newId(), answerId: evaluated.answerId, evaluation: evaluated.result, evaluator: evaluated.evaluator, evaluatedAt: now() },
        }
      : { skippedTurnId: turn.id };
    if (step.kind === 'finish') return finish(current, 'completed', step.snapshot, outcome);
    const nextTurn = toNewTurn(step, ids.newId(), current.turnCount + 1, now());
    const snapshot = { ...step.snapshot, currentTurnId: nextTurn.id };
    repository.advance({ interviewId: current.id, snapshot, updatedAt: now(), nextTurn, ...outcome });
    if (evaluated) emitEvaluation(turn.id, evaluated.answerId, evaluated.result);
    Object.assign(current, { snapshot, current: nextTurn, turnCount: current.turnCount + 1 });
    sendQuestion(nextTurn);
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

  /** Evaluates an answer and moves on; `unsaved` answers are committed with their evaluation. */
  const answer = async (current: Live, answerId: string, text: string, unsaved?: NewAnswer): Promise<void> => {
    emit({ type: 'status', state: 'evaluating' });
    const turn = current.current;
    const { result, evaluator } = await calls.evaluate(current, { sourceId: turn.sourceId, text: turn.questionText, phase: turn.phase, followUp: turn.followUp }, text);
    await moveOn(current, { answerId, result, evaluator, ...(unsaved ? { unsavedAnswer: unsaved } : {}) });
  };

  const handlers: { [T in ClientMessage['type']]: (message: Extract<ClientMessage, { type: T }>) => Promise<void> | void } = {
    async start({ config }) {
      if (live) throw new EngineError('WRONG_STATE', 'An interview is already running here. End or pause it before starting another.');
      if (!deps.trackExists(config.track)) throw new EngineError('NOT_FOUND', `There is no track "${config.track}".`);
      const id = ids.newId();
      emit({ type: 'status', state: 'generating' });
      const plan = await calls.intro({ interviewId: id, config, askedSourceIds: [] });
      const startedAt = now();
      const first: NewTurn = { id: ids.newId(), index: 1, phase: 'intro', difficulty: plan.difficulty, followUp: false, parentTurnId: null, sourceId: plan.sourceId, questionText: plan.text, askedAt: startedAt };
      const snapshot: EngineSnapshot = { ...initialSnapshot(), currentTurnId: first.id };
      repository.create({ id, config, snapshot, startedAt }, first);
      log.info('interview.started', { interviewId: id, track: config.track, length: config.length ?? 'standard', custom: config.questions?.length ?? 0 });
      attach({ id, config, snapshot, current: first, turnCount: 1, paused: false, scores: [] }, false);
      sendQuestion(first);
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
      if (live && live.id !== interviewId) deps.attachments.release(live.id, holder);
      repository.setStatus(interviewId, 'in_progress', now());
      const resumed: Live = {
        id: stored.id,
        config: stored.config,
        snapshot: stored.snapshot,
        current: currentTurn,
        turnCount: stored.turns.length,
        paused: false,
        scores: scoresOf(stored.turns, currentTurn.id),
      };
      attach(resumed, true);
      log.info('interview.resumed', { interviewId, turns: resumed.turnCount });
      // A crash between saving an answer and saving its evaluation: finish that step now.
      if (currentTurn.answer && !currentTurn.evaluation) {
        return answer(resumed, currentTurn.answer.id, currentTurn.answer.text ?? currentTurn.answer.transcript ?? '');
      }
      sendQuestion(currentTurn);
    },

    async text_answer({ questionId, text }) {
      const current = requireAnswerable(questionId);
      if (!text.trim()) throw new EngineError('EMPTY_ANSWER', 'The answer is empty. Type an answer, or skip the question.');
      const record: NewAnswer = { id: ids.newId(), turnId: questionId, text, transcript: null, answeredAt: now() };
      log.info('answer.received', { interviewId: current.id, chars: text.length });
      // A model provider may take seconds: commit the answer on its own first. The embedded
      // interviewer takes a fraction of a millisecond: commit answer and evaluation together
      // (DESIGN.md §5), and only save the answer alone if that step fails.
      if (deps.interviewer() !== deps.fallback) {
        repository.recordAnswer(record);
        return answer(current, record.id, text);
      }
      try {
        await answer(current, record.id, text, record);
      } catch (error) {
        if (!repository.load(current.id)?.turns.some((t) => t.answer?.id === record.id)) repository.recordAnswer(record);
        throw error;
      }
    },

    async skip({ questionId }) {
      const current = requireAnswerable(questionId);
      await moveOn(current, undefined);
    },

    repeat({ questionId }) {
      sendQuestion(requireAnswerable(questionId).current);
    },

    pause() {
      const current = requireLive();
      current.paused = true;
      repository.setStatus(current.id, 'paused', now());
      emit({ type: 'status', state: 'paused' });
    },

    end() {
      const current = requireLive();
      finish(current, 'ended', current.snapshot, {});
    },

    audio_start({ questionId }) {
      requireAnswerable(questionId);
      throw new EngineError('UNAVAILABLE', 'Spoken answers are not available in this build yet; please type your answer.');
    },
    audio_end({ questionId }) {
      requireAnswerable(questionId);
    },
    playback_complete({ questionId }) {
      requireAnswerable(questionId);
    },
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
    receiveAudio() {
      // Audio chunks arrive with the voice feature; audio_start already answered UNAVAILABLE.
    },
    close() {
      return (queue = queue.then(() => {
        if (!live) return;
        repository.setStatus(live.id, 'paused', now());
        deps.attachments.release(live.id, holder);
        live = null;
      }));
    },
  };
}

function scoresOf(turns: StoredTurn[], currentTurnId: string): number[] {
  return turns
    .filter((t) => t.id !== currentTurnId && isAssessed(t.phase) && (t.evaluation || (t.skipped && !t.followUp)))
    .map((t) => t.evaluation?.score ?? 0);
}

