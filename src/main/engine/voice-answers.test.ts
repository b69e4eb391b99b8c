import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { speechClip } from '../../../tests/support/audio/speech-audio';
import { createEngineHarness, scriptedInterviewer, scriptedRecognizer, speak, type EngineHarness } from '../../../tests/support/engine-harness';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { readWav } from '../audio/wav-file';
import { SpeechSynthesisError } from '../providers/tts/speech-synthesis-error';
import { createBundledVoice } from '../providers/tts/bundled-voice';
import { joinedWithSilence, padded } from '../../../tests/support/audio/speech-audio';
import type { SpeechToTextPort } from './ports';

/**
 * Issue #4 in the engine: spoken questions, recorded answers kept as they arrive, transcripts
 * the candidate confirms or corrects, and nothing lost when recognition is unavailable.
 */
// The app's built-in voice speaks here: it needs nothing installed, and which voice speaks is not what these tests are about.
const voice = createBundledVoice();
let harness: EngineHarness;
let temp: ReturnType<typeof makeTempDir>;
let answerClip: string;
beforeEach(() => {
  harness = createEngineHarness();
  temp = makeTempDir('voice');
  answerClip = speechClip(temp.path, 'answer', 'I would add an index on the customer id column and check the query plan.', { sampleRate: 16_000 });
});
afterEach(() => {
  harness.close();
  temp.remove();
});

const voiceInterview = { mode: 'voice' as const };

/** A first window that starts a voice interview and is still speaking its first answer. */
async function answeringWithoutEnd(): Promise<{ id: string; questionId: string }> {
  const first = harness.open();
  await first.start(voiceInterview);
  const { questionId } = first.currentQuestion;
  await speak(first, answerClip, { end: false });
  return { id: first.last('session_started')!.interviewId, questionId };
}

describe('spoken questions', () => {
  it('speaks each question into a WAV once and sends its URL, length and waveform', async () => {
    const client = harness.open(scriptedInterviewer(), undefined, { textToSpeech: voice });
    await client.start(voiceInterview);
    const question = client.currentQuestion;
    expect(question.audio).toMatchObject({ url: expect.stringMatching(/^\/media\/.+\/questions\/.+\.wav$/) });
    expect(question.audio!.durationMs).toBeGreaterThan(500);
    expect(question.audio!.peaks!.length).toBeGreaterThan(10);
    const file = join(harness.mediaDir, question.audio!.url.slice('/media/'.length));
    expect(readWav(file).durationMs).toBe(question.audio!.durationMs);
    expect(client.last('status')?.state).toBe('speaking');
    await client.send({ type: 'playback_complete', questionId: question.questionId });
    expect(client.last('status')?.state).toBe('ready');
  });

  it('shows the question as text when no voice can speak it', async () => {
    const broken = { name: 'broken', synthesize: async () => Promise.reject(new Error('no voice')) };
    const client = harness.open(scriptedInterviewer(), undefined, { textToSpeech: broken });
    const messages = await client.start(voiceInterview);
    expect(messages.find((m) => m.type === 'error')).toMatchObject({ code: 'TTS_FAILED', recoverable: true });
    expect(client.currentQuestion.audio).toBeUndefined();
  });

  it('speaks with the system voice when the chosen voice fails, and says so once (issue #9)', async () => {
    const unreachable = {
      name: 'openai',
      synthesize: async () => Promise.reject(new SpeechSynthesisError('UNREACHABLE', 'OpenAI could not be reached. Check the internet connection, or use the system voice.')),
    };
    const client = harness.open(scriptedInterviewer(), undefined, { textToSpeech: unreachable, fallbackVoice: voice });
    await client.start(voiceInterview);
    expect(client.currentQuestion.audio!.durationMs).toBeGreaterThan(500);
    await client.answer('I build payment APIs in Go and I would like to own their reliability.');
    expect(client.currentQuestion.index).toBe(2);
    expect(client.currentQuestion.audio!.durationMs).toBeGreaterThan(500);
    const notices = client.messages.filter((m) => m.type === 'error');
    expect(notices).toEqual([
      { type: 'error', code: 'TTS_FALLBACK', message: expect.stringMatching(/^OpenAI could not be reached\..* The system voice reads the questions instead\.$/), recoverable: true },
    ]);
  });

  it('shows the question as text with the chosen voice\'s reason when the system voice fails too', async () => {
    const failing = (message: string) => ({ name: 'failing', synthesize: async () => Promise.reject(new SpeechSynthesisError('SYNTHESIS_FAILED', message)) });
    const client = harness.open(scriptedInterviewer(), undefined, { textToSpeech: failing('OpenAI had a problem on its side.'), fallbackVoice: failing('No voice here.') });
    await client.start(voiceInterview);
    expect(client.currentQuestion.audio).toBeUndefined();
    expect(client.messages.filter((m) => m.type === 'error')).toEqual([
      { type: 'error', code: 'TTS_FAILED', message: 'OpenAI had a problem on its side. The question is shown as text.', recoverable: true },
    ]);
  });
});

