import { PROTOCOL_VERSION, type ClientMessage } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import { describeError } from '../log';
import type { Emit, SessionPort } from '../session/session-port';
import { writeFailureOf } from '../write-failure';
import { createAnswerSubmission } from './answer-submission';
import { initialSnapshot } from './assessment-rules';
import { EngineError, type EngineDeps, type Live, type TurnOutcome } from './engine-context';
import { createInterviewerCalls } from './interviewer-calls';
import type { EngineSnapshot, NewTurn } from './ports';
import { speakQuestion } from './question-voice';
import { scoringTurnOf, withOutcome } from './live-turns';
import { summariseScores, type ScoringTurn } from './score-summary';
import { evaluationMessage, questionMessage } from './session-messages';
import { retakePlan } from './retake-plan';
import { restoreSnapshot } from './stored-snapshot';
import { createQuestionDraft, type QuestionDraft } from './question-draft';
import { isStepCancelled, linkedController, throwIfCancelled } from './step-signal';
import { finishedTurnOf, independentOfScore, toNewTurn, withSettledScore } from './turn-planner';
import { createVoiceAnswers } from './voice-answers';

export type { EngineDeps } from './engine-context';

type Evaluated = { answerId: string; result: AnswerEvaluation; evaluator: string; outcome: TurnOutcome };

/** Said after a write failure that left an answer in memory (issue #9, fault 7). */
const KEPT_ANSWER_NOTE = 'Your answer is kept and is saved as soon as you continue (send it again, or press Repeat).';

/**
 * One client's interview session (DESIGN.md §4.1, §5). Messages, and audio chunks, are
 * handled strictly one at a time, so an answer that arrives while the previous one is being
 * evaluated is judged against the state that evaluation leaves, never a half-updated one.
 */
