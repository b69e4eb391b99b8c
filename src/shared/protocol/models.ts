import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * Models the user can download once (issue #4): speech models for offline recognition and
 * natural voices for the interviewer. The renderer sees what a person needs to choose and
 * follow a download; never a file system path.
 */
const ModelId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/);

export const ModelStateView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-installed'), partialBytes: z.number().int().min(0) }),
  z.object({ kind: z.literal('downloading'), bytes: z.number().int().min(0), total: z.number().int().min(0) }),
  z.object({ kind: z.literal('installed') }),
  z.object({ kind: z.literal('failed'), reason: z.string().max(LIMITS.errorMessageChars), partialBytes: z.number().int().min(0) }),
]);

/** What a model is for: recognising spoken answers, or speaking the questions. */
export const ModelPurpose = z.enum(['speech-to-text', 'voice', 'interviewer']);

export const ModelView = z.object({
  id: ModelId,
  name: z.string().max(LIMITS.shortTextChars),
  purpose: ModelPurpose,
  languages: z.array(z.string().max(8)).max(200),
  totalBytes: z.number().int().min(0),
  note: z.string().max(LIMITS.shortTextChars * 2),
  state: ModelStateView,
});

export const ModelIdParams = z.object({ modelId: ModelId });
export const ModelImportParams = z.object({
  modelId: ModelId,
  /** Browser mode: the folder to copy from, typed by the user. The app asks with a dialog instead. */
  folder: z.string().min(1).max(LIMITS.urlChars).optional(),
});

export type ModelView = z.infer<typeof ModelView>;
export type ModelPurpose = z.infer<typeof ModelPurpose>;
export type ModelStateView = z.infer<typeof ModelStateView>;
