import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientMessage, Difficulty, InterviewConfig, ServerMessage } from '../../src/shared/protocol';
import { migrate, openDatabase, type AppDatabase } from '../../src/main/db/database';
import { createInterviewRepository } from '../../src/main/db/interview-repository';
import { createAttachments, type Attachments } from '../../src/main/engine/attachments';
import type { EngineTuning } from '../../src/main/engine/engine-context';
import { createInterviewSession, type EngineDeps } from '../../src/main/engine/interview-session';
import { createKeptAnswers } from '../../src/main/engine/kept-answers';
import type { InterviewerPort, InterviewRepository, QuestionPlan, SpeechToTextPort, TextToSpeechPort } from '../../src/main/engine/ports';
import { createMediaStore } from '../../src/main/media/media-store';
import type { AnswerEvaluation } from '../../src/main/interviewer/evaluation/evaluation-types';
import { silentLogger } from '../../src/main/log';
import { RESOURCES_DIR } from './paths';
import { makeTempDir } from './temp-dir';

/**
 * An interviewer whose scores are scripted: an answer's text is its score ("7.5"), so a test
 * reads as the sequence of scores it plays. It asks bank-like questions `q1`, `q2`, … with
 * the difficulty the engine asks for, and one follow-up when an answer starts with "follow".
 */
export function scriptedInterviewer(options: { bankSize?: number; name?: string } = {}): InterviewerPort {
  const bankSize = options.bankSize ?? 100;
  const plan = (sourceId: string, text: string, difficulty: Difficulty): QuestionPlan => ({ sourceId, text, difficulty });
  return {
    name: options.name ?? 'scripted',
    introQuestion: async () => plan('intro:hello', 'Tell me about yourself.', 'easy'),
    wrapupQuestion: async () => plan('wrapup:questions', 'What would you like to ask me?', 'easy'),
    async nextQuestion(context, phase, difficulties) {
      const custom = context.config.questions;
      if (custom) {
        const next = custom.findIndex((_q, i) => !context.askedSourceIds.includes(`custom:${i}`));
        return next === -1 ? undefined : plan(`custom:${next}`, custom[next]!, 'medium');
      }
      const n = context.askedSourceIds.length + 1;
      return n > bankSize ? undefined : plan(`q${n}`, `Question ${n} (${phase})?`, difficulties[0]!);
    },
    async followUp(_context, asked, evaluation) {
      return !asked.followUp && evaluation.missedConcepts.includes('follow') ? plan(`${asked.sourceId}#0`, 'Can you say more?', 'medium') : undefined;
    },
    async evaluate(_context, _asked, answer): Promise<AnswerEvaluation> {
      const score = Number.parseFloat(answer.replace(/^follow\s*/, ''));
      return {
        score: Number.isFinite(score) ? score : 5,
        feedback: 'scripted',
        strengths: [],
        weaknesses: [],
        suggestions: [],
        missedConcepts: answer.startsWith('follow') ? ['follow'] : [],
        skillsShown: [],
      };
    },
  };
}

/** A recogniser that answers with the next scripted transcript, or fails as told (a port-level double). */
export function scriptedRecognizer(transcripts: (string | Error)[], available = true): SpeechToTextPort & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: 'scripted-stt',
    liveTranscripts: false,
    calls,
    availability: async () => (available ? { available: true } : { available: false, reason: 'No speech model is installed yet.' }),
    async transcribe({ wavPath }) {
      calls.push(wavPath);
      const next = transcripts[Math.min(calls.length - 1, transcripts.length - 1)] ?? '';
      if (next instanceof Error) throw next;
      return { text: next };
    },
  };
}

export interface EngineHarness {
  db: AppDatabase;
  dbFile: string;
  repository: InterviewRepository;
  attachments: Attachments;
  mediaDir: string;
  open(interviewer?: InterviewerPort, fallback?: InterviewerPort, voice?: { speechToText?: SpeechToTextPort; textToSpeech?: TextToSpeechPort; fallbackVoice?: TextToSpeechPort }, tuning?: EngineTuning): SessionClient;
  close(): void;
}

export class SessionClient {
  readonly messages: ServerMessage[] = [];
  readonly session: ReturnType<typeof createInterviewSession>;

  constructor(deps: EngineDeps) {
    this.session = createInterviewSession(deps, (message) => this.messages.push(message));
  }

  /** Sends a message and waits until the engine has handled it. */
  async send(message: ClientMessage): Promise<ServerMessage[]> {
    const before = this.messages.length;
    this.session.receive(message);
    await this.session.whenIdle();
    return this.messages.slice(before);
  }

  last<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }> | undefined {
    return this.messages.findLast((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
  }

  get currentQuestion(): Extract<ServerMessage, { type: 'question' }> {
    const question = this.last('question');
    if (!question) throw new Error('no question yet');
    return question;
  }

  async start(config: Partial<InterviewConfig> = {}): Promise<ServerMessage[]> {
    return this.send({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick', ...config } });
  }

  async answer(text: string): Promise<ServerMessage[]> {
    return this.send({ type: 'text_answer', questionId: this.currentQuestion.questionId, text });
  }

  /** Answers every question with these texts in turn until the interview completes. */
  async answerAll(texts: string[]): Promise<void> {
    for (const text of texts) await this.answer(text);
  }
}

/** Streams a 16 kHz WAV's samples as the answer to the current question, in 50 ms chunks like the renderer. */
export async function speak(client: SessionClient, wavPath: string, options: { end?: boolean } = {}): Promise<void> {
  const { questionId } = client.currentQuestion;
  const pcm = readFileSync(wavPath).subarray(44);
  client.session.receive({ type: 'audio_start', questionId, sampleRate: 16_000, encoding: 'pcm_s16le' });
  for (let offset = 0; offset < pcm.length; offset += 1600) client.session.receiveAudio(new Uint8Array(pcm.subarray(offset, offset + 1600)));
  if (options.end !== false) client.session.receive({ type: 'audio_end', questionId });
  await client.session.whenIdle();
}

export function createEngineHarness(dbFile?: string): EngineHarness {
  const temp = dbFile ? undefined : makeTempDir('engine');
  const file = dbFile ?? join(temp!.path, 'interviews.sqlite');
  const db = openDatabase(file);
  migrate(db, join(RESOURCES_DIR, 'migrations'));
  const repository = createInterviewRepository(db);
  const attachments = createAttachments();
  const keptAnswers = createKeptAnswers();
  const media = createMediaStore(join(file, '..'));
  return {
    db,
    dbFile: file,
    repository,
    attachments,
    mediaDir: media.root,
    open(interviewer = scriptedInterviewer(), fallback = interviewer, voice = {}, tuning) {
      const speechToText = voice.speechToText ?? scriptedRecognizer([], false);
      return new SessionClient({
        repository,
        interviewer: () => interviewer,
        fallback,
        speechToText: () => speechToText,
        textToSpeech: () => voice.textToSpeech,
        ...(voice.fallbackVoice ? { fallbackVoice: voice.fallbackVoice } : {}),
        media,
        mediaUrl: (path) => `/media/${path}`,
        trackExists: (track) => track === 'backend' || track === 'frontend',
        attachments,
        keptAnswers,
        dataDir: join(file, '..'),
        clock: { now: () => new Date() },
        ids: { newId: randomUUID },
        log: silentLogger,
        tuning,
      });
    },
    close() {
      db.$client.close();
      temp?.remove();
    },
  };
}
