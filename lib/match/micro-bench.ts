// Node micro-benchmark of the matching engine (not the product benchmark, which runs in a browser):
//   npx tsx lib/match/micro-bench.ts [corpus dir] [--big-regex]
// Compares, over the text blocks of saved pages and a 5 MB synthetic page: a loop that reads every
// character, mark.js's approach (every alias in one case-insensitive regex), and engine.scan with the
// bundled glossary (run `npm run glossary:check` first) and with a synthetic 10,000-term glossary.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glossary } from '../../glossary';
import type { AliasEntry, Term } from '../../glossary/types';
import { createEngine, type EngineGlossary } from './engine';
import { normaliseForMatch } from './normalise';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/readability';
// One regex of 27,000 alternatives is very slow to run (which is the point), so it is opt-in.
const bigRegex = process.argv.includes('--big-regex');

/** Text blocks of a saved page: the text between tags, script/style dropped, a few entities decoded. */
function blocksOf(html: string): string[] {
  const body = html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  return body
    .split(
      /<\/?(?:p|div|li|h\d|td|th|section|article|header|footer|nav|ul|ol|table|tr|br|blockquote)\b[^>]*>/i,
    )
    .map((b) =>
      b
        .replace(/<[^>]*>/g, '')
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/&amp;/g, '&')
        .replace(/&#39;|&rsquo;/g, '’'),
    )
    .filter((b) => b.trim().length > 0);
}

/** CPU milliseconds of this process (user + system): steadier than wall time on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time(fn: () => number, rounds = 7): { ms: number; out: number } {
  let best = Number.POSITIVE_INFINITY;
  let out = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuMs();
    out = fn();
    best = Math.min(best, cpuMs() - t0);
  }
  return { ms: best, out };
}

function syntheticGlossary(count: number, vocabulary: string[]): EngineGlossary {
  // Deterministic pseudo-random words: half made-up names, half drawn from page vocabulary, so the
  // big glossary really does hit words on the pages.
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const syllables = [
    'ka',
    'lo',
    'mir',
    'ten',
    'sa',
    'vo',
    'rin',
    'da',
    'pel',
    'zu',
    'qua',
    'nor',
    'bex',
    'tha',
  ];
  const made = () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * 14)]).join('');
  const real = () => vocabulary[Math.floor(rand() * vocabulary.length)] as string;
  const base = glossary;
  const terms: Term[] = [...base.terms];
  const aliases: AliasEntry[] = [...base.aliases];
  const seen = new Set(aliases.map((a) => a.norm));
  for (let i = 0; terms.length < count; i++) {
    const id = `synthetic-${i}`;
    const forms = [
      `${made()} ${rand() < 0.5 ? real() : made()}`,
      rand() < 0.3 ? real() : made(),
      `${real()} ${made()}`,
    ];
    const template = base.terms.find((t) => t.mode === 'contextual') as Term;
    terms.push({
      ...template,
      id,
      label: forms[0] as string,
      aliases: forms,
      mode: rand() < 0.5 ? 'contextual' : 'unambiguous',
    });
    for (const f of forms) {
      const norm = normaliseForMatch(f);
      if (seen.has(norm)) continue;
      seen.add(norm);
      aliases.push({ norm, term: id, variant: false, source: f });
    }
  }
  return { ...base, terms, aliases };
}

const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
const pages = files.map((f) => ({ name: f, blocks: blocksOf(readFileSync(join(dir, f), 'utf8')) }));
const corpusBlocks = pages.flatMap((p) => p.blocks);
const corpusChars = corpusBlocks.reduce((n, b) => n + b.length, 0);

// 5 MB synthetic page: corpus blocks repeated, with the briefing's phrases sprinkled in.
const sprinkles = ['the Abraham Accords', 'normalization with Israel', 'Pakistan’s', 'Abraham Acords', 'UAE'];
const bigBlocks: string[] = [];
for (let i = 0, n = 0; n < 5_000_000; i++) {
  const b = corpusBlocks[i % corpusBlocks.length] as string;
  const s = i % 7 === 0 ? `${b} ${sprinkles[i % sprinkles.length]}` : b;
  bigBlocks.push(s);
  n += s.length;
}

const vocabulary = [
  ...new Set(
    corpusBlocks
      .join(' ')
      .toLowerCase()
      .match(/[a-z]{5,}/g) ?? [],
  ),
];

const bundled = glossary;
const big = syntheticGlossary(10_000, vocabulary);
const buildSmall = time(() => createEngine(bundled).keptWords, 5).ms;
const buildBig = time(() => createEngine(big).keptWords, 5).ms;
const engine = createEngine(bundled);
const engineBig = createEngine(big);

const markRegex = (aliases: AliasEntry[]) => {
  const escaped = aliases
    .map((a) => a.source)
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s\\-\\u2010-\\u2015]+'));
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
};

function run(label: string, blocks: string[]) {
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  const read = time(() => {
    let sum = 0;
    for (const b of blocks) for (let i = 0; i < b.length; i++) sum += b.charCodeAt(i);
    return sum;
  });
  const mark = (aliases: AliasEntry[], rounds: number) => {
    const re = markRegex(aliases);
    return time(() => {
      let found = 0;
      for (const b of blocks) {
        re.lastIndex = 0;
        while (re.exec(b)) found++;
      }
      return found;
    }, rounds);
  };
  const scanWith = (e: typeof engine) =>
    time(() => {
      let found = 0;
      for (const b of blocks) found += e.scan(b).mentions.length;
      return found;
    });
  const small = scanWith(engine);
  const large = scanWith(engineBig);
  const markSmall = mark(bundled.aliases, 3);
  const markBig = bigRegex ? mark(big.aliases, 1) : undefined;
  const row = (name: string, r: { ms: number; out: number }) =>
    console.log(
      `  ${name.padEnd(34)} ${r.ms.toFixed(2).padStart(9)} CPU ms  ${((chars / r.ms) * 1e-3).toFixed(0).padStart(6)} MB/s  ×${(r.ms / read.ms).toFixed(2)} of char loop  (${r.out})`,
    );
  console.log(`${label}: ${blocks.length} blocks, ${(chars / 1e6).toFixed(2)} M chars`);
  row('char loop (charCodeAt every char)', read);
  row('engine.scan, bundled glossary', small);
  row('engine.scan, 10,000 terms', large);
  row('one alias regex, bundled glossary', markSmall);
  if (markBig) row('one alias regex, 10,000 terms', markBig);
  console.log(
    `  10k / bundled: ×${(large.ms / small.ms).toFixed(2)}; regex / engine: ×${(markSmall.ms / small.ms).toFixed(1)} (bundled), ${markBig ? `×${(markBig.ms / large.ms).toFixed(1)}` : '(--big-regex)'} (10k)`,
  );
}

console.log(
  `engine build (CPU ms, best of 5): bundled (${bundled.aliases.length} aliases) ${buildSmall.toFixed(1)} ms; 10,000 terms (${big.aliases.length} aliases) ${buildBig.toFixed(1)} ms`,
);
for (const name of ['guardian-1.html', 'breitbart.html']) {
  const page = pages.find((p) => p.name === name);
  if (page) run(name, page.blocks);
}
run(`whole corpus (${pages.length} pages)`, corpusBlocks);
run('5 MB synthetic page', bigBlocks);
console.log(`corpus chars: ${corpusChars}`);
