// `npm run glossary:check`: validates every briefing under glossary/briefings/, and writes the compiled
// glossary, the content script's projection of it and its compiled matching engine, and the popup's
// search index to glossary/generated/. Exits non-zero, listing every problem,
// if any pack is invalid. `tsx glossary/cli.ts [briefings-dir] [out-dir]` checks other folders (tests).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileEngine } from '../lib/match/engine';
import { compileGlossary, GlossaryError } from './compile';
import { contentProjection } from './content-projection';
import { loadPacks } from './load';

const here = dirname(fileURLToPath(import.meta.url));
const [root = join(here, 'briefings'), out = join(here, 'generated')] = process.argv
  .slice(2)
  .map((p) => resolve(p));

/** Writes only when the content changed, so watchers (wxt dev) are not woken for nothing. */
function write(path: string, data: unknown): void {
  const text = `${JSON.stringify(data, null, 1)}\n`;
  let old: string | undefined;
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    old = undefined;
  }
  if (old !== text) writeFileSync(path, text);
}

try {
  const packs = await loadPacks(root);
  if (packs.length === 0) throw new GlossaryError([`${root}: no briefing folders found`]);
  const { glossary, search } = compileGlossary(packs);
  mkdirSync(out, { recursive: true });
  write(join(out, 'glossary.json'), glossary);
  write(join(out, 'search-index.json'), search);
  write(join(out, 'content-glossary.json'), contentProjection(glossary));
  write(join(out, 'content-engine.json'), compileEngine(glossary));
  console.log(
    `glossary: ${glossary.briefings.length} briefing(s), ${glossary.topics.length} topics, ${glossary.terms.length} terms, ` +
      `${glossary.qa.length} Q&A, ${Object.keys(glossary.passages).length} passages, ${glossary.aliases.length} alias forms`,
  );
} catch (err) {
  console.error(err instanceof GlossaryError ? err.message : err);
  process.exit(1);
}