describe('spoken answers', () => {
  it('records, transcribes, lets the candidate correct the transcript, and evaluates the correction', async () => {
    const recognizer = scriptedRecognizer(['I would add an index on the customer id column']);
    const client = harness.open(scriptedInterviewer(), undefined, { speechToText: recognizer });
    await client.start(voiceInterview);
    const { questionId } = client.currentQuestion;
    await speak(client, answerClip);

    const transcription = client.last('transcription')!;
    expect(transcription).toMatchObject({ questionId, isFinal: true, text: 'I would add an index on the customer id column' });
    const stored = join(harness.mediaDir, transcription.audio!.url.slice('/media/'.length));
    // Every chunk arrived: the recording is as long as what was said.
    expect(readWav(stored).durationMs).toBe(readWav(answerClip).durationMs);
    expect(client.last('status')?.state).toBe('ready');
    expect(client.messages.filter((m) => m.type === 'evaluation')).toHaveLength(0);

    await client.answer('8');
    const detail = harness.repository.detail(client.last('session_started')!.interviewId, (path) => `/media/${path}`)!;
    const answer = detail.turns[0]!.answer!;
    expect(answer).toMatchObject({ text: '8', transcript: 'I would add an index on the customer id column', audioUrl: transcription.audio!.url });
    expect(answer.peaks!.length).toBeGreaterThan(10);
    expect(answer.analytics!.speakingMs).toBeGreaterThan(1000);
    expect(detail.turns[0]!.evaluation?.score).toBe(8);
  });

  it('sends partial transcripts phrase by phrase while a local recogniser listens, then the final one', async () => {
    const second = speechClip(temp.path, 'second', 'Then I would measure it again.', { sampleRate: 16_000 });
    const twoPhrases = padded(temp.path, 'two', joinedWithSilence(temp.path, 'joined', [answerClip, second], 1_200), 500, 1_000);
    const heard: string[] = [];
    // Names what it hears by length: a phrase is shorter than the whole answer.
    const recognizer: SpeechToTextPort = {
      name: 'local-test',
      liveTranscripts: true,
      availability: async () => ({ available: true }),
      async transcribe({ wavPath }) {
        heard.push(wavPath);
        const { durationMs } = readWav(wavPath);
        return { text: durationMs > readWav(twoPhrases).durationMs - 100 ? 'the whole answer' : `a phrase of ${Math.round(durationMs / 1000)} s` };
      },
    };
    const client = harness.open(scriptedInterviewer(), undefined, { speechToText: recognizer });
    await client.start(voiceInterview);
    const { questionId } = client.currentQuestion;
    await speak(client, twoPhrases, { end: false });
    await expect.poll(() => client.messages.filter((m) => m.type === 'transcription').length).toBe(2);
    await client.send({ type: 'audio_end', questionId });

    const transcriptions = client.messages.filter((m) => m.type === 'transcription');
    expect(transcriptions.map((m) => [m.text, m.isFinal])).toEqual([
      ['a phrase of 4 s', false],
      ['a phrase of 4 s a phrase of 2 s', false],
      ['the whole answer', true],
    ]);
    // Phrases are scratch files: none is left next to the recording.
    expect(heard.slice(0, 2).every((path) => path.endsWith('.phrase') && !existsSync(path))).toBe(true);
  });

  it('sends no partial transcripts when the recogniser is a paid service', async () => {
    const recognizer = scriptedRecognizer(['final words']);
    const client = harness.open(scriptedInterviewer(), undefined, { speechToText: recognizer });
    await client.start(voiceInterview);
    const twoPhrases = joinedWithSilence(temp.path, 'joined', [answerClip, answerClip], 1_200);
    await speak(client, twoPhrases);
    expect(recognizer.calls).toHaveLength(1);
    expect(client.messages.filter((m) => m.type === 'transcription').map((m) => m.isFinal)).toEqual([true]);
  });

  it('keeps the recording when recognition is unavailable, says why, and accepts a typed answer', async () => {
    const client = harness.open(scriptedInterviewer(), undefined, { speechToText: scriptedRecognizer([], false) });
    await client.start(voiceInterview);
    await speak(client, answerClip);
    expect(client.last('error')).toMatchObject({ code: 'STT_UNAVAILABLE', recoverable: true, message: expect.stringContaining('recording is saved') });
    const id = client.last('session_started')!.interviewId;
    expect(harness.repository.detail(id, (p) => p)!.turns[0]!.answer?.audioUrl).toMatch(/answers\/.+\.wav$/);
    await client.answer('7');
    expect(harness.repository.detail(id, (p) => p)!.turns[0]!.answer).toMatchObject({ text: '7', audioUrl: expect.any(String) });
  });

  it('reports a failed transcription and keeps going', async () => {
    const client = harness.open(scriptedInterviewer(), undefined, { speechToText: scriptedRecognizer([Object.assign(new Error('The speech server did not answer in time.'), { code: 'TIMEOUT' })]) });
    await client.start(voiceInterview);
    await speak(client, answerClip);
    expect(client.last('error')).toMatchObject({ code: 'TRANSCRIPTION_FAILED', message: expect.stringContaining('did not answer in time') });
    await client.answer('6');
    expect(client.currentQuestion.index).toBe(2);
  });

  it('answers audio without a recording once, and refuses a second audio_start', async () => {
    const client = harness.open();
    await client.start(voiceInterview);
    client.session.receiveAudio(new Uint8Array(3200));
    client.session.receiveAudio(new Uint8Array(3200));
    await client.session.whenIdle();
    expect(client.messages.filter((m) => m.type === 'error')).toHaveLength(1);
    const { questionId } = client.currentQuestion;
    await client.send({ type: 'audio_start', questionId, sampleRate: 16_000, encoding: 'pcm_s16le' });
    const second = await client.send({ type: 'audio_start', questionId, sampleRate: 16_000, encoding: 'pcm_s16le' });
    expect(second.find((m) => m.type === 'error')).toMatchObject({ code: 'WRONG_STATE' });
  });

  it('a window that resumes while another is recording gets that recording, and its answer is evaluated (issue #9)', async () => {
    const { id, questionId } = await answeringWithoutEnd();

    const second = harness.open(scriptedInterviewer(), undefined, { speechToText: scriptedRecognizer(['what the first window heard']) });
    await second.send({ type: 'resume', interviewId: id });
    expect(second.last('transcription')).toMatchObject({ questionId, text: 'what the first window heard', isFinal: true });
    const confirmed = await second.answer('7');
    expect(confirmed.filter((m) => m.type === 'error')).toEqual([]);
    expect(confirmed.find((m) => m.type === 'evaluation')).toMatchObject({ questionId, score: 7 });
    const answer = harness.repository.detail(id, (p) => p)!.turns[0]!.answer;
    expect(answer).toMatchObject({ text: '7', transcript: 'what the first window heard', audioUrl: expect.stringMatching(/answers\/.+\.wav$/) });
    expect(answer!.durationMs).toBe(readWav(answerClip).durationMs);
  });

  it('after a crash mid-answer, repairs the recording and transcribes it on resume', async () => {
    const { id, questionId } = await answeringWithoutEnd();
    // The crash: no audio_end, no close; and the header's sizes never got written.
    const file = join(harness.mediaDir, id, 'answers', `${questionId}.wav`);
    const bytes = readFileSync(file);
    bytes.writeUInt32LE(0, 4);
    bytes.writeUInt32LE(0, 40);
    writeFileSync(file, bytes);

    // The app starts again on the same database: the crashed window is gone, not detached.
    const restarted = createEngineHarness(harness.dbFile);
    try {
      const recognizer = scriptedRecognizer(['recovered words']);
      const second = restarted.open(scriptedInterviewer(), undefined, { speechToText: recognizer });
      await second.send({ type: 'resume', interviewId: id });
      expect(existsSync(file)).toBe(true);
      expect(readWav(file).durationMs).toBe(readWav(answerClip).durationMs);
      expect(second.last('transcription')).toMatchObject({ questionId, text: 'recovered words' });
    } finally {
      restarted.close();
    }
  });
});