export function createInterviewSession(deps: EngineDeps, emit: Emit): SessionPort & { whenIdle(): Promise<void> } {
  const { repository, clock, ids, log, keptAnswers } = deps;
  let live: Live | null = null;
  let queue: Promise<void> = Promise.resolve();
  /** The message being handled: pause, end and closing the window cancel its model calls and speech. */
  let inHand: AbortController | undefined;
  const stepSignal = (): AbortSignal | undefined => inHand?.signal;
  const calls = createInterviewerCalls(deps, emit);
  const now = (): string => clock.now().toISOString();
  const voice = createVoiceAnswers(deps, emit, now);
  const holder = {
    detach() {
      if (!live) return;
      letGo(live);
      live = null;
      emit({ type: 'error', code: 'WRONG_STATE', message: 'This interview was opened in another window.', recoverable: true });
    },
  };

  /**
   * This window stops driving `current`: its recording is closed and kept (issue #9, fault 3:
   * a WAV left open leaked its descriptor for the life of the process). It never throws: the
   * recording is on disk whatever the database says, and resume registers it.
   */
  const letGo = (current: Live, status?: 'paused'): void => {
    discardSentences(current);
    try {
      voice.saveRecording(current);
      if (status) repository.setStatus(current.id, status, now());
    } catch (error) {
      log.warn('session.release_incomplete', { interviewId: current.id, error: describeError(error) });
    }
    deps.attachments.release(current.id, holder);
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
  const withVoice = async (interviewId: string, mode: Live['config']['mode'], turn: NewTurn, signal: AbortSignal | undefined): Promise<NewTurn> => {
    if (mode !== 'voice') return turn;
    const { audio, failure, notice } = await speakQuestion(deps, interviewId, turn.id, turn.questionText, signal);
    if (failure) emit({ type: 'error', code: 'TTS_FAILED', message: failure, recoverable: true });
    if (notice && !voiceNoticesGiven.has(notice)) {
      voiceNoticesGiven.add(notice);
      emit({ type: 'error', code: 'TTS_FALLBACK', message: notice, recoverable: true });
    }
    return audio ? { ...turn, questionAudio: audio } : turn;
  };

  /** A spoken question whose turn could not be committed is removed: no WAV is left that no turn refers to. */
  const commitTurn = (turn: NewTurn, commit: () => void): void => {
    try {
      commit();
    } catch (error) {
      if (turn.questionAudio) deps.media.discard(turn.questionAudio.path);
      throw error;
    }
  };

  /** The sentences the current question was played from while it streamed: not needed once it is left. */
  const discardSentences = (current: Live): void => {
    current.sentenceFiles?.forEach((path) => deps.media.discard(path));
    current.sentenceFiles = undefined;
  };

  /** A model's next question is shown, and in voice mode spoken, while it is generated (issue #10). */
  const draftFor = (current: Live, turnId: string, signal: AbortSignal): QuestionDraft | undefined => {
    if (deps.tuning?.streamQuestions === false || deps.interviewer() === deps.fallback) return undefined;
    const voice = current.config.mode === 'voice' ? deps.textToSpeech() : undefined;
    return createQuestionDraft({ emit, media: deps.media, mediaUrl: deps.mediaUrl, log, interviewId: current.id, turnId, voice, signal });
  };

  /** The next question may be prepared while the answer is judged: a model takes seconds for each, and here neither waits for the other. */
  const mayPrepareEarly = (current: Live): boolean =>
    deps.tuning?.prepareInParallel !== false && deps.interviewer() !== deps.fallback && independentOfScore(current.config, current.snapshot, finishedTurnOf(current.current));

  /** The current question's answer is committed: nothing of it is waiting any more. */
  const answered = (current: Live): void => {
    current.saved = undefined;
    keptAnswers.drop(current.id);
  };

  const sendQuestion = (current: Live): void => {
    emit(questionMessage(current, deps.mediaUrl));
    emit({ type: 'status', state: current.current.questionAudio ? 'speaking' : 'ready' });
  };

  const attach = (next: Live, resumed: boolean): void => {
    // Resuming the same interview here: the question is sent again, to be played whole.
    if (live && live !== next) discardSentences(live);
    live = next;
    deps.attachments.claim(next.id, holder);
    emit({ type: 'session_started', interviewId: next.id, config: next.config, resumed, protocolVersion: PROTOCOL_VERSION });
  };

  const emitEvaluation = (questionId: string, answerId: string, result: AnswerEvaluation): void => emit(evaluationMessage(questionId, answerId, result));

  /**
   * The overall score and the count come from the same summary as the report's (§5.1); on
   * `end`, the question on screen was neither answered nor skipped and does not count.
   */
  const finish = (current: Live, status: 'completed' | 'ended', snapshot: EngineSnapshot, outcome: TurnOutcome, turns: ScoringTurn[] = current.turns): void => {
    const summary = summariseScores(turns);
    const score = summary.overallScore;
    repository.advance({ interviewId: current.id, snapshot: { ...snapshot, currentTurnId: null }, updatedAt: now(), finish: { status, overallScore: score, completedAt: now() }, ...outcome });
    current.turns = turns;
    answered(current);
    discardSentences(current);
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
   * the client (DESIGN.md §5). Nothing in memory changes before that commit, so a write the
   * disk refuses leaves the session exactly where it was (issue #9, fault 7). `judged` still
   * pending: the next question is planned while the answer is judged (mayPrepareEarly), and
   * the score is settled into the plan once known. `work` stops both together.
   */
  const moveOn = async (current: Live, judged: Evaluated | undefined | Promise<Evaluated>, work = linkedController(stepSignal())): Promise<void> => {
    const turn = current.current;
    const finished = finishedTurnOf(turn);
    const early = judged instanceof Promise;
    emit({ type: 'status', state: 'generating' });
    const nextTurnId = ids.newId();
    const draft = draftFor(current, nextTurnId, work.signal);
    const planning = calls.planNext(current, finished, early ? undefined : judged?.result, { signal: work.signal, draft, unjudged: early });
    let nextTurn: NewTurn | undefined;
    let committed = false;
    try {
      const [evaluated, planned] = await Promise.all([judged, planning]);
      const step = early && evaluated ? withSettledScore(planned, current.snapshot, finished, evaluated.result.score) : planned;
      const turns = withOutcome(current.turns, turn.id, evaluated?.result.score);
      const outcome: TurnOutcome = evaluated
        ? {
            ...evaluated.outcome,
            evaluation: { id: ids.newId(), answerId: evaluated.answerId, evaluation: evaluated.result, evaluator: evaluated.evaluator, evaluatedAt: now() },
          }
        : { skippedTurnId: turn.id };
      if (step.kind === 'finish') return finish(current, 'completed', step.snapshot, outcome, turns);
      const asked = toNewTurn(step, nextTurnId, current.turnCount + 1, now());
      const streamed = await draft?.finish(asked.questionText);
      nextTurn = streamed ? { ...asked, questionAudio: streamed } : await withVoice(current.id, current.config.mode, asked, work.signal);
      throwIfCancelled(work.signal);
      const snapshot = { ...step.snapshot, currentTurnId: nextTurn.id };
      repository.advance({ interviewId: current.id, snapshot, updatedAt: now(), nextTurn, ...outcome });
      committed = true;
      discardSentences(current);
      answered(current);
      if (evaluated) emitEvaluation(turn.id, evaluated.answerId, evaluated.result);
      Object.assign(current, { snapshot, current: nextTurn, turnCount: current.turnCount + 1, turns: [...turns, scoringTurnOf(nextTurn)], sentenceFiles: draft?.sentenceFiles });
      sendQuestion(current);
    } catch (error) {
      if (committed) throw error;
      // Nothing of this step may go on behind the error: no late draft, no file no turn refers to.
      work.abort();
      await Promise.allSettled([judged, planning]);
      await draft?.withdraw();
      if (nextTurn?.questionAudio) deps.media.discard(nextTurn.questionAudio.path);
      throw error;
    }
  };

  const evaluateAndMoveOn = async (current: Live, answerId: string, text: string, outcome: TurnOutcome): Promise<void> => {
    emit({ type: 'status', state: 'evaluating' });
    const turn = current.current;
    const work = linkedController(stepSignal());
    const judging = calls
      .evaluate(current, { sourceId: turn.sourceId, text: turn.questionText, phase: turn.phase, followUp: turn.followUp }, text, { signal: work.signal })
      .then(({ result, evaluator }): Evaluated => ({ answerId, result, evaluator, outcome }));
    await moveOn(current, mayPrepareEarly(current) ? judging : await judging, work);
  };

  const answers = createAnswerSubmission(deps, voice, evaluateAndMoveOn, now);

  const handlers: { [T in ClientMessage['type']]: (message: Extract<ClientMessage, { type: T }>) => Promise<void> | void } = {
    async start({ config: sent }) {
      if (live) throw new EngineError('WRONG_STATE', 'An interview is already running here. End or pause it before starting another.');
      // What an interview is tailored to is the engine's to fill in, never the client's (issue #14).
      const { tailoring: _sent, ...untailored } = sent;
      const retake = sent.retakeOf ? retakePlan(repository.retakeSource(sent.retakeOf), { ...untailored, retakeOf: sent.retakeOf }) : undefined;
      const config = retake?.config ?? (deps.tailor ? deps.tailor(sent) : untailored);
      if (!deps.trackExists(config.track)) throw new EngineError('NOT_FOUND', 'There is no such track. Choose one from the list.');
      const id = ids.newId();
      emit({ type: 'status', state: 'generating' });
      const signal = stepSignal();
      const plan = retake?.plan ?? (await calls.intro({ interviewId: id, config, askedSourceIds: [] }, { signal }));
      const startedAt = now();
      const first = await withVoice(id, config.mode, {
        id: ids.newId(),
        index: 1,
        phase: retake?.phase ?? 'intro',
        difficulty: plan.difficulty,
        followUp: false,
        parentTurnId: null,
        sourceId: plan.sourceId,
        questionText: plan.text,
        askedAt: startedAt,
      }, signal);
      if (signal?.aborted && first.questionAudio) deps.media.discard(first.questionAudio.path);
      throwIfCancelled(signal);
      const snapshot: EngineSnapshot = { ...(retake?.snapshot ?? initialSnapshot()), currentTurnId: first.id };
      commitTurn(first, () => repository.create({ id, config, snapshot, startedAt }, first));
      log.info('interview.started', { interviewId: id, track: config.track, mode: config.mode, length: config.length ?? 'standard', custom: config.questions?.length ?? 0 });
      const started: Live = { id, config, snapshot, current: first, turnCount: 1, paused: false, turns: [scoringTurnOf(first)] };
      attach(started, false);
      sendQuestion(started);
    },

    async resume({ interviewId }) {
      if (live && live.id !== interviewId && !live.paused) {
        throw new EngineError('WRONG_STATE', 'Another interview is running here. Pause or end it first.');
      }
      // Resuming the interview this window is recording: the take so far is kept, and closed.
      if (live?.id === interviewId) voice.saveRecording(live);
      const found = repository.load(interviewId);
      if (!found) throw new EngineError('NOT_FOUND', 'There is no interview with that id.');
      if (found.status === 'completed' || found.status === 'ended') {
        throw new EngineError('WRONG_STATE', 'That interview has finished; its report is in History.');
      }
      if (found.turns.length === 0) throw new EngineError('INTERNAL', 'The interview has no questions.');
      repository.setStatus(interviewId, 'in_progress', now());
      if (live && live.id !== interviewId) letGo(live);
      // The window holding the interview lets go first, keeping what it was recording, and
      // the state is read after that: the recording is then this window's to confirm.
      deps.attachments.claim(interviewId, holder);
      const stored = repository.load(interviewId) ?? found;
      const currentTurn = stored.turns.find((t) => t.id === stored.snapshot.currentTurnId) ?? stored.turns.at(-1) ?? found.turns[0]!;
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
      // An answer the disk refused (kept by this process) is the newest text: write it now.
      const kept = keptAnswers.get(interviewId);
      if (kept?.turnId === currentTurn.id) {
        sendQuestion(resumed);
        return answers.submit(resumed, kept);
      }
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
      await answers.submit(current, answers.answerOf(current, questionId, text));
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
      repository.setStatus(current.id, 'paused', now());
      current.paused = true;
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

  /** Messages about one interview are handled in turn across windows (fault 6); see Attachments.inTurn. */
  const handle = (message: ClientMessage): Promise<void> => {
    const interviewId = message.type === 'resume' ? message.interviewId : live?.id;
    return interviewId ? deps.attachments.inTurn(interviewId, () => handleNow(message)) : handleNow(message);
  };

  const handleNow = async (message: ClientMessage): Promise<void> => {
    const step = (inHand = new AbortController());
    try {
      if (live && !(await answers.writeWhatWasKept(live, message))) return;
      await (handlers[message.type] as (m: ClientMessage) => Promise<void> | void)(message);
    } catch (error) {
      await reportFailure(message.type, error);
    } finally {
      if (inHand === step) inHand = undefined;
    }
  };

  const reportFailure = async (type: ClientMessage['type'], error: unknown): Promise<void> => {
    if (isStepCancelled(error)) {
      // Pause, end or closing the window stopped it; the message that did so says what happens next.
      log.info('engine.step_cancelled', { type });
      return;
    }
    if (error instanceof EngineError) {
      emit({ type: 'error', code: error.code, message: error.message, recoverable: true });
      return;
    }
    const refused = writeFailureOf(error, deps.dataDir);
    if (refused) {
      // The session keeps its interview: nothing in memory changed before the refused write.
      log.warn('engine.write_refused', { type, code: refused.code, error: describeError(error) });
      const kept = live && keptAnswers.get(live.id) ? ` ${KEPT_ANSWER_NOTE}` : '';
      emit({ type: 'error', code: refused.code, message: refused.message + kept, recoverable: true });
      // The window's buttons wait while the engine works: let the candidate act again.
      if (live) emit({ type: 'status', state: live.paused ? 'paused' : 'ready' });
      return;
    }
    log.error('engine.failed', { type, error: describeError(error) });
    emit({ type: 'error', code: 'INTERNAL', message: 'Something went wrong; your answers so far are saved. Please try again.', recoverable: true });
    // Re-read the stored state, so the session continues from what was committed (resume
    // closes the recording in progress first).
    if (live) await Promise.resolve(handlers.resume({ type: 'resume', interviewId: live.id })).catch(() => undefined);
  };

  return {
    receive(message: ClientMessage) {
      // Pause and end must not wait behind a slow model call (issue #10): they cancel it, and
      // then run in turn as usual. The answer it was for is already committed.
      if ((message.type === 'pause' || message.type === 'end') && live) inHand?.abort();
      queue = queue.then(() => handle(message));
    },
    /** Resolves once every message received so far has been handled. */
    whenIdle: () => queue,
    receiveAudio(chunk) {
      queue = queue.then(() => {
        try {
          voice.append(live, chunk);
        } catch (error) {
          const refused = writeFailureOf(error, deps.dataDir);
          log.error('audio.append_failed', { error: describeError(error) });
          emit({ type: 'error', code: refused?.code ?? 'INTERNAL', message: `Part of the recording could not be saved.${refused ? ` ${refused.message}` : ''}`, recoverable: true });
        }
      });
    },
    close() {
      inHand?.abort();
      return (queue = queue.then(() => {
        if (!live) return;
        letGo(live, 'paused');
        live = null;
      }));
    },
  };
}
