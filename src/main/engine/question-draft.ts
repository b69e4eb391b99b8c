import { rename, rm } from 'node:fs/promises';
import { computePeaks } from '../audio/peaks';
import { writeWav } from '../audio/wav-file';
import { joinWavs } from '../audio/wav-join';
import { describeError, type Logger } from '../log';
import type { MediaStore, MediaUrl } from '../media/media-store';
import { sentencesOf } from '../providers/streaming/sentence-stream';
import { speakInOrder } from '../providers/streaming/speech-queue';
import { createTextChannel, type TextChannel } from '../providers/streaming/text-channel';
import { partialPathFor } from '../providers/tts/spoken-wav-file';
import { LIMITS } from '../../shared/protocol/limits';
import type { Emit } from '../session/session-port';
import type { TextToSpeechPort } from './ports';
import type { QuestionAudio } from './question-voice';

/**
 * The next question as a model streams it (issue #10): its text so far goes to the screen
 * (`question_draft`), and in voice mode each sentence is spoken into its own file as soon as
 * it is complete and sent to be played (`question_audio_part`), so the candidate hears the
 * question begin while the rest is still being written. It is a preview: the turn is committed
 * and sent as a `question` only once the whole question is known (DESIGN.md §5), and its audio
 * is then these sentences joined into one file. Whatever does not become the question (a
 * failed attempt, the built-in interviewer's question instead, a voice that failed, a pause)
 * is withdrawn, so the client stops playing it, and its files are removed.
 */
export interface QuestionDraft {
  /**
   * A new attempt at the question begins: an earlier one's preview is withdrawn. Returns where
   * this attempt's text goes (`StepOptions.onQuestionText`); text from an earlier attempt that
   * arrives late is dropped.
   */
  attempt(): Promise<(delta: string) => void>;
  /** The preview is void (the built-in interviewer asks instead, a failure, a pause). */
  withdraw(): Promise<void>;
  /**
   * The question is `text`: when the stream said exactly that and every sentence was spoken,
   * the question's audio made of them; otherwise undefined (what was shown is withdrawn, and
   * the question is spoken as usual).
   */
  finish(text: string): Promise<QuestionAudio | undefined>;
  /** The sentence files the question's preview is played from, to remove once it is left. */
  readonly sentenceFiles: readonly string[];
}

export interface QuestionDraftDeps {
  emit: Emit;
  media: MediaStore;
  mediaUrl: MediaUrl;
  log: Logger;
  interviewId: string;
  /** The id the question will have once committed. */
  turnId: string;
  /** Speaks each sentence as it is ready; none in text interviews or without a voice. */
  voice?: TextToSpeechPort | undefined;
  /** The step's signal: pause, end and closing the window stop the speech too. */
  signal?: AbortSignal | undefined;
}

/** Drafts go out at most this often; a fast local model would otherwise send one per token. */
const DRAFT_EVERY_MS = 50;

interface Speech {
  channel: TextChannel;
  controller: AbortController;
  parts: Promise<{ path: string }[]>;
  files: string[];
  failed: boolean;
}

interface Attempt {
  number: number;
  text: string;
  /** Something of it reached the client: withdrawing it must be said. */
  shown: boolean;
  sentAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  speech: Speech | undefined;
}

