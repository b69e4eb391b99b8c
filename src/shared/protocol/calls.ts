import { z } from 'zod';
import { DocumentKind, DocumentSummary, ImportParams, ImportResult, SavedDocument, UpdateDocumentParams, UploadParams, UploadSlot } from './documents';
import { InterviewDetail, InterviewSummary, TrackSummary } from './interviews';
import { LIMITS } from './limits';
import { ModelIdParams, ModelImportParams, ModelView } from './models';
import { AppNotice } from './notices';
import { ExportFormat, Id, Locale, MediaUrl } from './primitives';
import { ConnectionReport, ProviderModels, ProviderModelsParams, ProviderTestParams } from './providers';
import { ProgressReport } from './progress';
import { RecordingsDeleted, RecordingsUsage } from './recordings';
import { PublicSettings, SettingsPatch } from './settings';

/**
 * The request/response contract (DESIGN.md §4.4), named `domain:action` style as
 * `domain.action`. Handlers in main and callers in the renderer are typed from this one
 * object, so a handler or a caller that drifts from it fails to compile.
 */
const NoParams = z.object({}).optional();

/**
 * A file made for the user to save: `url` is a download URL the transport serves for a few
 * minutes (browser mode: a token-protected path; the app: its own protocol).
 */
const ExportedFile = z.object({
  fileName: z.string().min(1).max(LIMITS.shortTextChars),
  mimeType: z.string().min(1).max(LIMITS.shortTextChars),
  url: MediaUrl,
});

export const calls = {
  'tracks.list': { params: NoParams, result: z.array(TrackSummary) },
  'interviews.current': { params: NoParams, result: InterviewSummary.nullable() },
  'interviews.list': {
    params: z
      .object({
        limit: z.number().int().min(1).max(100).optional(),
        offset: z.number().int().min(0).optional(),
        query: z.string().max(LIMITS.searchQueryChars).optional(),
      })
      .optional(),
    result: z.array(InterviewSummary),
  },
  'interviews.get': { params: z.object({ interviewId: Id }), result: InterviewDetail },
  'interviews.delete': {
    params: z.object({ interviewId: Id }),
    result: z.object({ deleted: z.literal(true) }),
  },
  /** `locale` (an addition to §4.4): the language dates are written in; the system's when absent. */
  'reports.export': { params: z.object({ interviewId: Id, format: ExportFormat, locale: Locale.optional() }), result: ExportedFile },
  /** History as CSV, one row per interview (an addition to §4.4, issue #11). */
  'history.exportCsv': { params: NoParams, result: ExportedFile },
  /** Progress over time (issue #11): score trend per track, recurring weaknesses, speaking, time practised. */
  'progress.get': { params: NoParams, result: ProgressReport },
  /** What the recordings of finished interviews take, before deleting them (issue #11). */
  'recordings.usage': { params: NoParams, result: RecordingsUsage },
  /** Deletes them, keeping every transcript, typed answer and evaluation (issue #11). */
  'recordings.deleteAll': { params: NoParams, result: RecordingsDeleted },
  'models.list': { params: NoParams, result: z.array(ModelView) },
  /** Starts (or resumes) a download; `model_progress` messages follow. */
  'models.download': { params: ModelIdParams, result: z.object({ started: z.literal(true) }) },
  'models.cancel': { params: ModelIdParams, result: z.object({ cancelled: z.boolean() }) },
  /** Installs from files the user has (machines that are never online); resolves when done. */
  'models.import': { params: ModelImportParams, result: ModelView },
  'models.remove': { params: ModelIdParams, result: z.object({ removed: z.literal(true) }) },
  /** One tiny real request to a provider as set up on screen, answered in a sentence (issue #10). */
  'providers.test': { params: ProviderTestParams, result: ConnectionReport },
  /** The models a model server lists (GET /v1/models), for the Settings picker (issue #10). */
  'providers.models': { params: ProviderModelsParams, result: ProviderModels },
  'settings.get': { params: NoParams, result: PublicSettings },
  /** What the start found that the user must know (a damaged database kept aside), for as long as this process runs. */
  'app.notices': { params: NoParams, result: z.array(AppNotice) },
  'settings.set': { params: SettingsPatch, result: PublicSettings },
  /** Saved résumés and job postings (issue #14), newest first. */
  'documents.list': { params: z.object({ kind: DocumentKind.optional() }).optional(), result: z.array(DocumentSummary) },
  'documents.get': { params: z.object({ id: Id }), result: SavedDocument },
  /** Reads a paste, an upload or (the app) a file the candidate picks, and saves what it read. */
  'documents.import': { params: ImportParams, result: ImportResult },
  /** Browser mode: refuses a file too large or of a type it cannot read before its bytes are sent; else where to send them. */
  'documents.upload': { params: UploadParams, result: UploadSlot },
  /** The candidate's corrections; skills are matched to the vocabulary again by name. */
  'documents.update': { params: UpdateDocumentParams, result: SavedDocument },
  'documents.delete': { params: z.object({ id: Id }), result: z.object({ deleted: z.literal(true) }) },
  /** Skill names to suggest while the candidate adds one: the question banks' skills and the technology list. */
  'skills.names': { params: NoParams, result: z.array(z.string().max(LIMITS.shortTextChars)) },
  /** Versions, providers and the last log lines for a problem report, with no answer text or keys (issue #13). */
  'app.diagnostics': { params: NoParams, result: z.object({ text: z.string() }) },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

export type Calls = typeof calls;
export type CallMethod = keyof Calls;
/** What a caller passes (defaults not yet applied). */
export type CallParams<M extends CallMethod> = z.input<Calls[M]['params']>;
/** What a handler receives after validation. */
export type ValidCallParams<M extends CallMethod> = z.output<Calls[M]['params']>;
export type CallResult<M extends CallMethod> = z.output<Calls[M]['result']>;

export const CALL_METHODS = Object.keys(calls) as CallMethod[];

export const CallErrorCode = z.enum([
  'UNKNOWN_METHOD',
  'BAD_PARAMS',
  'NOT_FOUND',
  'UNAVAILABLE',
  'DISK_FULL',
  'FOLDER_NOT_WRITABLE',
  'INTERNAL',
]);
export type CallErrorCode = z.infer<typeof CallErrorCode>;
export const CallErrorShape = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(LIMITS.errorMessageChars),
});
export type CallErrorShape = z.infer<typeof CallErrorShape>;
