import type { Token } from '../language/analysed-text';
import { quoteAround } from '../language/phrases';
import type { AnswerReading } from './answer-reading';

/**
 * The parts of a STAR story found by meaning, not fixed phrases (issue #8): labels
 * ("Situation: …"), time and place ("last spring", "in 2021", "at my previous company"),
 * first-person actions in the past tense ("I" and "we" counted apart), results (outcomes,
 * numbers, "from 4 s to 1.5 s") and reflection. General or hypothetical statements ("I always
 * …", "I would …", "I don't have deadlines like that") are not a story and count for nothing.
 */
export type StoryPart = 'situation' | 'task' | 'action' | 'result';
export const STORY_PARTS: readonly StoryPart[] = ['situation', 'task', 'action', 'result'];

export interface StoryReading {
  /** 0–1 per part, and where it was found for quoting. */
  parts: Record<StoryPart, { strength: number; quote?: string }>;
  /** Distinct verbs of actions told with "I", and with "we". */
  ownActions: number;
  teamActions: number;
  reflection: boolean;
  /** Sentences that tell something that happened (past tense, not hypothetical). */
  storySentences: number;
}

const LABEL: Record<StoryPart, RegExp> = {
  situation: /\b(?:situation|context|background|the setting)\s*[:,-–]/,
  task: /\b(?:task|goal|my (?:role|job|responsibility))\s*[:,-–]/,
  action: /\b(?:action|actions|what i did)\s*[:,-–]/,
  result: /\b(?:result|results|outcome|impact)\s*[:,-–]/,
};
const TIME_OR_PLACE =
  /\b(?:(?:last|this|that|one|early|late) (?:year|spring|summer|autumn|fall|winter|month|quarter|week|sprint|release)|(?:in|back in|around|during) (?:19|20)\d\d|\w+ (?:years?|months?|weeks?) ago|at the time|back then|when i (?:was|joined|worked|started|led|moved)|(?:at|in) (?:my|our|a|the) (?:previous|last|current|first|old|former|second) (?:job|role|company|team|position|employer|startup|project)|at (?:a|an|my) (?:startup|agency|bank|company|fintech|retailer|consultancy)|in my (?:first|second|last|previous) (?:job|year|role)|during (?:a|an|the|my|our))\b/;
const TASK = /\b(?:(?:was|fell) (?:on me|my call|my responsibility)|i was the (?:\w+ )?(?:lead|owner|manager|engineer|one|developer|person)|my (?:role|responsibility|task|job|goal|part|assignment) (?:was|is)|i was (?:responsible|asked|tasked|in charge|the one|supposed|leading|hired)|i (?:needed|had|wanted) to|the (?:goal|task|challenge|problem|deadline|ask) was|we (?:needed|had) to|it was (?:my|on me)|i owned|i took (?:ownership|charge|on)|was assigned)\b/;
const RESULT =
  /\b(?:as a result|in the end|the result|the outcome|which led to|that led to|ended up|eventually|afterwards|since then|(?:went|dropped|fell|rose|grew|came) (?:down |up )?(?:from|to|by)|from \S+ to \S+|(?:reduced|increased|improved|saved|cut|halved|doubled|shipped|delivered|launched|released|hit|met|reached|resolved|fixed|restored|recovered|won|finished|completed|avoided|prevented)\b)/;
const REFLECTION = /\b(?:i learn(?:ed|t)|lessons?|taught me|next time|in hindsight|looking back|would do (?:it )?differently|since then|from then on|now i (?:always|make sure|try)|i realised|i realized|i still|what i took (?:from|away)|i took away|takeaways?|(?:it )?showed me|reminder|made me (?:realise|realize|see))\b/;
const HYPOTHETICAL = /\b(?:would|usually|always|generally|typically|normally|tend to|try to|in general|i believe|should)\b/;
export const NUMBER_WORDS = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|half|halved|twice|double|doubled|triple|tripled|thirds?|quarters?)\b/;
const NUMBER = new RegExp(`\\d|${NUMBER_WORDS.source}`);
const SETTING = /\b(?:team|company|project|client|customer|manager|colleague|startup|product|release|service|app|system|deadline|incident|launch|migration|sprint)\b/;

const IRREGULAR_PAST = new Set(
  'was were had did made took led built wrote ran got found told gave saw said thought spoke met sent set cut put went came knew kept began brought bought caught chose drew felt fought held hid hurt let lost meant paid read rode rose sold shut sat slept spent stood struck swam taught tore understood woke won wore'.split(' '),
);

