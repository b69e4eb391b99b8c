import type { TrackCatalog } from '../interviewer/track-catalog';
import { createSkillVocabulary, type SkillVocabulary } from './skill-vocabulary';
import { loadCommonWords, loadTechnologies } from './technology-list';

/** How common a word must be (rank in English text) to need a second look as a skill name. */
const COMMON_WORDS = 10_000;

/** The technology list and every track's skills. */
export function loadSkillVocabulary(resourcesDir: string, tracks: TrackCatalog): SkillVocabulary {
  const bankSkills = tracks.list().flatMap((track) => tracks.get(track.id)?.skills ?? []);
  return createSkillVocabulary(loadTechnologies(resourcesDir), bankSkills, loadCommonWords(resourcesDir, COMMON_WORDS));
}

/** Built on first use: most starts import nothing and interview without a résumé, so the app does not wait for it. */
export function lazySkillVocabulary(load: () => SkillVocabulary): SkillVocabulary {
  let vocabulary: SkillVocabulary | undefined;
  const get = (): SkillVocabulary => (vocabulary ??= load());
  return {
    find: (text) => get().find(text),
    refFor: (name) => get().refFor(name),
    termsOf: (skill) => get().termsOf(skill),
    names: () => get().names(),
  };
}
