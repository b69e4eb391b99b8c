import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * resources/prompts/interviewer.json: what a model-backed interviewer is told (DESIGN.md §8,
 * STYLE.md §8: prompts are reviewed data, not string literals). Its `version` is stored on
 * every interview a model took part in, so a report can say which prompts produced it.
 * A text may be a string or an array of lines; `{name}` marks a value filled in per call.
 */
const Text = z.union([z.string().min(1), z.array(z.string()).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));
const PHASES = ['intro', 'warmup', 'standard', 'advanced', 'wrapup'] as const;

export const PromptFile = z.object({
  version: z.string().min(1),
  system: Text,
  jobDescription: Text,
  resume: Text,
  intro: Text,
  question: Text,
  anchor: Text,
  followUp: Text,
  wrapup: Text,
  evaluate: Text,
  styleNotes: z.object({ star: Text, concepts: Text }),
  repair: Text,
  phaseMeanings: z.object(Object.fromEntries(PHASES.map((phase) => [phase, z.string().min(1)])) as Record<(typeof PHASES)[number], z.ZodString>),
  summaryOfEarlierTurns: Text,
  /** Where a job description or résumé too long for the model's context is cut; `{words}` is how many are left out. */
  shortenedNote: Text,
});
export type PromptFile = z.infer<typeof PromptFile>;

export function loadPromptFile(resourcesDir: string): PromptFile {
  return PromptFile.parse(JSON.parse(readFileSync(join(resourcesDir, 'prompts', 'interviewer.json'), 'utf8')));
}

/**
 * The text with each `{name}` replaced by its value. Values are inserted once, never
 * re-scanned, so a candidate who writes "{answer}" in an answer changes nothing. Lines that
 * end up empty (an absent job description) are dropped.
 */
export function fill(lines: readonly string[], values: Readonly<Record<string, string>>): string {
  return lines
    .map((line) => line.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name]! : whole)))
    .filter((line) => line.trim() !== '')
    .join('\n');
}
