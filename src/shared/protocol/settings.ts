import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * Provider choices and preferences (DESIGN.md §4.4 `settings.*`, §5 providers).
 * Every capability has an offline default, so a fresh install needs no settings at all.
 * Secrets are write-only: `settings.get` says only whether a key is stored.
 */
const ModelName = z.string().trim().min(1).max(LIMITS.shortTextChars);
const BaseUrl = z
  .url({ protocol: /^https?$/ })
  .max(LIMITS.urlChars);

/**
 * What a model server can do, found once by Settings → Test connection and stored (issue #10:
 * declared or detected once, never guessed per call).
 */
export const InterviewerProvider = z.enum(['embedded', 'openai', 'anthropic', 'openai-compatible', 'on-device']);

export const ModelCapabilitiesSetting = z.object({
  structuredOutput: z.enum(['json_schema', 'tool', 'json_object', 'none']),
  contextTokens: z.number().int().min(512).max(10_000_000),
  textField: z.enum(['content', 'reasoning_content']),
  /**
   * The provider, address and model they were found for: they describe that server and model
   * only, so after a change of any of them they are ignored until the next test. Absent:
   * declared by hand, for whatever is set.
   */
  foundFor: z
    .object({ provider: InterviewerProvider.exclude(['embedded']), baseUrl: BaseUrl.optional(), model: ModelName.optional() })
    .optional(),
});

export const InterviewerSettings = z.object({
  provider: InterviewerProvider,
  model: ModelName.optional(),
  baseUrl: BaseUrl.optional(),
  capabilities: ModelCapabilitiesSetting.optional(),
  /** 'on-device' (issue #12): threads for generation; unset means physical cores − 1 (1 in CI). */
  threads: z.number().int().min(1).max(256).optional(),
});
export const SpeechToTextSettings = z.object({
  provider: z.enum(['local', 'openai', 'openai-compatible', 'none']),
  model: ModelName.optional(),
  baseUrl: BaseUrl.optional(),
});
/**
 * `voice` names a system voice, an OpenAI voice, or for 'local' (a natural voice downloaded
 * through the model manager) the voice model's id. 'local' without a voice speaks with the
 * first installed voice, and says so plainly when there is none.
 */
export const TextToSpeechSettings = z.object({
  provider: z.enum(['system', 'openai', 'local', 'none']),
  voice: ModelName.optional(),
  model: ModelName.optional(),
});
export const Preferences = z.object({
  /** Show each evaluation right after the answer, or hold them all for the report. */
  feedbackTiming: z.enum(['after-each', 'at-end']),
  turnTaking: z.enum(['push-to-talk', 'hands-free']),
  /** Hands-free mode ends an answer after this much silence. */
  silenceMs: z.number().int().min(500).max(10_000),
});

export const Settings = z.object({
  interviewer: InterviewerSettings,
  speechToText: SpeechToTextSettings,
  textToSpeech: TextToSpeechSettings,
  preferences: Preferences,
});

export const SecretName = z.enum(['openai', 'anthropic', 'openaiCompatible']);

/** The two Interview Practices that can open one data folder (one at a time). */
export const AppMode = z.enum(['desktop-app', 'browser-mode']);

export const SecretStatus = z.object({
  hasKey: z.boolean(),
  /**
   * With hasKey false: the other mode stored a key this one cannot use (the app's is encrypted
   * where browser mode cannot read it), so the user is asked to enter it here too.
   */
  storedBy: AppMode.optional(),
});

/**
 * How this process keeps API keys, so Settings can say it before a key is typed (DESIGN.md §6):
 * encrypted by the OS keychain (the app), in a plain file only the user can read (browser
 * mode), or not at all (the app where the OS offers no encryption, or Linux's `basic_text`).
 */
export const KeyStorage = z.object({
  kind: z.enum(['encrypted', 'plain-file', 'unavailable']),
  /** A sentence for the user: what the plain file means, or why keys cannot be stored. */
  note: z.string().min(1).max(LIMITS.errorMessageChars).optional(),
});

export const PublicSettings = Settings.extend({
  secrets: z.record(SecretName, SecretStatus),
  keyStorage: KeyStorage,
});

export const SettingsPatch = z.object({
  interviewer: InterviewerSettings.partial().optional(),
  speechToText: SpeechToTextSettings.partial().optional(),
  textToSpeech: TextToSpeechSettings.partial()
    .extend({
      /**
       * null clears the voice: switching away from 'local' must not leave a voice model's id
       * for the system voice to look up, and JSON cannot carry an explicit undefined.
       */
      voice: ModelName.nullable()
        .optional()
        .transform((voice) => voice ?? undefined),
    })
    .optional(),
  preferences: Preferences.partial().optional(),
  /** A string stores the key, null removes it. */
  secrets: z
    .partialRecord(SecretName, z.string().trim().min(1).max(LIMITS.secretChars).nullable())
    .optional(),
});

export const DEFAULT_SETTINGS: Settings = {
  interviewer: { provider: 'embedded' },
  speechToText: { provider: 'local' },
  textToSpeech: { provider: 'system' },
  preferences: { feedbackTiming: 'after-each', turnTaking: 'push-to-talk', silenceMs: 2_000 },
};

export type Settings = z.infer<typeof Settings>;
export type SpeechToTextSettings = z.infer<typeof SpeechToTextSettings>;
export type TextToSpeechSettings = z.infer<typeof TextToSpeechSettings>;
export type InterviewerSettings = z.infer<typeof InterviewerSettings>;
export type SecretName = z.infer<typeof SecretName>;
export type AppMode = z.infer<typeof AppMode>;
export type SecretStatus = z.infer<typeof SecretStatus>;
export type KeyStorage = z.infer<typeof KeyStorage>;
export type InterviewerProvider = z.infer<typeof InterviewerProvider>;
export type ModelCapabilitiesSetting = z.infer<typeof ModelCapabilitiesSetting>;
export type PublicSettings = z.infer<typeof PublicSettings>;
export type SettingsPatch = z.infer<typeof SettingsPatch>;