export function createQuestionDraft(deps: QuestionDraftDeps): QuestionDraft {
  const { emit, media, log, turnId } = deps;
  let count = 0;
  let current: Attempt | undefined;
  let kept: string[] = [];

  const sendText = (attempt: Attempt): void => {
    attempt.timer = undefined;
    if (attempt !== current) return;
    attempt.sentAt = performance.now();
    attempt.shown = true;
    emit({ type: 'question_draft', questionId: turnId, text: attempt.text.slice(0, LIMITS.questionTextChars) });
  };

  // The first piece at once, then at most one draft every DRAFT_EVERY_MS, the last one included.
  const scheduleText = (attempt: Attempt): void => {
    if (attempt.timer) return;
    const wait = attempt.sentAt + DRAFT_EVERY_MS - performance.now();
    if (wait <= 0) sendText(attempt);
    else attempt.timer = setTimeout(() => sendText(attempt), wait);
  };

  const removeFiles = (files: readonly string[]): void => files.forEach((path) => media.discard(path));

  const startSpeech = (attempt: Attempt, voice: TextToSpeechPort): Speech => {
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    deps.signal?.addEventListener('abort', stop, { once: true });
    const channel = createTextChannel();
    const files: string[] = [];
    const parts = speakInOrder(sentencesOf(channel.text), {
      signal: controller.signal,
      speak: async (sentence, index, signal) => {
        const path = media.questionSentenceAudio(deps.interviewId, turnId, attempt.number, index);
        files.push(path);
        const { durationMs } = await voice.synthesize({ text: sentence, outputPath: media.absolute(path), signal });
        return { path, durationMs };
      },
      onSpoken: (part, index) => {
        if (attempt !== current) return;
        attempt.shown = true;
        emit({ type: 'question_audio_part', questionId: turnId, index, url: deps.mediaUrl(part.path), durationMs: part.durationMs });
      },
    }).finally(() => deps.signal?.removeEventListener('abort', stop));
    const speech: Speech = { channel, controller, parts, files, failed: false };
    // A voice that fails on a sentence stops the spoken preview; the text goes on, and the whole
    // question is spoken the usual way (with the system voice taking over) once it is known.
    parts.catch(async (error: unknown) => {
      if (controller.signal.aborted) return;
      speech.failed = true;
      log.warn('question.sentence_voice_failed', { voice: voice.name, error: describeError(error) });
      if (attempt !== current) return;
      if (attempt.shown) emit({ type: 'question_draft_withdrawn', questionId: turnId });
      removeFiles(files);
      sendText(attempt);
    });
    return speech;
  };

  /** Stops an attempt for good: no more text or audio from it, its files gone, the client told. */
  const end = async (attempt: Attempt): Promise<void> => {
    if (attempt === current) current = undefined;
    clearTimeout(attempt.timer);
    const speech = attempt.speech;
    if (speech) {
      speech.controller.abort();
      speech.channel.end();
      await speech.parts.catch(() => undefined);
      removeFiles(speech.files);
    }
    if (attempt.shown) emit({ type: 'question_draft_withdrawn', questionId: turnId });
  };

  const withdraw = async (): Promise<void> => {
    if (current) await end(current);
  };

  return {
    get sentenceFiles() {
      return kept;
    },

    async attempt() {
      await withdraw();
      const attempt: Attempt = { number: (count += 1), text: '', shown: false, sentAt: -Infinity, timer: undefined, speech: undefined };
      current = attempt;
      if (deps.voice) attempt.speech = startSpeech(attempt, deps.voice);
      return (delta) => {
        if (attempt !== current || !delta) return;
        attempt.text += delta;
        scheduleText(attempt);
        attempt.speech?.channel.push(delta);
      };
    },

    withdraw,

    async finish(text) {
      const attempt = current;
      if (!attempt) return undefined;
      clearTimeout(attempt.timer);
      const speech = attempt.speech;
      // The committed question replaces a text-only preview of the same words on its own.
      if (attempt.text === text && !speech) return undefined;
      if (attempt.text !== text || !speech || speech.failed) return (await end(attempt), undefined);
      speech.channel.end();
      try {
        const parts = await speech.parts;
        if (parts.length === 0) throw new Error('nothing was spoken');
        const joined = joinWavs(parts.map((part) => media.absolute(part.path)));
        const path = media.questionAudio(deps.interviewId, turnId);
        const file = media.absolute(path);
        const partial = partialPathFor(file);
        try {
          writeWav(partial, joined.samples, joined.sampleRate);
          await rename(partial, file);
        } finally {
          await rm(partial, { force: true });
        }
        // Kept until the question is left: the client may still be playing them. Should the
        // commit fail, `withdraw` removes them and tells the client.
        kept = speech.files;
        return { path, durationMs: joined.durationMs, peaks: computePeaks(joined.samples, joined.sampleRate) };
      } catch (error) {
        if (!speech.controller.signal.aborted && !speech.failed) log.warn('question.sentences_not_joined', { error: describeError(error) });
        await end(attempt);
        return undefined;
      }
    },
  };
}
