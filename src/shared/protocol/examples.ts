import type { CallMethod, CallParams, CallResult } from './calls';
import type { ClientMessage, ClientMessageType } from './client-messages';
import type { ServerMessage, ServerMessageType } from './server-messages';

/**
 * One documented example of every message and call (DESIGN.md §4). The protocol tests check
 * that each is accepted and that broken variants of it are not; the README links here as the
 * quickest way to see what goes over the wire.
 */
const interviewId = '0b5c8f5e-3f7a-4d6b-9a51-0c3e1d2f4a11';
const questionId = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00';
const answerId = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

export const clientMessageExamples: { [T in ClientMessageType]: Extract<ClientMessage, { type: T }> } = {
  start: {
    type: 'start',
    config: {
      track: 'backend',
      level: 'mid',
      length: 'quick',
      mode: 'text',
      jobDescription: 'Backend engineer: Node.js, PostgreSQL, queues.',
      questions: ['Tell me about a service you scaled.'],
    },
  },
  resume: { type: 'resume', interviewId },
  text_answer: { type: 'text_answer', questionId, text: 'I would add an index on the foreign key.' },
  audio_start: { type: 'audio_start', questionId, sampleRate: 16_000, encoding: 'pcm_s16le' },
  audio_end: { type: 'audio_end', questionId },
  playback_complete: { type: 'playback_complete', questionId },
  repeat: { type: 'repeat', questionId },
  skip: { type: 'skip', questionId },
  pause: { type: 'pause' },
  end: { type: 'end' },
};

export const serverMessageExamples: { [T in ServerMessageType]: Extract<ServerMessage, { type: T }> } = {
  session_started: {
    type: 'session_started',
    interviewId,
    config: { track: 'backend', mode: 'text' },
    resumed: false,
    protocolVersion: 1,
  },
  status: { type: 'status', state: 'listening' },
  question: {
    type: 'question',
    questionId,
    text: 'What is the N+1 query problem?',
    phase: 'warmup',
    difficulty: 'medium',
    index: 2,
    followUp: false,
    mainNumber: 1,
    audio: { url: '/media/questions/q.wav?token=abc', durationMs: 2400 },
  },
  question_draft: { type: 'question_draft', questionId, text: 'You mentioned payment retries. How would' },
  question_audio_part: { type: 'question_audio_part', questionId, index: 0, url: '/media/questions/q.0.0.part.wav?token=abc', durationMs: 1800 },
  question_draft_withdrawn: { type: 'question_draft_withdrawn', questionId },
  transcription: { type: 'transcription', questionId, text: 'I would add', isFinal: false },
  evaluation: {
    type: 'evaluation',
    questionId,
    answerId,
    score: 7.5,
    feedback: 'Clear and correct; name a way to detect it.',
    strengths: ['explained batching'],
    weaknesses: ['no mention of query logging'],
    suggestions: ['describe how you would spot it in production'],
  },
  interview_complete: { type: 'interview_complete', interviewId, overallScore: 72, totalQuestions: 5 },
  session_ended: { type: 'session_ended', interviewId, totalTurns: 5 },
  error: { type: 'error', code: 'BAD_MESSAGE', message: 'unknown message type; reload the page if the app was updated', recoverable: true },
  model_progress: { type: 'model_progress', modelId: 'whisper-tiny-en', state: { kind: 'downloading', bytes: 52_000_000, total: 103_627_191 } },
};

const modelView = {
  id: 'whisper-tiny-en',
  name: 'Whisper tiny (English)',
  purpose: 'speech-to-text' as const,
  languages: ['en'],
  totalBytes: 103_627_191,
  note: 'Small and fast; good for clear speech.',
  state: { kind: 'installed' as const },
};

const documentId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const savedResume = {
  id: documentId,
  kind: 'resume' as const,
  name: 'Jane Doe',
  source: 'pdf' as const,
  createdAt: '2026-11-22T09:00:00.000Z',
  updatedAt: '2026-11-22T09:05:00.000Z',
  text: 'Jane Doe\nSenior Backend Engineer, Acme Payments — Mar 2020 – Present\n• Cut p95 latency from 900 to 240 ms…',
  resume: {
    roles: [{ title: 'Senior Backend Engineer', company: 'Acme Payments', start: '2020-03', current: true }],
    yearsOfExperience: 6.5,
    skills: [{ key: 'tech:redis', name: 'Redis' }],
    achievements: [{ text: 'Cut p95 latency from 900 to 240 ms by adding a Redis cache.', role: 0 }],
  },
};
const { text: _text, resume: _resume, ...resumeSummary } = savedResume;

