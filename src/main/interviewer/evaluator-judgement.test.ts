import { describe, expect, it } from 'vitest';
import { loadGradedSet, QUALITY_GRADE, type GradedQuestion } from '../../../tests/evaluator/graded-set';
import { spearman } from '../../../tests/evaluator/rank-correlation';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import type { AskedQuestion, InterviewContext } from '../engine/ports';
import { loadConversation } from './conversation-file';
import { createEmbeddedInterviewer } from './embedded-interviewer';
import { Meaning } from './language/meaning';
import { loadWordVectors } from './language/word-vectors';
import { loadTrackCatalog } from './track-catalog';

/**
 * Issue #8: the embedded evaluator judged as a candidate would judge it, on the graded set
 * (answers written without reading the rubrics) and over every bank question. These assert
 * order and honesty, never wording; the numbers are in `npm run bench -- evaluator`.
 */
const catalog = loadTrackCatalog(RESOURCES_DIR);
const interviewer = createEmbeddedInterviewer(catalog, loadConversation(RESOURCES_DIR), new Meaning(loadWordVectors(RESOURCES_DIR)));
const graded = loadGradedSet();

const contextFor = (question: GradedQuestion): InterviewContext => ({
  interviewId: '0b5c8f5e-3f7a-4d6b-9a51-0c3e1d2f4a11',
  config: { track: question.track, mode: 'text', ...(question.source === 'custom' ? { questions: [question.text] } : {}) },
  askedSourceIds: [],
});
const askedFor = (question: GradedQuestion): AskedQuestion => ({
  sourceId: question.source === 'custom' ? 'custom:0' : question.bankId!,
  text: question.text,
  phase: 'standard',
  followUp: false,
});
async function scoresOf(question: GradedQuestion): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  for (const answer of question.answers) scores.set(answer.label, (await interviewer.evaluate(contextFor(question), askedFor(question), answer.text)).score);
  return scores;
}

