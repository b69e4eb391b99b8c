/**
 * The model each cloud provider's interviewer uses when Settings names none (issue #10: model
 * names are settings with defaults, never in logic). A local server has no default: it must be
 * named, since only the user knows what it has loaded.
 */
export const DEFAULT_MODELS = { openai: 'gpt-4o-mini', anthropic: 'claude-haiku-4-5' } as const;
