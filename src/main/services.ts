import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { claimDataFolder } from './data-folder/claim-data-folder';
import type { FolderLock } from './data-folder/folder-lock';
import { databaseProblem } from './data-folder/data-folder-error';
import { openCheckedDatabase, type CheckedDatabase } from './db/checked-database';
import { createDocumentRepository } from './db/document-repository';
import { createInterviewRepository } from './db/interview-repository';
import { createAttachments } from './engine/attachments';
import { createInterviewSession } from './engine/interview-session';
import { createKeptAnswers } from './engine/kept-answers';
import type { InterviewRepository, TextToSpeechPort } from './engine/ports';
import type { InterviewDetail, InterviewSummary } from '../shared/protocol';
import { loadConversation } from './interviewer/conversation-file';
import { createEmbeddedInterviewer } from './interviewer/embedded-interviewer';
import { Meaning } from './interviewer/language/meaning';
import { loadWordVectors } from './interviewer/language/word-vectors';
import { createInterviewerSource } from './interviewer/model/interviewer-source';
import { estimateCost, loadPriceTable } from './interviewer/model/model-prices';
import { loadPromptFile } from './interviewer/model/prompt-file';
import { loadTrackCatalog } from './interviewer/track-catalog';
import { createMediaStore, type MediaUrl } from './media/media-store';
import { createRecordingsCleanup } from './media/recordings-cleanup';
import { removeLeftoverFiles } from './media/remove-leftovers';
import { repairRecordings } from './media/repair-recordings';
import { createModelManager, ESPEAK_DATA_FOLDER_NAME, loadModelCatalog } from './models';
import { installedInterviewerModel, installedSpeechModel, installedVoiceFiles } from './models/installed-models';
import { createModelService } from './models/model-service';
import { memoiseBySettings } from './settings/memoise-by-settings';
import { createProviderTests } from './providers/provider-tests';
import { createProgressReader } from './progress/progress-report';
import { createSpeechToTextSource } from './providers/stt/speech-to-text-source';
import { createTextToSpeech, type NaturalVoices } from './providers/tts/create-text-to-speech';
import { ensureEspeakNgData } from './providers/tts/espeak-ng-data';
import type { Logger } from './log';
import { createDocumentService } from './profiles/document-service';
import { lazySkillVocabulary, loadSkillVocabulary } from './profiles/load-vocabulary';
import { createPendingUploads, type PendingUploads } from './profiles/pending-uploads';
import { createExportDownloads, type ExportDownloads } from './reports/export-downloads';
import { createReportExports } from './reports/report-exports';
import { CallError, type CallHandlers } from './rpc/call-handlers';
import { withWriteFailures } from './rpc/write-failures';
import type { Emit, OpenSession, SessionPort } from './session/session-port';
import { createSecretFile, type SecretKeeper } from './settings/secret-file';
import { createSettingsFile } from './settings/settings-file';
import { createSettingsService } from './settings/settings-service';
import { databaseReplacedNotice, type StartupNotice } from './startup-notices';
import { createDiagnostics } from './diagnostics/diagnostics';

/**
 * Everything a transport needs, built once per process. Electron (index.ts) and the
 * WebSocket host (transport/ws-host-cli.ts) both build it here, so browser mode runs the
 * same code as the app: open DB → migrate → build services.
 */
export interface AppServices {
  handlers: CallHandlers;
  openSession: OpenSession;
  /** For the entry point to tell the user in its own way (stderr, a dialog). */
  notices: StartupNotice[];
  /** Exports made by `reports.export` and `history.exportCsv`, which the transport serves. */
  downloads: ExportDownloads;
  /** Résumé and posting files browser mode's page sends before `documents.import` (issue #14). */
  uploads: PendingUploads;
  close(): Promise<void>;
}

/**
 * `mode` says who opens the data folder: it is locked in that name (one process per folder,
 * DESIGN.md §6), and each mode keeps its API keys in its own file (the app's encrypted).
 */
export type ServiceOptions = SecretKeeper & {
  dataDir: string;
  resourcesDir: string;
  /** How this transport names a media file for the renderer (DESIGN.md §4.3). */
  mediaUrl: MediaUrl;
  /** How this transport names an export waiting to be downloaded (issue #11). */
  downloadUrl: (downloadId: string) => string;
  /** The app's version, written into JSON exports. */
  appVersion?: string;
  /** The app asks for a folder with a native dialog; browser mode has none. */
  pickFolder?: () => Promise<string | undefined>;
  /** The app asks for a résumé or posting file with a native dialog (issue #14). */
  pickDocument?: () => Promise<string | undefined>;
  /** Browser mode: where the page sends a résumé or posting file's bytes (issue #14). */
  uploadUrl?: (uploadId: string) => string;
  /** For model downloads; tests send them to a loopback server instead of the internet. */
  fetch?: typeof fetch;
  log: Logger;
};

