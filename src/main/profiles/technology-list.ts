import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** resources/skills/technologies.json, built by scripts/build-technology-names.mjs (licences in docs/licensing.md). */
export const TechnologyEntry = z.object({
  id: z.string().min(1),
  /** How the technology is written, when its sources say; otherwise the résumé's own spelling is shown. */
  name: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)),
  /** Its name is also a common English word ("Go", "Spring"): found only capitalised and among other skills. */
  ambiguous: z.boolean().optional(),
});
export const TechnologyFile = z.object({ source: z.string(), technologies: z.array(TechnologyEntry).min(1) });
export type TechnologyEntry = z.infer<typeof TechnologyEntry>;

export function loadTechnologies(resourcesDir: string): TechnologyEntry[] {
  return TechnologyFile.parse(JSON.parse(readFileSync(join(resourcesDir, 'skills', 'technologies.json'), 'utf8'))).technologies;
}

/** Common English words, most frequent first (the word-vector vocabulary's order). */
export function loadCommonWords(resourcesDir: string, count: number): Set<string> {
  return new Set(readFileSync(join(resourcesDir, 'word-vectors', 'words.txt'), 'utf8').split('\n').slice(0, count));
}
