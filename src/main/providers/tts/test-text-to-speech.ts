import { join } from 'node:path';
import type { ConnectionReport } from '../../../shared/protocol';
import { runTrial } from '../provider-trial';
import { createTextToSpeech, type TextToSpeechContext, type TextToSpeechSettings } from './create-text-to-speech';
import { DEFAULT_OPENAI_SPEECH_VOICE } from './openai-speech';
import { SpeechSynthesisError } from './speech-synthesis-error';

const TEST_SENTENCE = 'Hello, this is your interviewer.';
const TIMEOUT_MS = 30_000;

function voiceName(settings: TextToSpeechSettings): string {
  if (settings.provider === 'openai') return `OpenAI speech (voice "${settings.voice ?? DEFAULT_OPENAI_SPEECH_VOICE}")`;
  if (settings.provider === 'local') return 'The natural voice';
  return "This computer's voice";
}

/**
 * Settings → Voice → Test connection (issue #10): one short sentence spoken into a scratch
 * file by the same voice the questions use; for OpenAI a tiny real synthesis.
 */
export async function testTextToSpeech(settings: TextToSpeechSettings, context: TextToSpeechContext, timeoutMs = TIMEOUT_MS): Promise<ConnectionReport> {
  const voice = createTextToSpeech(settings, context);
  if (!voice) return { ok: true, sentence: 'Questions are shown, not spoken.' };
  const name = voiceName(settings);
  try {
    return await runTrial({
      timeoutMs,
      run: async (folder, signal) => {
        await voice.synthesize({ text: TEST_SENTENCE, outputPath: join(folder, 'test.wav'), signal });
      },
      works: (took) => `${name} works: it spoke a test sentence in ${took}.`,
      failed: (error) => (error instanceof SpeechSynthesisError ? error.message : `${name} could not speak a test sentence.`),
      tooSlow: `${name} took longer than ${timeoutMs / 1000} s to speak a test sentence.`,
    });
  } finally {
    // A natural voice keeps its model in a child process; a test must not leave one behind.
    voice.close?.();
  }
}
