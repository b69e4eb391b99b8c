/**
 * Issue #4: interviewer response time for a spoken answer, from the end of a 30-second answer
 * to the next question's audio being playable, split into its parts, with the embedded
 * interviewer and the zero-setup system voice. Recognition goes to a loopback server that
 * answers at once (so its share is I/O only), or to the local model when STT_MODEL_DIR names
 * one, which also gives recognition's real-time factor. Aim: under 1.5 s excluding
 * recognition; recognition faster than real time ×5. Then the last question is spoken by the
 * system voice and by the bundled voice (espeak-ng WebAssembly, what speaks on a computer
 * without a voice of its own) on their own, to compare their synthesis times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, openDatabase } from '../src/main/db/database';
import { createInterviewRepository } from '../src/main/db/interview-repository';
import { createAttachments } from '../src/main/engine/attachments';
import { createKeptAnswers } from '../src/main/engine/kept-answers';
import { createInterviewSession } from '../src/main/engine/interview-session';
import { loadConversation } from '../src/main/interviewer/conversation-file';
import { createEmbeddedInterviewer } from '../src/main/interviewer/embedded-interviewer';
import { Meaning } from '../src/main/interviewer/language/meaning';
import { loadWordVectors } from '../src/main/interviewer/language/word-vectors';
import { loadTrackCatalog } from '../src/main/interviewer/track-catalog';
import { silentLogger } from '../src/main/log';
import { createMediaStore } from '../src/main/media/media-store';
import { createLocalTranscriber } from '../src/main/providers/stt/local-transcriber';
import { createOpenAiTranscriber } from '../src/main/providers/stt/openai-transcriber';
import { createBundledVoice } from '../src/main/providers/tts/bundled-voice';
import { createSystemVoice } from '../src/main/providers/tts/system-voice';
import type { ServerMessage } from '../src/shared/protocol';
import { joinedWithSilence, speechClip } from '../tests/support/audio/speech-audio';
import { RESOURCES_DIR } from '../tests/support/paths';
import { makeTempDir } from '../tests/support/temp-dir';
import { jsonReply, startTranscriptionServer } from '../tests/support/stt/fake-transcription-server';
import { percentile } from './stats';

const ROUNDS = 8;
const temp = makeTempDir('bench-voice');
const sentence = speechClip(temp.path, 'sentence', 'I would start from the slow query log, read the plan, and add the index that the filter needs.', { sampleRate: 16_000 });
const answerWav = joinedWithSilence(temp.path, 'answer', Array(6).fill(sentence), 400);
const answerPcm = readFileSync(answerWav).subarray(44);
const answerSeconds = answerPcm.length / 2 / 16_000;

const modelDir = process.env.STT_MODEL_DIR;
const server = modelDir ? undefined : await startTranscriptionServer(() => jsonReply({ text: 'I would start from the slow query log and add the index the filter needs.' }));
const recognizer = modelDir
  ? createLocalTranscriber({ modelDirectory: modelDir })
  : createOpenAiTranscriber({ kind: 'openai-compatible', baseURL: server!.baseURL, model: 'bench' });

const db = openDatabase(join(temp.path, 'interviews.sqlite'));
migrate(db, join(RESOURCES_DIR, 'migrations'));
const catalog = loadTrackCatalog(RESOURCES_DIR);
const embedded = createEmbeddedInterviewer(catalog, loadConversation(RESOURCES_DIR), new Meaning(loadWordVectors(RESOURCES_DIR)));
const voice = createSystemVoice();
const times = new Map<string, number>();
const mark = (name: string): void => void times.set(name, performance.now());
let lastQuestion: Extract<ServerMessage, { type: 'question' }> | undefined;
const session = createInterviewSession(
  {
    repository: createInterviewRepository(db),
    interviewer: () => embedded,
    fallback: embedded,
    speechToText: () => recognizer,
    textToSpeech: () => voice,
    media: createMediaStore(temp.path),
    mediaUrl: (path) => path,
    trackExists: (id) => catalog.get(id) !== undefined,
    attachments: createAttachments(),
    keptAnswers: createKeptAnswers(),
    dataDir: temp.path,
    clock: { now: () => new Date() },
    ids: { newId: () => crypto.randomUUID() },
    log: silentLogger,
  },
  (message) => {
    if (message.type === 'status') mark(`status:${message.state}`);
    if (message.type === 'transcription') mark('transcription');
    if (message.type === 'evaluation') mark('evaluation');
    if (message.type === 'question') {
      mark('question');
      lastQuestion = message;
    }
  },
);

session.receive({ type: 'start', config: { track: 'backend', mode: 'voice', length: 'full' } });
await session.whenIdle();
const parts = { save: [] as number[], recognition: [] as number[], evaluation: [] as number[], nextQuestion: [] as number[], total: [] as number[] };
for (let round = 0; round < ROUNDS; round += 1) {
  const questionId = lastQuestion!.questionId;
  session.receive({ type: 'audio_start', questionId, sampleRate: 16_000, encoding: 'pcm_s16le' });
  for (let offset = 0; offset < answerPcm.length; offset += 1600) session.receiveAudio(new Uint8Array(answerPcm.subarray(offset, offset + 1600)));
  await session.whenIdle();
  mark('audio_end');
  session.receive({ type: 'audio_end', questionId });
  await session.whenIdle();
  const transcript = 'I would start from the slow query log, read the plan, and add the index that the filter needs.';
  mark('text_answer');
  session.receive({ type: 'text_answer', questionId, text: transcript });
  await session.whenIdle();
  const at = (name: string): number => times.get(name)!;
  parts.save.push(at('status:transcribing') - at('audio_end'));
  parts.recognition.push(at('transcription') - at('status:transcribing'));
  parts.evaluation.push(at('status:generating') - at('text_answer'));
  parts.nextQuestion.push(at('question') - at('status:generating'));
  parts.total.push(at('status:transcribing') - at('audio_end') + (at('question') - at('text_answer')));
}

// The same question through each zero-setup voice alone. The bundled voice's first question
// includes starting its worker and loading the engine; the rounds after it are warm.
const questionText = lastQuestion!.text;
const bundledVoice = createBundledVoice();
const timeToSpeak = async (speaker: typeof voice, name: string): Promise<number> => {
  const started = performance.now();
  await speaker.synthesize({ text: questionText, outputPath: join(temp.path, `${name}.wav`) });
  return performance.now() - started;
};
const bundledFirst = await timeToSpeak(bundledVoice, 'bundled-first');
const synthesis = { system: [] as number[], bundled: [] as number[] };
for (let round = 0; round < ROUNDS; round += 1) {
  synthesis.system.push(await timeToSpeak(voice, `system-${round}`));
  synthesis.bundled.push(await timeToSpeak(bundledVoice, `bundled-${round}`));
}

db.$client.close();
await server?.close();
temp.remove();

console.log(`\nVoice turn, ${answerSeconds.toFixed(1)} s answer, ${ROUNDS} rounds (ms, p50 / p95)`);
const row = (name: string, values: number[]): void => console.log(`  ${name.padEnd(46)} ${percentile(values, 50).toFixed(0).padStart(6)} / ${percentile(values, 95).toFixed(0).padStart(6)}`);
row('save the recording (I/O)', parts.save);
row(modelDir ? 'recognition (local model)' : 'recognition (loopback server: I/O only)', parts.recognition);
row('evaluation + speech analytics', parts.evaluation);
row('next question: plan, speak (system voice), commit', parts.nextQuestion);
row('total excluding recognition (aim < 1500)', parts.total);
if (modelDir) console.log(`recognition speed: ${(answerSeconds / (percentile(parts.recognition, 50) / 1000)).toFixed(1)}x real time (aim > 5x)`);
else console.log('recognition speed: not measured (set STT_MODEL_DIR to a sherpa-onnx model folder)');

const words = questionText.split(/\s+/).filter(Boolean).length;
console.log(`\nSpeaking the last question alone (${words} words), ${ROUNDS} rounds (ms, p50 / p95)`);
row('system voice', synthesis.system);
row('bundled voice (espeak-ng WebAssembly, warm)', synthesis.bundled);
console.log(`  ${'bundled voice, first question (loads the engine)'.padEnd(46)} ${bundledFirst.toFixed(0).padStart(6)}`);
