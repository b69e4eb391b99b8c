import { z } from 'zod';
import { LIMITS } from './limits';
import { Id, Level, ShortText, Timestamp } from './primitives';

/**
 * Résumés and job postings the candidate keeps (issue #14): the text read from a file or a
 * paste, and what was read from it, which the candidate can correct. Additions to DESIGN.md §4.4.
 */
export const DocumentKind = z.enum(['resume', 'posting']);
/** Where the text came from: a file of that type, or a paste. */
export const DocumentSource = z.enum(['pdf', 'docx', 'txt', 'md', 'paste']);

/** A skill by the vocabulary's key (so a résumé and a posting can be compared) and as shown. */
export const SkillRef = z.object({ key: ShortText.min(1), name: ShortText.min(1) });

/** "2019-03" or "2019"; an absent end is "until now". */
export const MonthOrYear = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/, 'must be a year or a year and month such as 2019-03');

export const ResumeRole = z.object({
  title: ShortText.min(1),
  company: ShortText.optional(),
  start: MonthOrYear.optional(),
  end: MonthOrYear.optional(),
  current: z.boolean(),
});

/** "cut p95 latency from 900 to 240 ms": a result with a number in it, as written. */
export const Achievement = z.object({
  text: z.string().min(1).max(LIMITS.achievementChars),
  /** Which role (index into `roles`) it was listed under, when known. */
  role: z.number().int().min(0).max(LIMITS.profileRoles).optional(),
});

export const ResumeProfile = z.object({
  roles: z.array(ResumeRole).max(LIMITS.profileRoles),
  yearsOfExperience: z.number().min(0).max(60).optional(),
  skills: z.array(SkillRef).max(LIMITS.profileSkills),
  achievements: z.array(Achievement).max(LIMITS.profileAchievements),
});

export const PostingProfile = z.object({
  role: ShortText.optional(),
  level: Level.optional(),
  mustHave: z.array(SkillRef).max(LIMITS.profileSkills),
  niceToHave: z.array(SkillRef).max(LIMITS.profileSkills),
});

export const DocumentSummary = z.object({
  id: Id,
  kind: DocumentKind,
  name: ShortText.min(1),
  source: DocumentSource,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const SavedDocument = DocumentSummary.extend({
  text: z.string().max(LIMITS.resumeChars),
  /** Set for a résumé. */
  resume: ResumeProfile.optional(),
  /** Set for a job posting. */
  posting: PostingProfile.optional(),
});

/** What the candidate sends to import: pasted text, bytes uploaded first (browser mode), or a file the app asks for. */
export const ImportSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paste'), text: z.string().max(LIMITS.resumeChars) }),
  z.object({ type: z.literal('upload'), uploadId: Id }),
  z.object({ type: z.literal('pick') }),
]);

export const ImportParams = z.object({ kind: DocumentKind, source: ImportSource });
/** `cancelled` when the candidate closed the app's file dialog without choosing. */
export const ImportResult = z.union([SavedDocument, z.object({ cancelled: z.literal(true) })]);

/** Announces an upload before its bytes are sent, so a file too large or of an unknown type is refused first. */
export const UploadParams = z.object({ fileName: z.string().min(1).max(LIMITS.fileNameChars), size: z.number().int().min(0) });
export const UploadSlot = z.object({ uploadId: Id, url: z.string().min(1).max(LIMITS.urlChars) });

export const UpdateDocumentParams = z.object({
  id: Id,
  name: ShortText.trim().min(1).optional(),
  resume: ResumeProfile.optional(),
  posting: PostingProfile.optional(),
});

/**
 * What an interview was tailored to (issue #14): the saved résumé and posting as they were when
 * it started, filled in by the engine from `resumeId` / `postingId`; whatever a client sends
 * here is replaced.
 */
export const InterviewTailoring = z.object({
  resume: z.object({ id: Id, name: ShortText, profile: ResumeProfile }).optional(),
  posting: z.object({ id: Id, name: ShortText, profile: PostingProfile }).optional(),
});

export type DocumentKind = z.infer<typeof DocumentKind>;
export type DocumentSource = z.infer<typeof DocumentSource>;
export type SkillRef = z.infer<typeof SkillRef>;
export type ResumeRole = z.infer<typeof ResumeRole>;
export type Achievement = z.infer<typeof Achievement>;
export type ResumeProfile = z.infer<typeof ResumeProfile>;
export type PostingProfile = z.infer<typeof PostingProfile>;
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export type SavedDocument = z.infer<typeof SavedDocument>;
export type ImportSource = z.infer<typeof ImportSource>;
export type InterviewTailoring = z.infer<typeof InterviewTailoring>;
