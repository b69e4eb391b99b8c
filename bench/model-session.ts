import { join } from 'node:path';
import { migrate, openDatabase } from '../src/main/db/database';
import { createInterviewRepository } from '../src/main/db/interview-repository';
import { createAttachments } from '../src/main/engine/attachments';
import type { EngineTuning } from '../src/main/engine/engine-context';
import { createInterviewSession } from '../src/main/engine/interview-session';
import { createKeptAnswers } from '../src/main/engine/kept-answers';
import type { TextToSpeechPort } from '../src/main/engine/ports';
import { silentLogger } from '../src/main/log';
import { createMediaStore } from '../src/main/media/media-store';
import type { Emit } from '../src/main/session/session-port';
import type { InterviewConfig, ServerMessage } from '../src/shared/protocol';
import { loopbackModelInterviewer } from '../tests/support/loopback-model-interviewer';
import { RESOURCES_DIR } from '../tests/support/paths';

/**
 * A session of the real engine with a model interviewer on a loopback server, on its own
 * SQLite file and media folder under `dir`, for the model benchmarks (issue #10). Answers are
 * typed (no recognition); `voice` speaks the questions when given; `observe` sees every
 * message as it is sent.
 */
export interface ModelSession {
  start(config: InterviewConfig): Promise<void>;
  /** Answers the current question; resolves as the next question is sent (or the interview ends). */
  answer(text: string): Promise<void>;
  /** Resolves once everything received so far is handled. */
  idle(): Promise<void>;
  end(): Promise<void>;
  close(): void;
}

export function openModelSession(options: { dir: string; name: string; baseURL: string; tuning: EngineTuning; voice?: TextToSpeechPort; observe?: Emit }): ModelSession {
  const { catalog, embedded, interviewer } = loopbackModelInterviewer(options.baseURL);
  const dataDir = join(options.dir, options.name);
  const db = openDatabase(join(options.dir, `${options.name}.sqlite`));
  migrate(db, join(RESOURCES_DIR, 'migrations'));
  let current: Extract<ServerMessage, { type: 'question' }> | undefined;
  let asked: (() => void) | undefined;
  const session = createInterviewSession(
    {
      repository: createInterviewRepository(db),
      interviewer: () => interviewer,
      fallback: embedded,
      speechToText: () => ({ name: 'none', liveTranscripts: false, availability: async () => ({ available: false, reason: 'off' }), transcribe: async () => ({ text: '' }) }),
      textToSpeech: () => options.voice,
      media: createMediaStore(dataDir),
      mediaUrl: (path) => path,
      trackExists: (id) => catalog.get(id) !== undefined,
      attachments: createAttachments(),
      keptAnswers: createKeptAnswers(),
      dataDir,
      clock: { now: () => new Date() },
      ids: { newId: () => crypto.randomUUID() },
      log: silentLogger,
      tuning: options.tuning,
    },
    (message) => {
      options.observe?.(message);
      if (message.type === 'question') current = message;
      if (message.type === 'question' || message.type === 'session_ended') asked?.();
    },
  );
  return {
    async start(config) {
      session.receive({ type: 'start', config });
      await session.whenIdle();
    },
    answer(text) {
      const next = new Promise<void>((resolve) => (asked = resolve));
      session.receive({ type: 'text_answer', questionId: current!.questionId, text });
      return next;
    },
    idle: () => session.whenIdle(),
    async end() {
      session.receive({ type: 'end' });
      await session.whenIdle();
    },
    close: () => db.$client.close(),
  };
}
