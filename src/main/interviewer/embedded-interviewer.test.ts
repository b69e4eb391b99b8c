import { describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import type { AskedQuestion, InterviewContext } from '../engine/ports';
import { loadConversation } from './conversation-file';
import { createEmbeddedInterviewer } from './embedded-interviewer';
import { Meaning } from './language/meaning';
import { loadWordVectors } from './language/word-vectors';
import { loadTrackCatalog } from './track-catalog';

/**
 * The embedded evaluator must rank answers as an interviewer would (issue #3): specific,
 * structured and correct above vague above "I don't know", and off-topic low however long.
 * These answers were written for the tests; the assertions are about order, not wording.
 */
const catalog = loadTrackCatalog(RESOURCES_DIR);
const interviewer = createEmbeddedInterviewer(catalog, loadConversation(RESOURCES_DIR), new Meaning(loadWordVectors(RESOURCES_DIR)));
const context = (track: string, extra: Partial<InterviewContext['config']> = {}): InterviewContext => ({
  interviewId: '0b5c8f5e-3f7a-4d6b-9a51-0c3e1d2f4a11',
  config: { track, mode: 'text', ...extra },
  askedSourceIds: [],
});
const bankQuestion = (track: string, id: string): AskedQuestion => {
  const question = catalog.get(track)?.questions.find((q) => q.id === id);
  if (!question) throw new Error(`no ${track}/${id}`);
  return { sourceId: id, text: question.text, phase: 'standard', followUp: false };
};
const score = async (track: string, asked: AskedQuestion, answer: string, extra = {}): Promise<number> =>
  (await interviewer.evaluate(context(track, extra), asked, answer)).score;

const OFF_TOPIC =
  'I really enjoy hiking in the mountains on weekends, and last summer I walked a long trail with friends. ' +
  'We planned the route carefully, packed light, and learned a lot about the weather at altitude, because storms arrive quickly. ' +
  'For example, one afternoon we turned back early, which was the right call. Good boots and a positive attitude matter most.';

describe('technical answers (backend: idempotency)', () => {
  const asked = bankQuestion('backend', 'http-idempotency');
  const strong =
    'An operation is idempotent when doing it more than once has the same effect on the server state as doing it once. ' +
    'GET, PUT and DELETE are idempotent, while POST is not, because each POST may create a new resource. ' +
    'It matters for retries because after a timeout or a dropped connection the client cannot know whether the first attempt worked, ' +
    'so it can only retry safely when the call is idempotent. For example, for creating a payment we send an idempotency key and the server ' +
    'deduplicates by that key, returning the stored result instead of charging twice.';
  const vague = 'It means the request is kind of safe to send again. It is good for reliability in APIs I think, it depends on the API.';

  it('ranks strong > vague > "I don\'t know", and an off-topic answer low however long', async () => {
    const scores = {
      strong: await score('backend', asked, strong),
      vague: await score('backend', asked, vague),
      dontKnow: await score('backend', asked, "I don't know."),
      offTopic: await score('backend', asked, OFF_TOPIC),
    };
    expect(scores.strong).toBeGreaterThanOrEqual(8);
    expect(scores.strong).toBeGreaterThan(scores.vague);
    expect(scores.vague).toBeGreaterThan(scores.dontKnow);
    expect(scores.dontKnow).toBeLessThanOrEqual(1);
    expect(scores.offTopic).toBeLessThanOrEqual(2);
  });

  it('quotes what the answer covered and what it missed', async () => {
    const partial = 'Idempotent means calling it twice has the same effect. PUT and DELETE are idempotent but POST is not.';
    const result = await interviewer.evaluate(context('backend'), asked, partial);
    expect(result.strengths.join(' ')).toContain('same effect when repeated');
    expect(result.weaknesses.join(' ')).toContain('safe retries after failures'); // named as missing or unclear, never as covered
    expect(result.suggestions.length).toBeGreaterThan(0);
  });

  it('is deterministic', async () => {
    const first = await interviewer.evaluate(context('backend'), asked, strong);
    expect(await interviewer.evaluate(context('backend'), asked, strong)).toEqual(first);
  });

  it('asks a follow-up about what a middling answer missed, and none after a strong one', async () => {
    const partial = 'Idempotent means calling it twice has the same effect on the server. PUT and DELETE are idempotent, POST is not.';
    const evaluation = await interviewer.evaluate(context('backend'), asked, partial);
    expect(evaluation.score).toBeGreaterThanOrEqual(3);
    expect(evaluation.score).toBeLessThan(7);
    const followUp = await interviewer.followUp(context('backend'), asked, evaluation);
    expect(followUp?.sourceId).toMatch(/^http-idempotency#\d$/);
    const strongEvaluation = await interviewer.evaluate(context('backend'), asked, strong);
    expect(await interviewer.followUp(context('backend'), asked, strongEvaluation)).toBeUndefined();
  });
});

describe('behavioral answers are judged on STAR', () => {
  const behavioral = catalog.get('behavioral');
  const asked: AskedQuestion | undefined = behavioral?.questions[0] && {
    sourceId: behavioral.questions[0].id,
    text: behavioral.questions[0].text,
    phase: 'standard',
    followUp: false,
  };
  const star =
    'At my previous company our team was about to miss a release because the checkout tests failed randomly. ' +
    'My responsibility was the test infrastructure, so I had to find the cause within a week. ' +
    'I analysed two hundred failed runs, I found that three tests shared one database, and I proposed isolated databases per test. ' +
    'I paired with a colleague to implement it and documented the change for the team. ' +
    'As a result the flaky failures dropped by 90 percent and we shipped on time. I learned to measure before guessing, and since then I track flaky tests weekly.';
  const vague = 'I usually work well with people and I try to do my best. Things generally turn out fine in the end.';

  it.runIf(asked)('ranks a full STAR story above a vague one above "I don\'t know"', async () => {
    const strongScore = await score('behavioral', asked!, star);
    const vagueScore = await score('behavioral', asked!, vague);
    const none = await score('behavioral', asked!, 'No idea, sorry.');
    expect(strongScore).toBeGreaterThanOrEqual(6);
    expect(strongScore).toBeGreaterThan(vagueScore);
    expect(vagueScore).toBeGreaterThan(none);
    expect(await score('behavioral', asked!, OFF_TOPIC)).toBeLessThan(strongScore);
  });
});

describe('custom questions and job descriptions', () => {
  it('judges a custom question by staying on topic', async () => {
    const asked: AskedQuestion = { sourceId: 'custom:0', text: 'Why do you want to work on payment systems?', phase: 'standard', followUp: false };
    const onTopic =
      'I want to work on payment systems because they combine hard reliability problems with direct impact on customers. ' +
      'For example, in my last role I fixed a double-charging bug in our payment retries, which cut refund requests by 40 percent.';
    expect(await score('backend', asked, onTopic)).toBeGreaterThan(await score('backend', asked, OFF_TOPIC));
  });

  it('says which job-description skills an answer showed', async () => {
    const asked = bankQuestion('backend', 'http-idempotency');
    const result = await interviewer.evaluate(
      context('backend', { jobDescription: 'We need strong API design and reliability skills; PostgreSQL a plus.' }),
      asked,
      'Idempotent means the same effect when repeated, so a retry after a timeout is safe; for POST we use an idempotency key to deduplicate.',
    );
    expect(result.skillsShown.length).toBeGreaterThan(0);
    expect(result.strengths.join(' ')).toContain('job description');
  });

  it('chooses questions that cover the skills a job description names', async () => {
    const jobDescription = 'You will own our caching layer with Redis and keep cache invalidation correct.';
    const plan = await interviewer.nextQuestion(context('backend', { jobDescription }), 'standard', ['medium']);
    const question = catalog.get('backend')!.questions.find((q) => q.id === plan?.sourceId);
    expect(question?.skills).toContain('caching');
  });
});

describe('every technical rubric in the banks', () => {
  const VAGUE = 'I think it depends on the situation. Usually I would look into it, talk to the team and find the best solution, and make sure it works well in the end.';
  it('scores its own model answer well, and well above a vague or an off-topic answer', async () => {
    const outOfLine: string[] = [];
    for (const track of catalog.list()) {
      for (const question of catalog.get(track.id)!.questions.filter((q) => q.rubric.style === 'concepts')) {
        const asked: AskedQuestion = { sourceId: question.id, text: question.text, phase: 'standard', followUp: false };
        const model = await score(track.id, asked, question.rubric.modelAnswer.join(' '));
        const vague = await score(track.id, asked, VAGUE);
        const offTopic = await score(track.id, asked, OFF_TOPIC);
        if (model < 5 || vague > model - 3 || offTopic > model - 3) outOfLine.push(`${track.id}/${question.id}: model ${model}, vague ${vague}, off-topic ${offTopic}`);
      }
    }
    expect(outOfLine).toEqual([]);
  });
});
