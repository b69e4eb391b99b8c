/**
 * Issue #8: how well the embedded evaluator ranks answers of known quality, on the graded set
 * in tests/evaluator/graded (48 questions: 3 bank and 3 custom per track, each with five
 * answers of known quality and two adversarial ones, written without reading the rubrics).
 *
 * Prints, for bank and for custom questions separately: pooled Spearman ρ between quality and
 * score (excellent 3, good 2, vague 1, "I don't know" and off-topic 0), ρ per track, the share
 * of questions where excellent > good > vague > "I don't know" and off-topic ≤ vague, and each
 * adversarial kind's worst score next to its question's excellent score. Then the same with
 * the bank questions pasted as custom questions, the same without word vectors (do they earn
 * their 4 MB?), and the time per evaluation against reading the text alone.
 * Goals: ρ ≥ 0.90 pooled, ≥ 0.85 behavioral; strict order ≥ 85%; custom within 0.03 of bank;
 * echo ≤ 2, keyword list ≤ 3, ramble < excellent; p95 ≤ 5 ms.
 */
import { loadConversation } from '../src/main/interviewer/conversation-file';
import { createEmbeddedInterviewer } from '../src/main/interviewer/embedded-interviewer';
import { analyse } from '../src/main/interviewer/language/analysed-text';
import { Meaning } from '../src/main/interviewer/language/meaning';
import { loadWordVectors } from '../src/main/interviewer/language/word-vectors';
import { loadTrackCatalog } from '../src/main/interviewer/track-catalog';
import { RESOURCES_DIR } from '../tests/support/paths';
import { loadGradedSet, QUALITY_GRADE, type GradedQuestion } from '../tests/evaluator/graded-set';
import { spearman } from '../tests/evaluator/rank-correlation';
import { percentile } from './stats';

const catalog = loadTrackCatalog(RESOURCES_DIR);
const conversation = loadConversation(RESOURCES_DIR);
const vectors = loadWordVectors(RESOURCES_DIR);
const questions = loadGradedSet();

interface Scored {
  question: GradedQuestion;
  scores: Map<string, number>;
}

async function scoreAll(meaning: Meaning, asCustom: (q: GradedQuestion) => boolean): Promise<Scored[]> {
  const interviewer = createEmbeddedInterviewer(catalog, conversation, meaning);
  const results: Scored[] = [];
  for (const question of questions) {
    const custom = asCustom(question);
    const config = { track: question.track, mode: 'text' as const, ...(custom ? { questions: [question.text] } : {}) };
    const asked = { sourceId: custom ? 'custom:0' : question.bankId!, text: question.text, phase: 'standard' as const, followUp: false };
    const scores = new Map<string, number>();
    for (const answer of question.answers) {
      const evaluation = await interviewer.evaluate({ interviewId: 'bench', config, askedSourceIds: [] }, asked, answer.text);
      scores.set(answer.label, evaluation.score);
    }
    results.push({ question, scores });
  }
  return results;
}