export const isPastVerb = (token: Token): boolean =>
  (token.pos === 'VERB' || token.pos === 'AUX') && (IRREGULAR_PAST.has(token.normal) || (token.normal.endsWith('ed') && token.normal !== token.lemma));

/** A verb that tells what someone did: past tense, or any tense inside a story told in the present. */
const isActionVerb = (word: Token): boolean => word.pos === 'VERB' && !['would', 'could', 'should', 'can', 'will', 'may', 'might', 'must'].includes(word.normal);

export function readStory(reading: AnswerReading): StoryReading {
  const { text } = reading;
  const parts: StoryReading['parts'] = { situation: { strength: 0 }, task: { strength: 0 }, action: { strength: 0 }, result: { strength: 0 } };
  const found = (part: StoryPart, strength: number, at: number): void => {
    if (strength > parts[part].strength) parts[part] = { strength, quote: quoteAround(text, at) };
  };
  const own = new Set<string>();
  const team = new Set<string>();
  let reflection = false;
  let storySentences = 0;
  let position = 0;
  // Stories are also told in the present ("so I go to my manager and I tell him"), by native
  // and non-native speakers alike: once the answer is placed in a time or told in the past,
  // first-person sentences that are not general or hypothetical carry the story too.
  const narrative = reading.kept.filter((index) => {
    const sentence = text.sentences[index]!;
    return TIME_OR_PLACE.test(sentence.text.toLowerCase()) || text.words.slice(sentence.start, sentence.end).some(isPastVerb);
  }).length >= 2;
  for (const index of reading.kept) {
    const sentence = text.sentences[index]!;
    const words = text.words.slice(sentence.start, sentence.end);
    const lower = sentence.text.toLowerCase();
    const told = words.some(isPastVerb) || (narrative && words.some((w) => w.normal === 'i' || w.normal === 'we'));
    const general = HYPOTHETICAL.test(lower) || (!words.some(isPastVerb) && words.some((w) => w.negated));
    position += 1;
    for (const part of STORY_PARTS) if (LABEL[part].test(lower)) found(part, 1, sentence.start);
    if (REFLECTION.test(lower)) reflection = true;
    if ((general && !words.some(isPastVerb)) || !told) continue;
    storySentences += 1;
    if (TIME_OR_PLACE.test(lower)) found('situation', 1, sentence.start);
    else if (position <= 2 && SETTING.test(lower)) found('situation', 0.6, sentence.start);
    if (TASK.test(lower)) found('task', 1, sentence.start);
    // Actions: past-tense verbs whose subject is "I" (or "we"), including the ones joined to it
    // ("I set up a call, showed the estimate and asked…"), until another subject takes over.
    let subject: 'i' | 'we' | undefined;
    const isStoryVerb = (word: Token): boolean => isPastVerb(word) || (narrative && isActionVerb(word));
    words.forEach((word, i) => {
      if (word.pos === 'PRON' || word.pos === 'PROPN' || word.pos === 'NOUN') {
        if (word.normal === 'i' || word.normal === 'we') subject = word.normal;
        else if (['he', 'she', 'they', 'it', 'you'].includes(word.normal)) subject = undefined;
        return;
      }
      if (!subject || !isStoryVerb(word) || word.lemma === 'be' || word.lemma === 'have' || word.lemma === 'do') return;
      (subject === 'i' ? own : team).add(word.lemma);
      if (subject === 'i') found('action', Math.min(1, own.size / 3), sentence.start + i);
    });
    if (RESULT.test(lower) && (NUMBER.test(lower) || /\b(?:as a result|in the end|the result|the outcome|which led to|ended up)\b/.test(lower))) found('result', 1, sentence.start);
    else if (RESULT.test(lower)) found('result', 0.6, sentence.start);
  }
  // A story told only with "we" still has actions, but shows less of the candidate's own part.
  if (own.size === 0 && team.size > 0) parts.action = { strength: Math.min(0.6, team.size / 4) };
  // A task is often implied by a clear situation and actions; do not call it missing then.
  if (parts.task.strength === 0 && parts.situation.strength > 0 && own.size >= 2) parts.task = { strength: 0.5 };
  return { parts, ownActions: own.size, teamActions: team.size, reflection, storySentences };
}
