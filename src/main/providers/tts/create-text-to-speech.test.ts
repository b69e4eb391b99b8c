import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretName } from '../../../shared/protocol';
import { startLoopbackFileServer } from '../../../../tests/support/models/loopback-file-server';
import { missing } from '../../../../tests/support/system-tools';
import { plentyOfSpace, testCatalog } from '../../../../tests/support/models/model-fixtures';
import { testVoice } from '../../../../tests/support/models/voice-fixtures';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { writeSyntheticPiperVoice } from '../../../../tests/support/tts/synthetic-piper-model';
import { answerWav, startSpeechServer, type SpeechServer } from '../../../../tests/support/tts/speech-server';
import { toneWav } from '../../../../tests/support/tts/test-wav';
import { silentLogger } from '../../log';
import { ESPEAK_DATA_FOLDER_NAME } from '../../models/catalog-schema';
import { installedVoiceFiles } from '../../models/installed-models';
import { createModelManager } from '../../models/model-manager';
import { createTextToSpeech, type NaturalVoices } from './create-text-to-speech';
import { ensureEspeakNgData } from './espeak-ng-data';
import type { PiperVoice } from './piper-voice';
import { SpeechSynthesisError } from './speech-synthesis-error';

const QUESTION = 'What happens when you type a URL into a browser and press enter?';

let dir: ReturnType<typeof makeTempDir>;
let server: SpeechServer;
const secretsAsked: SecretName[] = [];
let storedKey: string | undefined;
const secret = (name: SecretName): string | undefined => {
  secretsAsked.push(name);
  return name === 'openai' ? storedKey : undefined;
};

beforeEach(async () => {
  dir = makeTempDir('tts-factory');
  server = await startSpeechServer(answerWav(toneWav(800)));
  secretsAsked.length = 0;
  storedKey = 'sk-from-settings';
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

const out = (): string => join(dir.path, 'q.wav');

describe('createTextToSpeech', () => {
  it("gives no voice for 'none', so questions are shown and not reported as failing", () => {
    expect(createTextToSpeech({ provider: 'none', voice: 'alloy' }, { secret })).toBeUndefined();
    expect(secretsAsked).toEqual([]);
  });

  it.skipIf(missing('espeak-ng', 'the test of the system voice'))("'system' speaks with this computer's voice, using the voice from settings", async () => {
    const voice = createTextToSpeech({ provider: 'system', voice: 'en-gb' }, { secret, system: { platform: 'linux' } });

    expect(voice?.name).toBe('system');
    expect((await voice!.synthesize({ text: QUESTION, outputPath: out() })).durationMs).toBeGreaterThan(2_000);

    const unknown = createTextToSpeech({ provider: 'system', voice: 'nosuchvoice' }, { secret, system: { platform: 'linux' } });
    const error = await unknown!.synthesize({ text: QUESTION, outputPath: out() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpeechSynthesisError);
    expect((error as SpeechSynthesisError).code).toBe('VOICE_NOT_FOUND');
    expect(secretsAsked).toEqual([]);
  });

  it("'openai' sends the model and voice from settings with the stored 'openai' key", async () => {
    const voice = createTextToSpeech({ provider: 'openai', voice: 'coral', model: 'tts-1' }, { secret, openai: { baseURL: server.baseURL } });

    expect(voice?.name).toBe('openai');
    expect(secretsAsked).toEqual([]);
    const { durationMs } = await voice!.synthesize({ text: QUESTION, outputPath: out() });

    expect(durationMs).toBe(800);
    expect(secretsAsked).toEqual(['openai']);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-from-settings');
    expect(server.requests[0]!.json).toMatchObject({ model: 'tts-1', voice: 'coral', input: QUESTION, response_format: 'wav' });
  });

  it("'openai' falls back to gpt-4o-mini-tts and alloy, and picks up a key saved later", async () => {
    storedKey = undefined;
    const voice = createTextToSpeech({ provider: 'openai' }, { secret, openai: { baseURL: server.baseURL } })!;

    const error = await voice.synthesize({ text: QUESTION, outputPath: out() }).catch((e: unknown) => e);
    expect((error as SpeechSynthesisError).code).toBe('NOT_CONFIGURED');

    storedKey = 'sk-added-in-settings';
    await voice.synthesize({ text: QUESTION, outputPath: out() });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.json).toMatchObject({ model: 'gpt-4o-mini-tts', voice: 'alloy' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-added-in-settings');
  });
});

describe("createTextToSpeech 'local' (a natural voice from the model manager)", () => {
  it('speaks with a voice downloaded through the model manager, and says plainly when it is not installed', async () => {
    // A synthetic Piper voice served as a catalog entry: the real download, the real engine.
    mkdirSync(join(dir.path, 'built'));
    const built = writeSyntheticPiperVoice(join(dir.path, 'built'));
    const files = await startLoopbackFileServer();
    try {
      const { model: entry, files: served } = testVoice('test-voice', (name) => files.url(`/voice/${name}`), { model: readFileSync(built.model), tokens: readFileSync(built.tokens) });
      served.forEach((file) => files.serve(`/voice/${file.name}`, file.content));
      const modelsDir = join(dir.path, 'models');
      const models = createModelManager({ modelsDir, catalog: testCatalog(entry), statfs: plentyOfSpace, log: silentLogger });
      const naturalVoices: NaturalVoices = {
        voiceFiles: (chosen) => installedVoiceFiles(models, chosen),
        espeakDataDir: () => ensureEspeakNgData(join(modelsDir, ESPEAK_DATA_FOLDER_NAME)),
      };
      const voice = createTextToSpeech({ provider: 'local', voice: 'test-voice' }, { secret, naturalVoices }) as PiperVoice;
      try {
        expect(voice.name).toBe('local');
        expect(await voice.availability()).toEqual({ available: false, reason: expect.stringMatching(/No natural voice is installed/) });

        await models.download('test-voice');
        expect(await voice.availability()).toEqual({ available: true });
        const { durationMs } = await voice.synthesize({ text: QUESTION, outputPath: out() });
        expect(durationMs).toBeGreaterThan(500);
        expect(existsSync(join(modelsDir, ESPEAK_DATA_FOLDER_NAME, 'phontab'))).toBe(true);

        // Removing the voice in use: the next question is not spoken, and says why.
        await models.remove('test-voice');
        const error = await voice.synthesize({ text: QUESTION, outputPath: out() }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SpeechSynthesisError);
        expect(error).toMatchObject({ code: 'NOT_AVAILABLE', message: expect.stringMatching(/No natural voice is installed/) });
        expect(secretsAsked).toEqual([]);
      } finally {
        voice.close();
      }
    } finally {
      await files.close();
    }
  }, 60_000);

  it("without a chosen voice or any downloaded voices, 'local' reports that none is installed", async () => {
    const voice = createTextToSpeech({ provider: 'local' }, { secret })!;
    const error = await voice.synthesize({ text: QUESTION, outputPath: out() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_AVAILABLE', message: expect.stringMatching(/No natural voice is installed/) });
  });
});
