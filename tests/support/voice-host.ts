import type { Settings } from '../../src/shared/protocol';
import { TestClient } from './host-fixture';
import { startServe, type ServeProcess } from './serve-process';
import { startTranscriptionServer, type Reply, type ReceivedUpload, type TranscriptionServer } from './stt/fake-transcription-server';
import { makeTempDir } from './temp-dir';

export interface VoiceHost {
  dataDir: string;
  serve: ServeProcess;
  recognizer: TranscriptionServer;
  stop(): Promise<void>;
}

/**
 * For the voice e2e tests: the host on a fresh data folder, hands-free, recognising through a
 * loopback server that speaks OpenAI's transcription API and answers with `reply`.
 */
export async function startVoiceHost(options: {
  reply: (upload: ReceivedUpload) => Reply;
  textToSpeech: Settings['textToSpeech'];
  silenceMs: number;
}): Promise<VoiceHost> {
  const data = makeTempDir('e2e-voice');
  const recognizer = await startTranscriptionServer(options.reply);
  const serve = await startServe(data.path);
  const client = await TestClient.open(serve.ws);
  await client.call('settings.set', {
    speechToText: { provider: 'openai-compatible', baseUrl: recognizer.baseURL, model: 'whisper-e2e' },
    textToSpeech: options.textToSpeech,
    preferences: { turnTaking: 'hands-free', silenceMs: options.silenceMs },
  });
  client.close();
  return {
    dataDir: data.path,
    serve,
    recognizer,
    async stop() {
      await serve.stop();
      await recognizer.close();
      data.remove();
    },
  };
}
