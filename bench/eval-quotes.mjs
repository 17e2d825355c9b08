// Measures quote extraction and speaker attribution on an annotated corpus.
//
// usage: npm run eval:quotes -- GOLD_DIR [--out PRED.jsonl] [--explain] [--no-bbc]
//        node bench/eval-quotes.mjs GOLD_DIR [--out PRED.jsonl] [--explain] [--no-bbc]
//
// Each GOLD_DIR/NAME.txt is a raw article (headline line, blank line,
// paragraphs). It takes the road `news import` then `news show --json` take:
// the raw text becomes an article file, which is parsed into an article (the
// dateline taken out, the quotes found). The reader's modules are bundled
// from their TypeScript source with esbuild (Node 20 cannot run TypeScript),
// the predictions are written as JSON Lines, and the corpus scorer
// (../shared/tools/score_quotes.py, or $SCORE_QUOTES) is run on them.
//
// --explain also says where the gold itself bounds the figures: a reference
// run that takes every span in double quotation marks for a quote, the
// predicted quotes that share no word run with any gold quote (quotations the
// annotators did not mark, or not speech), and the gold quotes that stop at
// the end of a sentence while the quotation goes on, the figure a reader with
// none of the errors judged in bench/polnear-judgements.json would reach
// against this gold, and the figures of each source apart (file names start
// with their publisher).
//
// Every run prints, besides the whole set's figure, the figure of each
// source and of two halves split by source: the rules are developed on
// DEVELOP_SOURCES and checked on the rest (HELD_OUT), so the gap between the
// halves shows how far the rules fit the articles they were written against.
// A run on PolNeAR also scores ../shared/corpus/bbc-quotes when it is there
// (--no-bbc leaves it out), so a change is seen on British copy in the same
// call. Times are of parsing alone, in ms per article.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Piped into `head`, a closed stdout is a normal end, not a crash.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = process.env.SCORE_QUOTES ?? join(root, '..', 'shared', 'tools', 'score_quotes.py');

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const explain = args.includes('--explain');
const withBbc = !args.includes('--no-bbc');
const goldDir = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
/** The sources the quote rules are written against; the others are held out to measure them. */
const DEVELOP_SOURCES = new Set(['breitbart', 'huff-post', 'politico', 'usa-today']);
/** The two halves of the sources, each with the test of a source that keeps it. */
const HALVES = [
  ['develop', (source) => DEVELOP_SOURCES.has(source)],
  ['held out', (source) => !DEVELOP_SOURCES.has(source)],
];
const bbcDir = join(root, '..', 'shared', 'corpus', 'bbc-quotes');
if (!goldDir || (outAt >= 0 && !out)) {
  console.error('usage: node bench/eval-quotes.mjs GOLD_DIR [--out PRED.jsonl] [--explain] [--no-bbc]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'eval-quotes-'));
const entry = join(work, 'entry.ts');
writeFileSync(
  entry,
  [
    `export { parseRawText } from ${JSON.stringify(join(root, 'src/parse/raw.ts'))};`,
    `export { articleFileText } from ${JSON.stringify(join(root, 'src/parse/markdown-escape.ts'))};`,
    `export { parseArticle } from ${JSON.stringify(join(root, 'src/parse/article.ts'))};`,
    `export { decodeText } from ${JSON.stringify(join(root, 'src/text/encoding.ts'))};`,
    `export { firstNameGender } from ${JSON.stringify(join(root, 'src/parse/quotes/lexicon.ts'))};`,
    `export { decodeEntities } from ${JSON.stringify(join(root, 'src/text/entities.ts'))};`,
  ].join('\n'),
);
const bundle = join(work, 'reader.cjs');
await build({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', outfile: bundle, logLevel: 'warning' });
const { parseRawText, articleFileText, parseArticle, decodeText, firstNameGender, decodeEntities } = createRequire(import.meta.url)(bundle);

const { names, predictions, marksOnly, unmatched, texts } = runOn(goldDir, out);
const score = (dir, file) => spawnSync('python3', [scorer, dir, file], { encoding: 'utf8' });
const lastLine = (run) => run.stdout.trim().split('\n').pop() ?? '';
if (explain) {
  const reference = join(work, 'marks-only.jsonl');
  writeFileSync(reference, marksOnly.join('\n') + '\n');
  const last = lastLine(score(goldDir, reference));
  console.log(`reference, every span in double marks a quote: ${last.replace(/ speaker=\S+ \(\S+\)/, '')}`);
  console.log(`predicted quotes of 4+ words sharing no run of 4 words with any gold quote: ${unmatched.alone} of ${unmatched.spans}`);
  const cut = goldCutShort();
  console.log(`gold quotes that stop at a sentence end while the quotation goes on: ${cut.cut} of ${cut.all}`);
  for (const [half, keeps] of [['all', () => true], ...HALVES]) {
    const ceiling = judgedCeiling(texts, (name) => keeps(name.split('_', 1)[0]));
    if (!ceiling || ceiling.judged === 0) break;
    const { tp, fp, fn, judged, unjudged } = ceiling;
    console.log(
      `a reader with none of the judged errors, ${half} (${judged} disagreements judged in bench/polnear-judgements.json, ${unjudged} not): ` +
        `P=${(tp / (tp + fp)).toFixed(3)} R=${(tp / (tp + fn)).toFixed(3)} F1=${((2 * tp) / (2 * tp + fp + fn)).toFixed(4)} tp=${tp} fp=${fp} fn=${fn}`,
    );
  }
}
const groups = bySource();
if (groups.length > 1) {
  // Rules fitted to some sources would score unevenly across them.
  console.log('by source (the file name up to its first "_"):');
  for (const [source, group] of groups) {
    console.log(`  ${source.padEnd(14)} ${String(group.length).padStart(4)} articles  ${lastLine(score(linked(`source-${source}`, group), predictions))}`);
  }
  for (const [half, keeps] of HALVES) {
    const kept = groups.filter(([source]) => keeps(source));
    if (kept.length === 0) continue;
    const files = kept.flatMap(([, group]) => group);
    const label = `${half} (${kept.map(([source]) => source).join(', ')})`;
    console.log(`${label}: ${files.length} articles  ${lastLine(score(linked(`half-${half.replace(' ', '-')}`, files), predictions))}`);
  }
}
const agreement = pronounAgreement(goldDir, predictions);
console.log(
  `gold speakers "he"/"she" (which the scorer grades only through aliases): the speaker found is of that sex ${agreement.agree}, of the other ${agreement.disagree}, of no sex a title or first name tells ${agreement.unknown}, none ${agreement.none}`,
);
const scored = score(goldDir, predictions);
console.log(`all ${names.length} articles:`);
process.stdout.write(scored.stdout);
process.stderr.write(scored.stderr);
process.exitCode = scored.status ?? 2;
if (withBbc && resolve(goldDir) !== resolve(bbcDir) && /polnear/i.test(resolve(goldDir)) && existsSync(bbcDir)) {
  console.log(`BBC (${bbcDir}):`);
  const bbc = runOn(bbcDir, undefined);
  const run = score(bbcDir, bbc.predictions);
  console.log(lastLine(run));
  if (run.status !== 0) process.exitCode = run.status ?? 2;
  for (const [label, dir, count] of annotatedSets()) {
    const set = runOn(dir, undefined);
    console.log(`${label} (${count} articles): ${lastLine(score(dir, set.predictions))}`);
  }
}

/**
 * For gold quotes whose speaker is written "he" or "she": is the speaker
 * found of that sex, by a title (Mr, Mrs, Ms) or by its first name in the
 * reader's lexicon? A check on pronouns the scorer often cannot grade; the
 * lexicon judges the first names it guessed, so read it beside the scores.
 */
function pronounAgreement(dir, file) {
  const key = (headline) => headline.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const gold = new Map();
  for (const name of names) {
    const g = goldOf(dir, name);
    if (g) gold.set(key(g.title), g);
  }
  const counts = { agree: 0, disagree: 0, unknown: 0, none: 0 };
  const sexOf = (speaker) => {
    const words = speaker.toLowerCase().match(/\p{L}+/gu) ?? [];
    if (words.includes('mr')) return 'm';
    if (words.some((w) => w === 'mrs' || w === 'ms')) return 'f';
    for (const w of words) {
      const sex = firstNameGender(w);
      if (sex !== null) return sex;
    }
    return null;
  };
  for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
    const article = JSON.parse(line);
    const g = gold.get(key(article.headline));
    if (!g) continue;
    for (const q of article.quotes) {
      const said = new Set(wordsOf(q.text));
      const match = g.quotes.find((gq) => {
        const words = wordsOf(gq.text);
        return words.length > 0 && words.filter((w) => said.has(w)).length >= Math.max(words.length, said.size) / 2;
      });
      const pronoun = match?.speaker.trim().toLowerCase();
      if (pronoun !== 'he' && pronoun !== 'she') continue;
      const sex = q.speaker === null ? undefined : sexOf(q.speaker);
      if (sex === undefined) counts.none++;
      else if (sex === null) counts.unknown++;
      else if ((sex === 'm') === (pronoun === 'he')) counts.agree++;
      else counts.disagree++;
    }
  }
  return counts;
}

/**
 * The articles annotated for the project: BBC copy (bench/bbc-annotations.json,
 * its texts in ../shared/corpus/bbc) and news web pages
 * (bench/web-annotations.json, its texts the article bodies a person marked in
 * ../shared/corpus/web/pages, under each page's title). Each quote is kept as
 * its place in the text, its speaker and the article's other names for them,
 * so no corpus text is kept here. Each set is made into a gold folder in the
 * form of bbc-quotes/, the texts rebuilt from the corpus.
 */
function annotatedSets() {
  const corpus = join(root, '..', 'shared', 'corpus');
  const kinds = [
    ['BBC', 'bbc', join(corpus, 'bbc'), (path) => readFileSync(join(corpus, 'bbc', path), 'utf8')],
    ['news web pages', 'web', join(corpus, 'web', 'pages'), webPageText()],
  ];
  return kinds.flatMap(([kind, key, source, textOf]) => {
    const file = join(root, 'bench', `${key}-annotations.json`);
    if (!existsSync(file) || !existsSync(source)) return [];
    const { sets } = JSON.parse(readFileSync(file, 'utf8'));
    return Object.entries(sets).map(([label, articles]) => {
      const dir = join(work, `${key}-annotated-${label.replace(/\W+/g, '-')}`);
      mkdirSync(dir);
      for (const { file: path, quotes } of articles) {
        const text = textOf(path);
        // Offsets count code points, as the annotation's tools did.
        const points = Array.from(text);
        const name = `${key}-${path.replace(/\.txt$/, '').replace(/\//g, '-')}`;
        writeFileSync(join(dir, `${name}.txt`), text);
        const gold = {
          id: name,
          title: text.split('\n', 1)[0],
          publisher: key,
          quotes: quotes.map((q) => ({
            text: points.slice(q.start, q.end).join(''),
            start: q.start,
            end: q.end,
            speaker: q.speaker,
            speakerAliases: q.aliases,
            cue: q.cue,
          })),
        };
        writeFileSync(join(dir, `${name}.gold.json`), JSON.stringify(gold));
      }
      return [`${kind} annotated for the project, ${label}`, dir, articles.length];
    });
  });
}

/**
 * The text of a web page of the corpus as an article file: the page's title,
 * a blank line, and the article body a person marked, paragraph by paragraph.
 * A page is named by the start of its id.
 */
function webPageText() {
  const pages = join(root, '..', 'shared', 'corpus', 'web', 'pages');
  let truth;
  return (prefix) => {
    truth ??= JSON.parse(readFileSync(join(pages, 'ground-truth.json'), 'utf8'));
    const id = Object.keys(truth).find((key) => key.startsWith(prefix));
    if (!id) throw new Error(`${prefix}: no such page in ${pages}`);
    const page = readFileSync(join(pages, `${id}.html`), 'utf8');
    const title = /<title[^>]*>([^<]*)/.exec(page)?.[1] ?? '';
    const headline = decodeEntities(title).split(/\s+/).filter(Boolean).join(' ') || prefix;
    const paragraphs = truth[id].articleBody
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean);
    return `${headline}\n\n${paragraphs.join('\n\n')}\n`;
  };
}

/** A directory of links to some articles of the gold set and their gold, for scoring them apart. */
function linked(label, group) {
  const dir = join(work, label);
  mkdirSync(dir);
  for (const name of group) {
    for (const file of [name, name.replace(/\.txt$/, '.gold.json')]) symlinkSync(resolve(goldDir, file), join(dir, file));
  }
  return dir;
}

function wordsOf(text) {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
  );
}

/** Do two texts share a run of four words? */
function sharesRun(a, b) {
  const runs = (words) => new Set(words.slice(0, Math.max(0, words.length - 3)).map((_, i) => words.slice(i, i + 4).join(' ')));
  const left = runs(wordsOf(a));
  for (const run of runs(wordsOf(b))) if (left.has(run)) return true;
  return false;
}

function goldOf(dir, name) {
  try {
    return JSON.parse(readFileSync(join(dir, name.replace(/\.txt$/, '.gold.json')), 'utf8'));
  } catch {
    return null;
  }
}

/** Every span between double quotation marks, paragraph by paragraph: quotes without any rules. */
function spansInMarks(body) {
  const found = [];
  for (const paragraph of body) {
    for (const m of paragraph.matchAll(/["“]([^"“”]+)(?:["”]|$)/g)) found.push(m[1].trim().replace(/,$/, ''));
  }
  return found;
}

/** The articles with gold, grouped by the source their file name starts with. */
function bySource() {
  const groups = new Map();
  for (const name of names) {
    if (!goldOf(goldDir, name)) continue;
    const source = name.split('_', 1)[0];
    if (!groups.has(source)) groups.set(source, []);
    groups.get(source).push(name);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * The counts a reader that made none of the judged errors would score
 * against this gold, by the scorer's own matching: every predicted quote the
 * gold lacks and the judgements call someone's words stays a false positive,
 * the others go; every gold quote missed that they call someone's words is
 * found; a gold quote cut short inside a longer predicted one stays missed.
 * A disagreement not judged counts as it stands. Null without judgements
 * for this gold.
 */
function judgedCeiling(texts, keeps) {
  const file = join(root, 'bench', 'polnear-judgements.json');
  if (!existsSync(file)) return null;
  const verdicts = new Map(JSON.parse(readFileSync(file, 'utf8')).judgements.map((j) => [`${j.article} ${j.side} ${j.words}`, j.quote]));
  const fingerprint = (words) => createHash('sha1').update(words.join(' ')).digest('hex').slice(0, 12);
  const overlap = (a, b) => {
    const counts = new Map();
    for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
    let shared = 0;
    for (const w of b) {
      const left = counts.get(w) ?? 0;
      if (left > 0) {
        shared++;
        counts.set(w, left - 1);
      }
    }
    return shared;
  };
  const tally = { tp: 0, fp: 0, fn: 0, judged: 0, unjudged: 0 };
  for (const { name, quotes: predicted } of texts.values()) {
    const gold = keeps(name) ? goldOf(goldDir, name) : null;
    if (!gold) continue;
    const article = name.replace(/\.txt$/, '');
    const verdict = (side, words) => {
      const v = verdicts.get(`${article} ${side} ${fingerprint(words)}`);
      tally[v === undefined ? 'unjudged' : 'judged']++;
      return v;
    };
    const quotes = predicted.map(wordsOf).filter((words) => words.length >= 4);
    const used = new Set();
    const missed = [];
    for (const g of gold.quotes) {
      const gw = wordsOf(g.text);
      let best = 0;
      let at = -1;
      quotes.forEach((qw, i) => {
        const o = used.has(i) ? 0 : overlap(gw, qw);
        if (o * 2 >= gw.length && o * 2 >= qw.length && o > best) [best, at] = [o, i];
      });
      if (at < 0) missed.push(gw);
      else {
        used.add(at);
        tally.tp++;
      }
    }
    const extra = quotes.filter((_, i) => !used.has(i));
    for (const gw of missed) {
      const inside = extra.some((qw) => {
        const shared = overlap(gw, qw) * 2;
        return shared >= gw.length && shared < qw.length;
      });
      if (!inside && verdict('gold', gw) === true) tally.tp++;
      else tally.fn++;
    }
    for (const qw of extra) if (verdict('predicted', qw) !== false) tally.fp++;
  }
  return tally;
}

/** Gold quotes whose text ends a sentence with more of the same quotation after it. */
function goldCutShort() {
  let all = 0;
  let cut = 0;
  for (const name of names) {
    const gold = goldOf(goldDir, name);
    if (!gold) continue;
    const text = readFileSync(join(goldDir, name), 'utf8');
    for (const q of gold.quotes) {
      all++;
      const rest = text.slice(q.end, q.end + 400);
      const stop = rest.search(/["”\n]/);
      const tail = (stop < 0 ? rest : rest.slice(0, stop)).trim();
      if (/[.!?]$/.test(q.text.trim()) && /\p{L}/u.test(tail)) cut++;
    }
  }
  return { all, cut };
}

function runOn(dir, outFile) {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.gold.txt'))
    .sort();
  const lines = [];
  const texts = new Map();
  const marksOnly = [];
  const unmatched = { spans: 0, alone: 0 };
  let paragraphs = 0;
  let quotes = 0;
  let extracting = 0n;
  for (const name of names) {
    const { text } = decodeText(readFileSync(join(dir, name)));
    const started = process.hrtime.bigint();
    const file = articleFileText(parseRawText(text));
    const article = parseArticle(file, join(dir, name.replace(/\.txt$/, '.md')));
    extracting += process.hrtime.bigint() - started;
    paragraphs += article.body.length;
    quotes += article.quotes.length;
    // The headline as the raw file writes it: the scorer matches articles by it.
    const headline = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
    lines.push(JSON.stringify({ headline, quotes: article.quotes.map(({ text, speaker }) => ({ text, speaker })) }));
    // The scorer pairs articles by headline, so one of two that share it stands for both.
    texts.set(wordsOf(headline).join(' '), { name, quotes: article.quotes.map((q) => q.text) });
    if (explain) {
      marksOnly.push(JSON.stringify({ headline, quotes: spansInMarks(article.body).map((t) => ({ text: t, speaker: null })) }));
      const gold = goldOf(dir, name);
      if (gold) {
        for (const q of article.quotes) {
          if (wordsOf(q.text).length < 4) continue;
          unmatched.spans++;
          if (!gold.quotes.some((g) => sharesRun(q.text, g.text))) unmatched.alone++;
        }
      }
    }
  }
  const ms = Number(extracting) / 1e6;

  const predictions = outFile ?? join(mkdtempSync(join(work, 'run-')), 'predictions.jsonl');
  writeFileSync(predictions, lines.join('\n') + '\n');
  console.log(
    `${names.length} articles, ${paragraphs} paragraphs, ${quotes} quotes extracted in ${ms.toFixed(0)} ms (${(ms / Math.max(1, names.length)).toFixed(2)} ms an article); predictions: ${predictions}`,
  );
  return { names, predictions, ms, marksOnly, unmatched, texts };
}
