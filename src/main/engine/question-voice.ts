import { computePeaks } from '../audio/peaks';
import { readWav } from '../audio/wav-file';
import { describeError, type Logger } from '../log';
import type { MediaStore } from '../media/media-store';
import { writeFailureOf } from '../write-failure';
import type { NewTurn, TextToSpeechPort } from './ports';

export type QuestionAudio = NonNullable<NewTurn['questionAudio']>;

/**
 * Speaks a question into `<media>/<interview>/questions/<turn>.wav` once, so it can be
 * replayed, repeated and shown as a waveform without synthesising it again (issue #4).
 * A voice that fails never blocks the interview: the question is shown as text instead.
 */
export async function speakQuestion(
  deps: { textToSpeech: () => TextToSpeechPort | undefined; media: MediaStore; log: Logger; dataDir: string },
  interviewId: string,
  turnId: string,
  text: string,
): Promise<{ audio?: QuestionAudio; failure?: string }> {
  const voice = deps.textToSpeech();
  if (!voice) return {};
  const path = deps.media.questionAudio(interviewId, turnId);
  const started = performance.now();
  try {
    const file = deps.media.absolute(path);
    const { durationMs } = await voice.synthesize({ text, outputPath: file });
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
    return { failure: `${said} The question is shown as text.` };
  }
}
