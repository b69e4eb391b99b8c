import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { LIMITS } from '../../shared/protocol/limits';
import { computePeaks } from '../audio/peaks';
import { readWav, writeWav } from '../audio/wav-file';
import { repairWavFile } from '../audio/wav-writer';
import { describeError } from '../log';
import type { Emit } from '../session/session-port';
import { startRecording, type ActiveRecording } from './answer-recording';
import { EngineError, type EngineDeps, type Live } from './engine-context';
import { startLiveTranscript, type LiveTranscript } from './live-transcript';
import type { StoredTurn } from './ports';

/**
 * Spoken answers (issue #4, DESIGN.md §4.3): `audio_start` opens a WAV file, binary chunks
 * are appended as they arrive, `audio_end` saves the recording at once (nothing said is
 * lost), then it is transcribed. The transcript is offered to the candidate, who confirms
 * or corrects it with `text_answer` before it is evaluated. Without recognition the
 * recording stays saved and the candidate types instead.
 */
export function createVoiceAnswers(deps: EngineDeps, emit: Emit, now: () => string) {
  const { repository, media, log } = deps;
  let strayAudioReported = false;
  /** A recording whose chunks the disk refuses is reported once, not once per chunk. */
  const failureReported = new WeakSet<ActiveRecording>();

  /**
   * Each finished phrase is written next to the answer (without .wav, so the start-up repair
   * never takes it for a recording) and transcribed by the same recogniser as the answer.
   */
  const startPartials = (live: Live, answerPath: string, sampleRate: number): LiveTranscript | undefined => {
    const recognizer = deps.speechToText();
    if (!recognizer.liveTranscripts) return undefined;
    const turnId = live.current.id;
    const phrasePath = `${media.absolute(answerPath)}.phrase`;
    let ready: Promise<boolean> | undefined;
    return startLiveTranscript({
      sampleRate,
      async transcribePhrase(samples, signal) {
        // Without a model there is nothing to show yet; the final transcription says why.
        if (!(await (ready ??= recognizer.availability().then((a) => a.available)))) return '';
        writeWav(phrasePath, samples, sampleRate);
        try {
          return (await recognizer.transcribe({ wavPath: phrasePath, signal })).text;
        } finally {
          await rm(phrasePath, { force: true });
        }
      },
      onText: (text) => emit({ type: 'transcription', questionId: turnId, text: text.slice(0, LIMITS.answerTextChars), isFinal: false }),
      onFailure: (error) => log.warn('answer.partial_transcript_failed', { interviewId: live.id, engine: recognizer.name, error: describeError(error) }),
    });
  };

  /**
   * Closes the recording in progress (its file, always) and registers it. When the database
   * refuses the row (a full disk), the recording is still the current answer's: it waits in
   * `live.unregistered` and is registered before the next message is handled.
   */
  const saveRecording = (live: Live): void => {
    const active = live.recording;
    if (!active) return;
    live.recording = undefined;
    const recording = active.finish(now());
    live.saved = { answerId: recording.answerId, turnId: recording.turnId, audioPath: recording.audioPath, durationMs: recording.durationMs, peaks: recording.peaks };
    live.unregistered = recording;
    registerKept(live);
    log.info('answer.recorded', { interviewId: live.id, durationMs: recording.durationMs });
  };

  const registerKept = (live: Live): void => {
    if (!live.unregistered) return;
    repository.saveRecording(live.unregistered);
    live.unregistered = undefined;
  };

  const emitTranscript = (saved: NonNullable<Live['saved']>, text: string): void =>
    emit({
      type: 'transcription',
      questionId: saved.turnId,
      text,
      isFinal: true,
      audio: { url: deps.mediaUrl(saved.audioPath), durationMs: saved.durationMs, peaks: saved.peaks },
    });

  /**
   * The recognised text is stored beside the recording for the report; a disk that refuses it
   * does not hold the candidate up, whose confirmed text is what is evaluated and saved.
   */
  const saveTranscript = (live: Live, answerId: string, text: string): void => {
    try {
      repository.saveTranscript(answerId, text);
    } catch (error) {
      log.warn('answer.transcript_unsaved', { interviewId: live.id, error: describeError(error) });
    }
  };

  const transcribeSaved = async (live: Live): Promise<void> => {
    const saved = live.saved;
    if (!saved) return;
    emit({ type: 'status', state: 'transcribing' });
    const recognizer = deps.speechToText();
    const availability = await recognizer.availability();
    if (!availability.available) {
      emit({ type: 'error', code: 'STT_UNAVAILABLE', message: `${availability.reason} Your recording is saved: type your answer, or record it again.`, recoverable: true });
    } else {
      const started = performance.now();
      try {
        const { text } = await recognizer.transcribe({ wavPath: media.absolute(saved.audioPath) });
        saveTranscript(live, saved.answerId, text);
        saved.transcript = text;
        log.info('answer.transcribed', { interviewId: live.id, engine: recognizer.name, chars: text.length, ms: Math.round(performance.now() - started) });
        emitTranscript(saved, text);
      } catch (error) {
        log.warn('answer.transcription_failed', { interviewId: live.id, engine: recognizer.name, error: describeError(error) });
        const reason = typeof (error as { code?: unknown }).code === 'string' && error instanceof Error ? error.message : 'The recording could not be transcribed.';
        emit({ type: 'error', code: 'TRANSCRIPTION_FAILED', message: `${reason} Your recording is saved: type your answer, or record it again.`, recoverable: true });
      }
    }
    emit({ type: 'status', state: 'ready' });
  };

  return {
    start(live: Live, sampleRate: number): void {
      if (live.recording) throw new EngineError('WRONG_STATE', 'A recording is already in progress.');
      // A new take of the same question replaces the earlier recording of it.
      const answerId = live.saved?.turnId === live.current.id ? live.saved.answerId : deps.ids.newId();
      const partials = startPartials(live, media.answerAudio(live.id, live.current.id), sampleRate);
      live.recording = startRecording(media, { interviewId: live.id, turnId: live.current.id, answerId }, sampleRate, partials);
      strayAudioReported = false;
      emit({ type: 'status', state: 'listening' });
    },

    append(live: Live | null, chunk: Uint8Array): void {
      const recording = live?.recording;
      if (recording) {
        try {
          return recording.append(chunk);
        } catch (error) {
          if (failureReported.has(recording)) return;
          failureReported.add(recording);
          throw error;
        }
      }
      if (!strayAudioReported) {
        strayAudioReported = true;
        emit({ type: 'error', code: 'WRONG_STATE', message: 'Audio arrived while no answer was being recorded.', recoverable: true });
      }
    },

    async end(live: Live, questionId: string): Promise<void> {
      if (live.recording?.turnId !== questionId) throw new EngineError('WRONG_STATE', 'No answer is being recorded for that question.');
      saveRecording(live);
      await transcribeSaved(live);
    },

    /** Keeps whatever is being recorded when the interview moves on, ends or the window closes. */
    saveRecording,
    /** Registers a recording the database refused earlier; throws while it still refuses. */
    registerKept,

    /**
     * On resume: a recording a crash interrupted is repaired and saved; a saved recording
     * that was never transcribed (no model at the time) is transcribed now.
     */
    async recover(live: Live, turn: StoredTurn): Promise<void> {
      const path = media.answerAudio(live.id, turn.id);
      if (!turn.answer && existsSync(media.absolute(path))) {
        try {
          const { durationMs } = repairWavFile(media.absolute(path));
          const { samples, format } = readWav(media.absolute(path));
          const answerId = deps.ids.newId();
          const peaks = computePeaks(samples, format.sampleRate);
          repository.saveRecording({ answerId, turnId: turn.id, audioPath: path, durationMs, peaks, recordedAt: now() });
          live.saved = { answerId, turnId: turn.id, audioPath: path, durationMs, peaks };
          log.info('answer.recovered', { interviewId: live.id, durationMs });
        } catch (error) {
          log.warn('answer.recovery_failed', { interviewId: live.id, error: describeError(error) });
        }
      } else if (turn.answer?.audioPath) {
        const { samples, format } = readWav(media.absolute(turn.answer.audioPath));
        live.saved = {
          answerId: turn.answer.id,
          turnId: turn.id,
          audioPath: turn.answer.audioPath,
          durationMs: Math.round((samples.length / format.sampleRate) * 1000),
          peaks: computePeaks(samples, format.sampleRate),
          transcript: turn.answer.transcript ?? undefined,
        };
      }
      if (!live.saved || turn.answer?.text) return;
      if (live.saved.transcript) emitTranscript(live.saved, live.saved.transcript);
      else await transcribeSaved(live);
    },
  };
}

export type VoiceAnswers = ReturnType<typeof createVoiceAnswers>;
