import type { InterviewConfig } from '../../shared/protocol';
import type { ConversationFile } from './conversation-file';
import { createQuestionMatcher } from './custom/question-matcher';
import { shapeOf } from './custom/question-shape';
import { buildRubric } from './custom/rubric-builder';
import type { Meaning } from './language/meaning';
import { forFollowUp, fromRubric, type JudgedQuestion } from './judged-question';
import type { TrackCatalog } from './track-catalog';

/**
 * Which rubric judges each asked question (issue #8), from the turn's `sourceId`:
 * `<bank question id>`, `custom:<n>`, `intro:<id>`, `wrapup:<id>`, and for a follow-up the
 * parent's source plus `#<follow-up index>`. Any question gets a real rubric: a custom question
 * takes the closest bank question's when it is close enough in meaning (its own track first),
 * else one built from its wording; behavioral-shaped questions are judged on STAR.
 */
export const CLOSE_ENOUGH = 0.6;
/** A less similar bank question still counts when it is clearly the closest one. */
const CLEARLY_CLOSEST = { similarity: 0.45, margin: 0.08 };

type QuestionConfig = Pick<InterviewConfig, 'track' | 'questions'>;

export function createQuestionJudgements(catalog: TrackCatalog, conversation: ConversationFile, meaning: Meaning) {
  const matcher = createQuestionMatcher(catalog, meaning);
  // Sources are few and fixed per interview: judge each once, which also lets the evaluator
  // cache its reference per question. Bounded for custom questions in a long-running app.
  const cache = new Map<string, JudgedQuestion | undefined>();
  const remember = (key: string, make: () => JudgedQuestion | undefined): JudgedQuestion | undefined => {
    if (!cache.has(key)) {
      if (cache.size > 2_000) cache.clear();
      cache.set(key, make());
    }
    return cache.get(key);
  };

  const forText = (track: string, text: string): JudgedQuestion =>
    remember(`text\n${track}\n${text}`, () => {
      // A story is only ever judged as a story (a bank behavioral question may be worded
      // without "tell me about a time", so the reverse is allowed).
      const story = shapeOf(text).story;
      const matches = matcher.closest(text, track, story ? { style: 'star' } : {});
      const [best, second] = matches;
      const clearlyClosest = best && best.similarity >= CLEARLY_CLOSEST.similarity && best.similarity - (second?.similarity ?? 0) >= CLEARLY_CLOSEST.margin;
      if (best && (best.similarity >= CLOSE_ENOUGH || clearlyClosest)) return fromRubric(best.question.rubric, best.question.skills, 'matched');
      return buildRubric(text, matches);
    })!;

  const base = (config: QuestionConfig, source: string): JudgedQuestion | undefined => {
    const [kind, rest] = source.includes(':') ? (source.split(':', 2) as [string, string]) : ['bank', source];
    if (kind === 'intro' || kind === 'wrapup') {
      const question = conversation[kind].find((q) => q.id === rest);
      return question && remember(`${kind}\n${rest}`, () => fromRubric(question.rubric, [], 'conversation', 120));
    }
    if (kind === 'custom') {
      const text = config.questions?.[Number(rest)];
      return text === undefined ? undefined : forText(config.track, text);
    }
    const question = catalog.get(config.track)?.questions.find((q) => q.id === rest);
    return question && remember(`bank\n${config.track}\n${rest}`, () => fromRubric(question.rubric, question.skills, 'bank'));
  };

  return {
    resolve(config: QuestionConfig, sourceId: string): JudgedQuestion | undefined {
      const [source = sourceId, followUpIndex] = sourceId.split('#');
      const parent = base(config, source);
      if (followUpIndex === undefined || !parent) return parent;
      return remember(`${config.track}\n${JSON.stringify(config.questions ?? [])}\n${sourceId}`, () => forFollowUp(parent, Number(followUpIndex)));
    },
    /** A question known only by its text (a source this build does not know). */
    forText: (config: QuestionConfig, text: string) => forText(config.track, text),
  };
}
