import { computePeaks } from '../audio/peaks';
import { readWav } from '../audio/wav-file';
import { describeError, type Logger } from '../log';
import type { MediaStore } from '../media/media-store';
import { writeFailureOf } from '../write-failure';
import type { NewTurn, TextToSpeechPort } from './ports';

export type QuestionAudio = NonNullable<NewTurn['questionAudio']>;

export interface SpokenQuestion {
  audio?: QuestionAudio;
  /** No voice could speak it: why, for the user; the question is shown as text. */
  failure?: string;
  /** The chosen voice failed and the system voice spoke instead: why, for the user. */
  notice?: string;
}

interface VoiceDeps {
  textToSpeech: () => TextToSpeechPort | undefined;
  /** The system voice, for when the chosen voice fails. */
  fallbackVoice?: TextToSpeechPort | undefined;
  media: MediaStore;
  log: Logger;
  dataDir: string;
}

/**
 * Speaks a question into `<media>/<interview>/questions/<turn>.wav` once, so it can be
 * replayed, repeated and shown as a waveform without synthesising it again (issue #4).
 * A chosen voice that fails (OpenAI unreachable, a natural voice removed) hands the question
 * to the system voice (issue #9), as a failing interviewer hands over to the embedded one;
 * only when that fails too is the question shown as text. A voice never blocks the interview.
 */
export async function speakQuestion(deps: VoiceDeps, interviewId: string, turnId: string, text: string, signal?: AbortSignal): Promise<SpokenQuestion> {
  const voice = deps.textToSpeech();
  if (!voice) return {};
  const path = deps.media.questionAudio(interviewId, turnId);
  const chosen = await speakWith(voice, deps, path, text, signal);
  if ('audio' in chosen) return { audio: chosen.audio };
  // A cancelled step (pause, end) is no failure of the voice: nothing to say, nobody to take over.
  if (signal?.aborted) return {};
  const fallback = deps.fallbackVoice && deps.fallbackVoice !== voice ? await speakWith(deps.fallbackVoice, deps, path, text, signal) : undefined;
  if (fallback && 'audio' in fallback) return { audio: fallback.audio, notice: `${chosen.reason} The system voice reads the questions instead.` };
  return { failure: `${chosen.reason} The question is shown as text.` };
}

async function speakWith(voice: TextToSpeechPort, deps: VoiceDeps, path: string, text: string, signal: AbortSignal | undefined): Promise<{ audio: QuestionAudio } | { reason: string }> {
  const started = performance.now();
  try {
    const file = deps.media.absolute(path);
    const { durationMs } = await voice.synthesize({ text, outputPath: file, ...(signal ? { signal } : {}) });
    const { samples, format } = readWav(file);
    deps.log.info('question.spoken', { voice: voice.name, ms: Math.round(performance.now() - started), durationMs });
    return { audio: { path, durationMs, peaks: computePeaks(samples, format.sampleRate) } };
  } catch (error) {
    deps.log.warn('question.voice_failed', { voice: voice.name, error: describeError(error) });
    // A disk that refuses the file says so (issue #9, fault 7). Provider errors carry a code and
    // a sentence written for the user (what to install, which key is missing); anything else
    // is unexpected and gets a general sentence.
    const refused = writeFailureOf(error, deps.dataDir);
    const said = refused?.message ?? (error instanceof Error && typeof (error as { code?: unknown }).code === 'string' ? error.message : 'The question could not be spoken aloud.');
    return { reason: said };
  }
}