export const DATABASE_FILE = 'interviews.sqlite';

/** Every interview, a page at a time (the repository caps a page at 100). */
function allInterviews(repository: InterviewRepository): InterviewSummary[] {
  const all: InterviewSummary[] = [];
  for (;;) {
    const page = repository.list({ limit: 100, offset: all.length });
    all.push(...page);
    if (page.length < 100) return all;
  }
}


function openInterviewDatabase(options: ServiceOptions): CheckedDatabase {
  const file = join(options.dataDir, DATABASE_FILE);
  try {
    return openCheckedDatabase(file, join(options.resourcesDir, 'migrations'));
  } catch (error) {
    throw databaseProblem(file, error, options.mode);
  }
}

/**
 * Claims the data folder first: nothing in it is read or written by a second process. A start
 * that fails after the claim gives the folder back.
 */
export function createServices(options: ServiceOptions): AppServices {
  const lock = claimDataFolder(options.dataDir, options.mode);
  try {
    return buildServices(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function buildServices(options: ServiceOptions, lock: FolderLock): AppServices {
  const { log } = options;
  const tracks = loadTrackCatalog(options.resourcesDir);
  const settings = createSettingsService(createSettingsFile(options.dataDir, log), createSecretFile(options.dataDir, options, log), log);
  const { db, keptAs } = openInterviewDatabase(options);
  const notices = keptAs ? [databaseReplacedNotice(keptAs)] : [];
  if (keptAs) log.warn('database.replaced', { keptAs: basename(keptAs) });
  const repository = createInterviewRepository(db);
  const vocabulary = lazySkillVocabulary(() => loadSkillVocabulary(options.resourcesDir, tracks));
  const embedded = createEmbeddedInterviewer(tracks, loadConversation(options.resourcesDir), new Meaning(loadWordVectors(options.resourcesDir)), (skill) => vocabulary.termsOf(skill));
  const uploads = createPendingUploads();
  const documents = createDocumentService({
    repository: createDocumentRepository(db),
    vocabulary,
    uploads,
    uploadUrl: options.uploadUrl,
    pickFile: options.pickDocument,
    now: () => new Date(),
    newId: randomUUID,
    log,
  });
  const attachments = createAttachments();
  const keptAnswers = createKeptAnswers();
  const media = createMediaStore(options.dataDir);
  repairRecordings(media.root, repository.unfinishedIds(), log);
  removeLeftoverFiles(media.root, log);
  const modelsDir = join(options.dataDir, 'models');
  const models = createModelManager({
    modelsDir,
    catalog: loadModelCatalog(options.resourcesDir),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    log,
  });
  const recognition = { localModelDirectory: () => installedSpeechModel(models, settings.get().speechToText.model), log };
  const speechToText = createSpeechToTextSource(() => settings.get().speechToText, { secret: (name) => settings.secret(name), ...recognition });
  // Model downloads outlive any one window: their progress goes to every open session.
  const listeners = new Set<Emit>();
  const modelService = createModelService(models, {
    publish: ({ modelId, state }) => listeners.forEach((emit) => emit({ type: 'model_progress', modelId, state })),
    ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}),
    log,
  });
  const naturalVoices: NaturalVoices = {
    voiceFiles: (chosen) => installedVoiceFiles(models, chosen),
    espeakDataDir: () => ensureEspeakNgData(join(modelsDir, ESPEAK_DATA_FOLDER_NAME), { log }),
    log,
  };
  let voice: TextToSpeechPort | undefined;
  const textToSpeech = memoiseBySettings(
    () => settings.get().textToSpeech,
    (choice) => {
      // A natural voice keeps its model loaded in a child process between questions; a voice
      // replaced in Settings frees it now rather than after its idle time.
      voice?.close?.();
      voice = createTextToSpeech(choice, { secret: (name) => settings.secret(name), naturalVoices, log });
      return voice;
    },
  );

  const interviewer = createInterviewerSource({
    settings: () => settings.get().interviewer,
    secret: (name) => settings.secret(name),
    embedded,
    catalog: tracks,
    prompts: loadPromptFile(options.resourcesDir),
    onDeviceModel: (chosen) => installedInterviewerModel(models, chosen),
  });
  const providerTests = createProviderTests({
    settings,
    speechToText: recognition,
    textToSpeech: { naturalVoices, log },
  });
  const prices = loadPriceTable(options.resourcesDir, options.dataDir, (reason) => log.warn('prices.ignored', { reason }));
  // What a chosen voice that fails hands the question to (engine/question-voice.ts).
  const systemVoice = createTextToSpeech({ provider: 'system' }, { secret: (name) => settings.secret(name), log });

  const notFound = (): never => {
    throw new CallError('NOT_FOUND', 'There is no interview with that id.');
  };

  const trackTitle = (trackId: string): string => tracks.get(trackId)?.title ?? trackId;
  /** `interviews.get`: the stored interview with each question's outline, the track's title and the job description's skills. */
  const interviewDetail = (interviewId: string): InterviewDetail | undefined => {
    const detail = repository.detail(interviewId, options.mediaUrl);
    if (!detail) return undefined;
    const modelUsage = repository.modelUsage(interviewId, (model, input, output) => estimateCost(prices, model, input, output));
    return {
      ...detail,
      ...(modelUsage.length > 0 ? { modelUsage } : {}),
      trackTitle: trackTitle(detail.track),
      jobSkills: embedded.jobSkillNames(detail.config),
      turns: detail.turns.map(({ sourceId, ...turn }) => {
        const modelAnswer = embedded.modelAnswerFor(detail.track, sourceId, turn.question);
        return modelAnswer ? { ...turn, modelAnswer: [...modelAnswer] } : turn;
      }),
    };
  };
  repository.facts.catchUpLater();
  const progress = createProgressReader(db, repository.facts, trackTitle);
  const recordings = createRecordingsCleanup(db, media);
  const downloads = createExportDownloads();
  const exports = createReportExports({
    detail: interviewDetail,
    history: () => allInterviews(repository).map((summary) => ({ ...summary, trackTitle: trackTitle(summary.track) })),
    downloads,
    downloadUrl: options.downloadUrl,
    appVersion: options.appVersion ?? '0.0.0-dev',
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    now: () => new Date(),
    log,
  });

  const handlers: CallHandlers = {
    'tracks.list': () => tracks.list(),
    'interviews.current': () => repository.current(),
    'interviews.list': (params) => repository.list({ limit: params?.limit ?? 20, offset: params?.offset ?? 0, ...(params?.query ? { query: params.query } : {}) }),
    'interviews.get': ({ interviewId }) => interviewDetail(interviewId) ?? notFound(),
    'interviews.delete': ({ interviewId }) => {
      if (!repository.delete(interviewId)) notFound();
      media.removeInterview(interviewId);
      log.info('interview.deleted', { interviewId });
      return { deleted: true };
    },
    'reports.export': ({ interviewId, format, locale }) => exports.exportReport(interviewId, format, locale),
    'history.exportCsv': () => exports.exportHistoryCsv(),
    'progress.get': () => progress(),
    'recordings.usage': () => recordings.usage(),
    'recordings.deleteAll': () => {
      const deleted = recordings.deleteAll();
      log.info('recordings.deleted', { ...deleted });
      return deleted;
    },
    'models.list': () => modelService.list(),
    'models.download': ({ modelId }) => modelService.download(modelId),
    'models.cancel': ({ modelId }) => modelService.cancel(modelId),
    'models.import': ({ modelId, folder }) => modelService.import(modelId, folder),
    'models.remove': ({ modelId }) => modelService.remove(modelId),
    'providers.test': (params) => providerTests.test(params),
    'providers.models': (params) => providerTests.models(params),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    'app.notices': () => notices.map(({ code, message }) => ({ code, message })),
    ...documents.handlers,
    'app.diagnostics': createDiagnostics({ dataDir: options.dataDir, mode: options.mode, appVersion: options.appVersion ?? '0.0.0-dev', settings: () => settings.get() }),
  };

  const sessions = new Set<SessionPort>();
  return {
    handlers: withWriteFailures(handlers, options.dataDir),
    notices,
    downloads,
    uploads,
    openSession: (emit) => {
      const session = createInterviewSession(
        {
          repository,
          interviewer,
          fallback: embedded,
          speechToText,
          textToSpeech,
          fallbackVoice: systemVoice,
          media,
          mediaUrl: options.mediaUrl,
          trackExists: (trackId) => tracks.get(trackId) !== undefined,
          tailor: documents.tailor,
          attachments,
          keptAnswers,
          dataDir: options.dataDir,
          clock: { now: () => new Date() },
          ids: { newId: randomUUID },
          log,
        },
        emit,
      );
      sessions.add(session);
      listeners.add(emit);
      return {
        receive: (message) => session.receive(message),
        receiveAudio: (chunk) => session.receiveAudio(chunk),
        close: async () => {
          sessions.delete(session);
          listeners.delete(emit);
          await session.close();
        },
      };
    },
    // Lets every session finish the message in hand (the in-flight write) before the DB closes.
    close: async () => {
      await Promise.all([...sessions].map((session) => session.close()));
      // Answers a full disk refused live in memory only: say so, without their text.
      if (keptAnswers.size > 0) log.error('answers.unsaved_at_exit', { count: keptAnswers.size });
      voice?.close?.();
      repository.flushSearchIndex();
      db.$client.close();
      lock.release();
    },
  };
}
