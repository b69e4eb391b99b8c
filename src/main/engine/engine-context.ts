import type { InterviewConfig } from '../../shared/protocol';
import type { Logger } from '../log';
import type { MediaStore, MediaUrl } from '../media/media-store';
import type { ActiveRecording } from './answer-recording';
import type { Attachments } from './attachments';
import type { KeptAnswers } from './kept-answers';
import type { ScoringTurn } from './score-summary';
import type {
  Advance,
  Clock,
  EngineSnapshot,
  IdSource,
  InterviewerPort,
  InterviewRepository,
  NewTurn,
  Recording,
  SpeechToTextPort,
  TextToSpeechPort,
} from './ports';

export interface EngineDeps {
  repository: InterviewRepository;
  /** The interviewer the user chose in Settings, read at each call. */
  interviewer: () => InterviewerPort;
  /** The embedded interviewer: what every failure falls back to. */
  fallback: InterviewerPort;
  /** The speech-to-text and text-to-speech the user chose, read at each use. */
  speechToText: () => SpeechToTextPort;
  textToSpeech: () => TextToSpeechPort | undefined;
  /** The system voice: what a failing chosen voice falls back to (issue #9). */
  fallbackVoice?: TextToSpeechPort | undefined;
  media: MediaStore;
  mediaUrl: MediaUrl;
  trackExists: (trackId: string) => boolean;
  /**
   * The config an interview starts with, its saved résumé and posting filled in (issue #14);
   * throws an EngineError for one that is gone. Without it, nothing is tailored.
   */
  tailor?: ((config: InterviewConfig) => InterviewConfig) | undefined;
  attachments: Attachments;
  /** Answers the disk refused, kept until they can be written (issue #9, fault 7). */
  keptAnswers: KeptAnswers;
  /** The data folder, named when the disk refuses a write in it. */
  dataDir: string;
  clock: Clock;
  ids: IdSource;
  log: Logger;
  tuning?: EngineTuning | undefined;
}

/** The app runs with the defaults; benchmarks turn parts off to measure a baseline in the same run, and tests shorten the timeout. */
export interface EngineTuning {
  /** One attempt at a model step, before it is retried (interviewer-calls.ts: 30 s). */
  modelStepTimeoutMs?: number | undefined;
  /** Show and speak a model's question while it is generated (on). */
  streamQuestions?: boolean | undefined;
  /** Prepare the next question while the answer is judged, where the rules allow it (on). */
  prepareInParallel?: boolean | undefined;
}

/** The interview one window drives. */
export interface Live {
  id: string;
  config: InterviewConfig;
  snapshot: EngineSnapshot;
  current: NewTurn;
  turnCount: number;
  paused: boolean;
  /** Every turn asked so far with its outcome, the current one included: what the score summary counts. */
  turns: ScoringTurn[];
  /** The spoken answer being recorded now. */
  recording?: ActiveRecording | undefined;
  /** A finished recording the database refused to register (a full disk): registered before anything else. */
  unregistered?: Recording | undefined;
  /** The current question's sentences as spoken while it streamed: the client may be playing them; removed once it is left. */
  sentenceFiles?: readonly string[] | undefined;
  /** A saved recording of the current question, waiting for the candidate to confirm its text. */
  saved?: { answerId: string; turnId: string; audioPath: string; durationMs: number; peaks: number[]; transcript?: string | undefined } | undefined;
}

/** What a turn's commit records besides the snapshot: the answer, its evaluation, or the skip. */
export type TurnOutcome = Pick<Advance, 'answer' | 'confirmedAnswer' | 'evaluation' | 'skippedTurnId'>;

/** A message that does not fit the state: answered with an `error`, changing nothing. */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