function report(title: string, scored: Scored[]): void {
  console.log(`\n${title} (${scored.length} questions)`);
  const pairs = (list: Scored[]) =>
    list.flatMap(({ question, scores }) => question.answers.filter((a) => a.quality).map((a) => [QUALITY_GRADE[a.quality!], scores.get(a.label)!] as const));
  const pooled = pairs(scored);
  console.log(`  pooled Spearman ρ            ${spearman(pooled.map((p) => p[0]), pooled.map((p) => p[1])).toFixed(3)}`);
  const tracks = [...new Set(scored.map((s) => s.question.track))];
  console.log(
    `  per track ρ                  ${tracks
      .map((track) => {
        const p = pairs(scored.filter((s) => s.question.track === track));
        return `${track} ${spearman(p.map((x) => x[0]), p.map((x) => x[1])).toFixed(2)}`;
      })
      .join(' · ')}`,
  );
  const strict = scored.filter(({ scores: s }) => s.get('excellent')! > s.get('good')! && s.get('good')! > s.get('vague')! && s.get('vague')! > s.get('dont-know')! && s.get('off-topic')! <= s.get('vague')!);
  console.log(`  strict order                 ${strict.length}/${scored.length} = ${((100 * strict.length) / scored.length).toFixed(0)}%`);
  const means = (['excellent', 'good', 'vague', 'dont-know', 'off-topic'] as const).map((q) => `${q} ${mean(scored.map((s) => s.scores.get(q)!)).toFixed(1)}`);
  console.log(`  mean score by quality        ${means.join(' · ')}`);
  const fairPairs = scored.flatMap(({ question, scores }) => question.answers.map((a) => [a.fair, scores.get(a.label)!] as const));
  console.log(`  ρ against the writers' own fair scores, all answers: ${spearman(fairPairs.map((p) => p[0]), fairPairs.map((p) => p[1])).toFixed(3)}`);
  const kinds = [...new Set(scored.flatMap((s) => s.question.answers.flatMap((a) => (a.kind ? [a.kind] : []))))].sort();
  for (const kind of kinds) {
    const cases = scored.flatMap(({ question, scores }) =>
      question.answers.filter((a) => a.kind === kind).map((a) => ({ id: question.id, score: scores.get(a.label)!, excellent: scores.get('excellent')!, fair: a.fair })),
    );
    const worst = [...cases].sort((a, b) => b.score - b.excellent - (a.score - a.excellent))[0]!;
    const lowest = [...cases].sort((a, b) => a.score - b.score)[0]!;
    console.log(
      `  ${kind.padEnd(14)} n=${cases.length}  max ${Math.max(...cases.map((c) => c.score)).toFixed(1)} · min ${lowest.score.toFixed(1)} (fair ${lowest.fair}) · closest to excellent: ${worst.score.toFixed(1)} vs ${worst.excellent.toFixed(1)} (${worst.id}) · mean ${mean(cases.map((c) => c.score)).toFixed(1)} vs fair ${mean(cases.map((c) => c.fair)).toFixed(1)}`,
    );
  }
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

const withVectors = new Meaning(vectors);
const asWritten = await scoreAll(withVectors, (q) => q.source === 'custom');
report('Bank questions', asWritten.filter((s) => s.question.source === 'bank'));
report('Custom questions', asWritten.filter((s) => s.question.source === 'custom'));
report('Bank questions pasted word for word as custom questions', (await scoreAll(withVectors, () => true)).filter((s) => s.question.source === 'bank'));
const plain = await scoreAll(new Meaning(undefined), (q) => q.source === 'custom');
report('Without word vectors: bank questions', plain.filter((s) => s.question.source === 'bank'));
report('Without word vectors: custom questions', plain.filter((s) => s.question.source === 'custom'));

// Time per evaluation, warm, against reading (tokenizing and tagging) the same answers alone.
const interviewer = createEmbeddedInterviewer(catalog, conversation, withVectors);
const all = questions.flatMap((q) => q.answers.map((a) => ({ q, a })));
const evaluation: number[] = [];
const reading: number[] = [];
for (let round = 0; round < 5; round += 1) {
  for (const { q, a } of all) {
    const custom = q.source === 'custom';
    const config = { track: q.track, mode: 'text' as const, ...(custom ? { questions: [q.text] } : {}) };
    const asked = { sourceId: custom ? 'custom:0' : q.bankId!, text: q.text, phase: 'standard' as const, followUp: false };
    let started = performance.now();
    analyse(a.text);
    reading.push(performance.now() - started);
    started = performance.now();
    await interviewer.evaluate({ interviewId: 'bench', config, askedSourceIds: [] }, asked, a.text);
    evaluation.push(performance.now() - started);
  }
}
const longest = all.reduce((max, x) => Math.max(max, x.a.text.length), 0);
console.log(`\nTime per evaluation over ${evaluation.length} (answers up to ${longest} characters)`);
console.log(`  evaluation  p50 ${percentile(evaluation, 50).toFixed(3)} ms  p95 ${percentile(evaluation, 95).toFixed(3)} ms  max ${Math.max(...evaluation).toFixed(2)} ms`);
console.log(`  reading     p50 ${percentile(reading, 50).toFixed(3)} ms  p95 ${percentile(reading, 95).toFixed(3)} ms`);
console.log(`  ratio p95 evaluation / reading: ${(percentile(evaluation, 95) / percentile(reading, 95)).toFixed(1)}×`);
