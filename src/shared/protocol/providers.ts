import { z } from 'zod';
import { LIMITS } from './limits';
import { InterviewerSettings, ModelCapabilitiesSetting, SpeechToTextSettings, TextToSpeechSettings } from './settings';

/**
 * Settings → Test connection and the model list (issue #10, additions to DESIGN.md §4.4).
 * Both test what is on screen: `draft` is the capability's section as the user has it, saved
 * or not, and `key` a key typed but not saved (null: as if none were stored). Neither is
 * stored; without them the stored settings and key are used.
 */
const DraftKey = z.string().trim().min(1).max(LIMITS.secretChars).nullable().optional();

export const ProviderCapability = z.enum(['interviewer', 'speechToText', 'textToSpeech']);

export const ProviderTestParams = z.discriminatedUnion('capability', [
  z.object({ capability: z.literal('interviewer'), draft: InterviewerSettings.optional(), key: DraftKey }),
  z.object({ capability: z.literal('speechToText'), draft: SpeechToTextSettings.optional(), key: DraftKey }),
  z.object({ capability: z.literal('textToSpeech'), draft: TextToSpeechSettings.optional(), key: DraftKey }),
]);

const ModelList = z.array(z.string().min(1).max(LIMITS.shortTextChars)).max(1_000);

/** What one tiny real request found, in one sentence. */
export const ConnectionReport = z.object({
  /** Whether the provider can be used as set up. */
  ok: z.boolean(),
  sentence: z.string().min(1).max(LIMITS.errorMessageChars),
  /** How long the test request took, when one was answered. */
  latencyMs: z.number().int().min(0).optional(),
  /** The models the server lists, when it lists any. */
  models: ModelList.optional(),
  /** For the interviewer: what the server and model can do, to store in `interviewer.capabilities`. */
  capabilities: ModelCapabilitiesSetting.optional(),
});

export const ProviderModelsParams = z.object({ capability: z.literal('interviewer'), draft: InterviewerSettings.optional(), key: DraftKey });
export const ProviderModels = z.object({ models: ModelList });

export type ProviderCapability = z.infer<typeof ProviderCapability>;
export type ProviderTestParams = z.infer<typeof ProviderTestParams>;
export type ProviderModelsParams = z.infer<typeof ProviderModelsParams>;
export type ConnectionReport = z.infer<typeof ConnectionReport>;
