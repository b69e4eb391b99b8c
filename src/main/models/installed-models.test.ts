import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLoopbackFileServer, type LoopbackFileServer } from '../../../tests/support/models/loopback-file-server';
import { generateWhisperFiles, plentyOfSpace, testCatalog, testModel, type GeneratedFile } from '../../../tests/support/models/model-fixtures';
import { testVoice, VOICE_MODEL_FILE, VOICE_TOKENS_FILE } from '../../../tests/support/models/voice-fixtures';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { silentLogger } from '../log';
import { installedSpeechModel, installedVoiceFiles } from './installed-models';
import { createModelManager, type ModelManager } from './model-manager';

/**
 * Speech models and voices share one catalog and one folder, so each consumer must only
 * ever see its own kind: the recognizer never loads a voice, the voice never a recognizer.
 */
let server: LoopbackFileServer;
let temp: { path: string; remove(): void };
let models: ModelManager;
let modelsDir: string;

const serve = (prefix: string, files: GeneratedFile[]): void => files.forEach((file) => server.serve(`/${prefix}/${file.name}`, file.content));

beforeEach(async () => {
  server = await startLoopbackFileServer();
  temp = makeTempDir('installed-models');
  modelsDir = join(temp.path, 'models');
  const whisperFiles = generateWhisperFiles({ encoder: 30_000, decoder: 30_000, tokens: 3_000 });
  serve('whisper', whisperFiles);
  const amy = testVoice('voice-amy', (name) => server.url(`/amy/${name}`));
  const ryan = testVoice('voice-ryan', (name) => server.url(`/ryan/${name}`));
  serve('amy', amy.files);
  serve('ryan', ryan.files);
  // Voices first in the catalog: "the first installed" must still skip them for recognition.
  const catalog = testCatalog(amy.model, ryan.model, testModel('test-whisper', whisperFiles, (name) => server.url(`/whisper/${name}`)));
  models = createModelManager({ modelsDir, catalog, statfs: plentyOfSpace, log: silentLogger });
});
afterEach(async () => {
  await server.close();
  temp.remove();
});

const voiceFilesIn = (id: string) => ({ model: join(modelsDir, id, VOICE_MODEL_FILE), tokens: join(modelsDir, id, VOICE_TOKENS_FILE) });

describe('installedSpeechModel', () => {
  it('never picks a voice, even one chosen by id or installed first', async () => {
    await models.download('voice-amy');
    expect(await installedSpeechModel(models, undefined)).toBeUndefined();
    expect(await installedSpeechModel(models, 'voice-amy')).toBeUndefined();

    await models.download('test-whisper');
    expect(await installedSpeechModel(models, 'voice-amy')).toBe(join(modelsDir, 'test-whisper'));
    expect(await installedSpeechModel(models, 'test-whisper')).toBe(join(modelsDir, 'test-whisper'));
  });
});

describe('installedVoiceFiles', () => {
  it('gives the chosen voice, else the first installed one, and never a speech model', async () => {
    await models.download('test-whisper');
    expect(await installedVoiceFiles(models, 'test-whisper')).toBeUndefined();

    await models.download('voice-ryan');
    expect(await installedVoiceFiles(models, undefined)).toEqual(voiceFilesIn('voice-ryan'));
    expect(await installedVoiceFiles(models, 'test-whisper')).toEqual(voiceFilesIn('voice-ryan'));

    await models.download('voice-amy');
    expect(await installedVoiceFiles(models, 'voice-ryan')).toEqual(voiceFilesIn('voice-ryan'));
    expect(await installedVoiceFiles(models, undefined)).toEqual(voiceFilesIn('voice-amy'));
  });

  it('stops giving a voice once it is removed', async () => {
    await models.download('voice-amy');
    expect(await installedVoiceFiles(models, 'voice-amy')).toEqual(voiceFilesIn('voice-amy'));
    await models.remove('voice-amy');
    expect(await installedVoiceFiles(models, 'voice-amy')).toBeUndefined();
  });
});