describe('the graded answer set', () => {
  it('ranks answers by quality: Spearman ρ well above chance for bank and custom questions', async () => {
    for (const [source, floor] of [['bank', 0.85], ['custom', 0.7]] as const) {
      const pairs: [number, number][] = [];
      for (const question of graded.filter((q) => q.source === source)) {
        const scores = await scoresOf(question);
        for (const answer of question.answers) if (answer.quality) pairs.push([QUALITY_GRADE[answer.quality], scores.get(answer.label)!]);
      }
      expect(spearman(pairs.map((p) => p[0]), pairs.map((p) => p[1])), source).toBeGreaterThanOrEqual(floor);
    }
  });

  it('never rewards gaming: an echo scores at most 2, a list of terms at most 3, and neither beats the excellent answer', async () => {
    const gamed: string[] = [];
    for (const question of graded) {
      const scores = await scoresOf(question);
      for (const answer of question.answers) {
        const score = scores.get(answer.label)!;
        const ceiling = answer.kind === 'echo' ? 2 : answer.kind === 'keyword-list' ? 3 : undefined;
        if (ceiling !== undefined && (score > ceiling || score >= scores.get('excellent')!)) gamed.push(`${question.id} ${answer.label}: ${score}`);
      }
    }
    expect(gamed).toEqual([]);
  });

  it('puts every excellent answer above "I don\'t know" and every strong bank answer at 7 or more', async () => {
    const wrong: string[] = [];
    for (const question of graded) {
      const scores = await scoresOf(question);
      if (scores.get('excellent')! <= scores.get('dont-know')!) wrong.push(`${question.id}: excellent ${scores.get('excellent')} vs don't know ${scores.get('dont-know')}`);
      if (question.source === 'bank' && scores.get('excellent')! < 7) wrong.push(`${question.id}: excellent ${scores.get('excellent')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('scores a bank question pasted word for word as a custom question as the bank question', async () => {
    for (const question of graded.filter((q) => q.source === 'bank')) {
      const pasted = { ...question, source: 'custom' as const };
      expect(await scoresOf(pasted), question.id).toEqual(await scoresOf(question));
    }
  });

  it('is deterministic', async () => {
    const question = graded[0]!;
    expect(await scoresOf(question)).toEqual(await scoresOf(question));
  });
});

describe('every bank question', () => {
  it('never tells its own model outline that it missed a concept, and scores it well', async () => {
    const contradicted: string[] = [];
    for (const track of catalog.list()) {
      for (const question of catalog.get(track.id)!.questions) {
        const asked: AskedQuestion = { sourceId: question.id, text: question.text, phase: 'standard', followUp: false };
        const context: InterviewContext = { interviewId: 'x', config: { track: track.id, mode: 'text' }, askedSourceIds: [] };
        const result = await interviewer.evaluate(context, asked, question.rubric.modelAnswer.join(' '));
        const claims = result.weaknesses.filter((w) => /did not (?:mention|describe)/.test(w));
        if (claims.length > 0 || result.score < 6) contradicted.push(`${track.id}/${question.id} (${result.score}): ${claims.join(' ')}`);
      }
    }
    expect(contradicted).toEqual([]);
  });
});

describe('vague and off-topic answers', () => {
  it('calls a vague answer about the question\'s subject weak, not off topic, and scores it above "I don\'t know"', async () => {
    const question = catalog.get('devops-cloud')!.questions.find((q) => q.id === 'load-balancer-health')!;
    const context: InterviewContext = { interviewId: 'x', config: { track: 'devops-cloud', mode: 'text' }, askedSourceIds: [] };
    const asked: AskedQuestion = { sourceId: question.id, text: question.text, phase: 'standard', followUp: false };
    const vague = await interviewer.evaluate(context, asked, 'A load balancer is an important part of the infrastructure. It helps the backend instances work well together and keeps things running when there are problems.');
    const dontKnow = await interviewer.evaluate(context, asked, "I don't know.");
    const offTopic = await interviewer.evaluate(context, asked, 'I like to keep my Terraform modules small, pin provider versions and run plan in CI on every pull request, so changes are reviewed before anyone applies them.');
    expect(vague.feedback).not.toMatch(/about something else/);
    expect(vague.score).toBeGreaterThan(dontKnow.score);
    expect(offTopic.feedback).toMatch(/about something else/);
  });
});

describe('follow-ups', () => {
  it('judges a precise follow-up answer on what the follow-up asks, not on the main question\'s whole checklist', async () => {
    const question = catalog.get('backend')!.questions.find((q) => q.id === 'caching-layers')!;
    const context: InterviewContext = { interviewId: 'x', config: { track: 'backend', mode: 'text' }, askedSourceIds: [] };
    const index = question.rubric.followUps.findIndex((f) => f.probes.includes('expiry with a TTL'));
    const followUp: AskedQuestion = { sourceId: `caching-layers#${index}`, text: question.rubric.followUps[index]!.text, phase: 'standard', followUp: true };
    const precise =
      'I pick the TTL from how stale the value may be for the user: a product price maybe five minutes, a feature flag thirty seconds. ' +
      'I add some random jitter to the expiry so keys do not all expire at once, and I invalidate on writes where freshness matters.';
    const precise_ = await interviewer.evaluate(context, followUp, precise);
    const dontKnow = await interviewer.evaluate(context, followUp, "I'm not sure, I have never set one.");
    expect(precise_.score).toBeGreaterThanOrEqual(7);
    expect(dontKnow.score).toBeLessThanOrEqual(1);
  });

  it('gives a custom question follow-ups, as a bank question has', async () => {
    const text = 'How does Kafka keep messages in order, and when can consumers see them out of order?';
    const context: InterviewContext = { interviewId: 'x', config: { track: 'backend', mode: 'text', questions: [text] }, askedSourceIds: ['custom:0'] };
    const asked: AskedQuestion = { sourceId: 'custom:0', text, phase: 'standard', followUp: false };
    const partial = 'Kafka keeps order within a partition, because each partition is an append-only log that one consumer in a group reads in sequence.';
    const evaluation = await interviewer.evaluate(context, asked, partial);
    const followUp = await interviewer.followUp(context, asked, { ...evaluation, score: Math.min(6, Math.max(3, evaluation.score)) });
    expect(followUp?.sourceId).toMatch(/^custom:0#\d$/);
    const answer = await interviewer.evaluate(context, { ...asked, sourceId: followUp!.sourceId, text: followUp!.text, followUp: true }, 'Because keys hash to partitions, messages for one key stay ordered, but retries with more than one in-flight request can reorder them, so I enable idempotent producers.');
    expect(answer.score).toBeGreaterThan(0);
  });

  it('judges a behavioral-shaped custom question on STAR, on any track', async () => {
    const text = 'Tell me about a time you tracked down a performance problem in production.';
    const context: InterviewContext = { interviewId: 'x', config: { track: 'backend', mode: 'text', questions: [text] }, askedSourceIds: [] };
    const asked: AskedQuestion = { sourceId: 'custom:0', text, phase: 'standard', followUp: false };
    const story =
      'Situation: last spring our checkout API at my previous company slowed to two seconds at peak. I was the on-call engineer, so finding it was on me. ' +
      'I pulled the slow-query log, found an N+1 query in the order history endpoint, wrote a batched query and added an index. ' +
      'As a result p95 latency dropped from 2 seconds to 300 ms, and I learned to watch query counts per request in our dashboards.';
    const general = 'I usually look at the metrics and the logs, and I always try to find the root cause of performance problems before changing code.';
    const storyResult = await interviewer.evaluate(context, asked, story);
    const generalResult = await interviewer.evaluate(context, asked, general);
    expect(storyResult.score).toBeGreaterThan(generalResult.score + 3);
    expect(storyResult.strengths.join(' ')).toMatch(/situation/);
    expect(storyResult.weaknesses.join(' ')).not.toMatch(/did not describe the situation/);
  });
});
