import { join } from 'node:path';
import type { ConnectionReport } from '../../../shared/protocol';
import { writeWav } from '../../audio/wav-file';
import { runTrial } from '../provider-trial';
import { hostOf, normaliseBaseUrl } from '../server-address';
import { createSpeechToText, type SpeechToTextContext, type SpeechToTextSettings } from './create-speech-to-text';
import { isTranscriptionError } from './transcription-error';

const SAMPLE_RATE = 16_000;
const TIMEOUT_MS = 30_000;

/**
 * Settings → Speech recognition → Test connection (issue #10). A service transcribes half a
 * second of generated silence, through the same client an answer goes through: the address,
 * the key and the model are all checked, for a fraction of a cent. The local model is checked
 * for being installed and loadable by this build; recognising speech with it is its own test.
 */
export async function testSpeechToText(settings: SpeechToTextSettings, context: SpeechToTextContext, timeoutMs = TIMEOUT_MS): Promise<ConnectionReport> {
  if (settings.provider === 'none') return { ok: true, sentence: 'Speech recognition is off: answers are typed.' };
  const recognizer = createSpeechToText(settings, context);
  const availability = await recognizer.availability();
  if (!availability.available) return { ok: false, sentence: availability.reason };
  if (settings.provider === 'local') return { ok: true, sentence: 'The speech model on this computer is installed and ready.' };
  const service = settings.provider === 'openai' ? 'OpenAI' : `the transcription server at ${hostOf(normaliseBaseUrl(settings.baseUrl))}`;
  return runTrial({
    timeoutMs,
    run: async (folder, signal) => {
      const wavPath = join(folder, 'test.wav');
      writeWav(wavPath, new Int16Array(SAMPLE_RATE / 2), SAMPLE_RATE);
      await recognizer.transcribe({ wavPath, signal });
    },
    works: (took) => `Speech recognition with ${service} works: a half-second test recording was transcribed in ${took}.`,
    failed: (error) => (isTranscriptionError(error) ? error.message : `Speech recognition with ${service} failed unexpectedly.`),
    tooSlow: `Speech recognition with ${service} took longer than ${timeoutMs / 1000} s to transcribe a half-second test recording.`,
  });
}
