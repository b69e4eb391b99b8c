// Builds resources/skills/technologies.json, the technology names that résumés and job
// postings are read against (issue #14), from three maintained packages:
//   devicon (MIT): which technologies, their alternative names and tags;
//   linguist-languages (MIT): the written names and aliases of programming languages;
//   simple-icons (CC0-1.0): the written names of brands ("PostgreSQL", "C++").
// None of them is a dependency of the app: unpack them anywhere and pass their folders.
//   cd "$(mktemp -d)" && for p in devicon@2.17.0 linguist-languages@9.5.0 simple-icons@16.37.0; do
//     mkdir "${p%@*}" && npm pack "$p" && tar xzf "${p%@*}"-*.tgz -C "${p%@*}" --strip-components=1; done
//   node <repo>/scripts/build-technology-names.mjs "$PWD/devicon" "$PWD/linguist-languages" "$PWD/simple-icons"
// A name that is also a common English word ("Go", "Spring", "Express") is marked
// `ambiguous`: the reader then wants it capitalised and among other skills.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [deviconDir, linguistDir, simpleIconsDir] = process.argv.slice(2);
if (!deviconDir || !linguistDir || !simpleIconsDir) {
  console.error('usage: build-technology-names.mjs <devicon> <linguist-languages> <simple-icons>');
  process.exit(2);
}
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Icons, brands and websites rather than skills a résumé would list. */
const NOT_SKILLS_TAGS = new Set(['social', 'browser', 'iconset', 'organization', 'brand']);
const NOT_SKILLS = new Set(['facebook', 'google', 'twitter', 'leetcode', 'stackoverflow', 'thealgorithms', 'devicon']);
/** Words this common in English text (GloVe's frequency order) need a second look. */
const COMMON_WORDS = 10_000;

const compact = (text) => text.toLowerCase().replace(/\+/g, 'plus').replace(/#/g, 'sharp').replace(/[^\p{L}\p{N}]/gu, '');
const written = (text) => /[A-Z.+#]/.test(text);

const simpleIcons = readJson(join(simpleIconsDir, 'data', 'simple-icons.json'));
const brandBySlug = new Map(simpleIcons.map((icon) => [icon.slug, icon]));
const brandByName = new Map(simpleIcons.map((icon) => [compact(icon.title), icon]));

const languages = new Map();
for (const file of readdirSync(join(linguistDir, 'data')).filter((name) => name.endsWith('.js'))) {
  const { default: language } = await import(pathToFileURL(join(linguistDir, 'data', file)).href);
  if (language.type === 'programming') languages.set(compact(language.name), language);
}

const common = new Set(readFileSync(join(root, 'resources', 'word-vectors', 'words.txt'), 'utf8').split('\n').slice(0, COMMON_WORDS));

const technologies = [];
for (const icon of readJson(join(deviconDir, 'devicon.json'))) {
  if (NOT_SKILLS.has(icon.name) || icon.tags.some((tag) => NOT_SKILLS_TAGS.has(tag))) continue;
  const brand = brandBySlug.get(icon.name) ?? brandByName.get(icon.name);
  const language = languages.get(icon.name);
  const altName = icon.altnames.find((alt) => written(alt) && compact(alt) === icon.name);
  const name = brand?.title ?? language?.name ?? altName;
  const own = (name ?? icon.name).toLowerCase();
  const isCommon = (word) => word.length <= 1 || common.has(word);
  // Another name that is a common word or a couple of letters ("cake" for C#, "ae") would
  // find the technology in ordinary sentences: only the technology's own name may be one.
  const aliases = [...new Set([icon.name, ...icon.altnames, ...(language?.aliases ?? []), ...(brand?.aliases?.aka ?? [])].map((a) => a.toLowerCase()))]
    .filter((alias) => alias !== own && alias.length <= 60 && (alias === icon.name || (alias.length > 2 && !isCommon(alias))));
  const ambiguous = isCommon(own) || (aliases.includes(icon.name) && isCommon(icon.name));
  technologies.push({ id: icon.name, ...(name ? { name } : {}), aliases, ...(ambiguous ? { ambiguous: true } : {}) });
}

const output = {
  source: 'devicon 2.17.0 (MIT), linguist-languages 9.5.0 (MIT), simple-icons 16.37.0 (CC0-1.0); built by scripts/build-technology-names.mjs',
  technologies,
};
writeFileSync(join(root, 'resources', 'skills', 'technologies.json'), `${JSON.stringify(output, null, 1)}\n`);
console.log(`${technologies.length} technologies, ${technologies.filter((t) => t.ambiguous).length} ambiguous`);