export const callExamples: { [M in CallMethod]: { params: CallParams<M>; result: CallResult<M> } } = {
  'tracks.list': {
    params: undefined,
    result: [{ id: 'backend', title: 'Backend engineering', description: 'APIs and databases.', questionCount: 30 }],
  },
  'interviews.current': {
    params: {},
    result: { id: interviewId, track: 'backend', status: 'in_progress', startedAt: '2026-11-22T09:30:00.000Z' },
  },
  'interviews.list': {
    params: { limit: 20, offset: 0, query: 'index' },
    result: [
      {
        id: interviewId,
        track: 'backend',
        status: 'completed',
        startedAt: '2026-11-22T09:30:00.000Z',
        completedAt: '2026-11-22T09:50:00.000Z',
        overallScore: 72,
        mainQuestions: 5,
        followUps: 1,
        skippedQuestions: 0,
      },
    ],
  },
  'interviews.get': {
    params: { interviewId },
    result: {
      id: interviewId,
      track: 'backend',
      status: 'completed',
      startedAt: '2026-11-22T09:30:00.000Z',
      completedAt: '2026-11-22T09:50:00.000Z',
      overallScore: 72,
      mainQuestions: 5,
      followUps: 1,
      skippedQuestions: 0,
      config: { track: 'backend', mode: 'voice', length: 'quick' },
      turns: [
        {
          questionId,
          index: 2,
          phase: 'warmup',
          difficulty: 'easy',
          followUp: false,
          mainNumber: 1,
          countedScore: 7.5,
          question: 'What is the N+1 query problem?',
          questionAudioUrl: '/media/questions/q.wav?token=abc',
          skipped: false,
          answer: { answerId, transcript: 'It is when…', audioUrl: '/media/answers/a.wav?token=abc', durationMs: 31_000 },
          evaluation: {
            answerId,
            score: 7.5,
            feedback: 'Clear and correct.',
            strengths: ['explained batching'],
            weaknesses: [],
            suggestions: [],
          },
        },
      ],
    },
  },
  'interviews.delete': { params: { interviewId }, result: { deleted: true } },
  'reports.export': {
    params: { interviewId, format: 'md' },
    result: { fileName: 'Backend engineering 2026-11-22 09-30.md', mimeType: 'text/markdown; charset=utf-8', url: '/exports/5b0c3f7e-8a43-4b53-9d3c-1f2e3d4c5b6a?token=abc' },
  },
  'history.exportCsv': {
    params: undefined,
    result: { fileName: 'Interview history 2026-11-22.csv', mimeType: 'text/csv; charset=utf-8', url: '/exports/0e6f1d2c-3b4a-4c5d-8e7f-9a0b1c2d3e4f?token=abc' },
  },
  'progress.get': {
    params: undefined,
    result: {
      tracks: [
        {
          track: 'backend',
          title: 'Backend engineering',
          interviews: 2,
          first: { interviewId, startedAt: '2026-11-20T09:30:00.000Z', score: 58 },
          best: { interviewId, startedAt: '2026-11-22T09:30:00.000Z', score: 72 },
          latest: { interviewId, startedAt: '2026-11-22T09:30:00.000Z', score: 72 },
          grouping: 'interview',
          points: [
            { from: '2026-11-20T09:30:00.000Z', score: 58, interviews: 1 },
            { from: '2026-11-22T09:30:00.000Z', score: 72, interviews: 1 },
          ],
        },
      ],
      weaknesses: [{ text: 'Stated no result', interviews: 2, answers: 3, details: [], lastSeen: '2026-11-22T09:30:00.000Z' }],
      speaking: { grouping: 'interview', points: [{ from: '2026-11-22T09:30:00.000Z', answers: 4, speakingMs: 180_000, wordsPerMinute: 128.5, fillersPerMinute: 2.1 }] },
      practice: { activeMs: 2_400_000, interviews: 2, retakes: 0, months: [{ from: '2026-11-01T00:00:00.000Z', activeMs: 2_400_000, interviews: 2 }] },
    },
  },
  'recordings.usage': { params: undefined, result: { bytes: 12_582_912, files: 24, interviews: 3, untranscribed: 0 } },
  'recordings.deleteAll': { params: undefined, result: { freedBytes: 12_582_912, files: 24, interviews: 3, notRemoved: 0 } },
  'models.list': { params: undefined, result: [modelView] },
  'models.download': { params: { modelId: 'whisper-tiny-en' }, result: { started: true } },
  'models.cancel': { params: { modelId: 'whisper-tiny-en' }, result: { cancelled: true } },
  'models.import': { params: { modelId: 'whisper-tiny-en', folder: '/home/me/Downloads/whisper-tiny-en' }, result: modelView },
  'models.remove': { params: { modelId: 'whisper-tiny-en' }, result: { removed: true } },
  'providers.test': {
    params: { capability: 'interviewer', draft: { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' } },
    result: {
      ok: true,
      sentence: 'The model server at 127.0.0.1:11434 works: model "llama3.2" found, structured output (JSON schema) supported, answered in 240 ms.',
      latencyMs: 240,
      models: ['llama3.2', 'qwen2.5:7b'],
      capabilities: {
        structuredOutput: 'json_schema',
        contextTokens: 4096,
        textField: 'content',
        foundFor: { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' },
      },
    },
  },
  'providers.models': { params: { capability: 'interviewer', draft: { provider: 'openai', model: 'gpt-4o-mini' }, key: 'sk-typed-not-saved' }, result: { models: ['gpt-4o', 'gpt-4o-mini'] } },
  'settings.get': {
    params: undefined,
    result: {
      interviewer: { provider: 'embedded' },
      speechToText: { provider: 'local' },
      textToSpeech: { provider: 'system' },
      preferences: { feedbackTiming: 'after-each', turnTaking: 'push-to-talk', silenceMs: 2000 },
      secrets: { openai: { hasKey: false, storedBy: 'desktop-app' }, anthropic: { hasKey: true }, openaiCompatible: { hasKey: false } },
      keyStorage: { kind: 'plain-file', note: 'In browser mode keys are kept in a file only your user account can read, not encrypted; the desktop app encrypts them.' },
    },
  },
  'app.notices': {
    params: undefined,
    result: [
      {
        code: 'DATABASE_REPLACED',
        message:
          'Your interview history could not be read because its database file was damaged, so a new, empty one was started. The damaged file is kept in the data folder as interviews.damaged-2026-12-04T18-00-00.sqlite.',
      },
    ],
  },
  'app.diagnostics': {
    params: undefined,
    result: { text: 'Interview Practice 0.1.0 (desktop app)\nRuntime: electron 45.4.1, chrome 142.0.7444.52, node 22.20.0\n…' },
  },
  'settings.set': {
    params: {
      interviewer: { provider: 'openai', model: 'gpt-4o-mini' },
      textToSpeech: { provider: 'local', voice: 'piper-en-us-amy' },
      secrets: { openai: 'sk-test', anthropic: null },
    },
    result: {
      interviewer: { provider: 'openai', model: 'gpt-4o-mini' },
      speechToText: { provider: 'local' },
      textToSpeech: { provider: 'local', voice: 'piper-en-us-amy' },
      preferences: { feedbackTiming: 'after-each', turnTaking: 'push-to-talk', silenceMs: 2000 },
      secrets: { openai: { hasKey: true }, anthropic: { hasKey: false }, openaiCompatible: { hasKey: false } },
      keyStorage: { kind: 'encrypted' },
    },
  },
  'documents.list': { params: { kind: 'resume' }, result: [resumeSummary] },
  'documents.get': { params: { id: documentId }, result: savedResume },
  'documents.import': { params: { kind: 'resume', source: { type: 'upload', uploadId: answerId } }, result: savedResume },
  'documents.upload': { params: { fileName: 'jane-doe.pdf', size: 48_213 }, result: { uploadId: answerId, url: `/uploads/${answerId}?token=abc` } },
  'documents.update': { params: { id: documentId, resume: { ...savedResume.resume, skills: [{ key: 'tech:redis', name: 'Redis' }, { key: 'tech:apachekafka', name: 'Kafka' }] } }, result: savedResume },
  'documents.delete': { params: { id: documentId }, result: { deleted: true } },
  'skills.names': { params: undefined, result: ['API design', 'Kafka', 'PostgreSQL', 'Redis'] },
};
