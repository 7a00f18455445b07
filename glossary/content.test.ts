// Checks on the bundled briefing's writing that a machine can make: explainers and authored answers
// name no person, place or number the source does not, and quoted words are the source's words.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGlossary } from './compile';
import { loadPack } from './load';
import type { CompiledGlossary } from './types';

const ROOT = resolve(__dirname, '..');
const DIR = join(ROOT, 'glossary/briefings/coercion-not-partnership');
const source = readFileSync(join(DIR, 'source.txt'), 'utf8');
// The source writes straight apostrophes; explainers may use typographic ones.
const plain = (s: string) => s.replace(/[‘’]/g, "'");

let glossary: CompiledGlossary;
beforeAll(async () => {
  glossary = compileGlossary([await loadPack(DIR, ROOT)]).glossary;
});

function writing(): Array<[string, string]> {
  return [
    ...glossary.terms.flatMap(
      (t): Array<[string, string]> => [
        [`${t.id}.label`, t.label],
        [`${t.id}.short`, t.short],
        [`${t.id}.long`, t.long],
      ],
    ),
    ...glossary.qa
      .filter((q) => q.origin === 'authored')
      .flatMap(
        (q): Array<[string, string]> => [
          [`${q.id}.question`, q.question],
          [`${q.id}.answer`, q.answer],
        ],
      ),
  ];
}

describe('the bundled briefing’s explainers', () => {
  it('name only people, places and bodies that the source names', () => {
    const unknown: string[] = [];
    for (const [where, text] of writing()) {
      // A capitalised word that does not start a sentence is a name (or part of one).
      for (const m of plain(text).matchAll(/(?<![.:?!]\s|^)(?<=\s|\()([A-Z][\p{L}'-]*)/gu)) {
        const word = (m[1] as string).replace(/'s$/, '');
        if (!source.includes(word)) unknown.push(`${where}: ${word}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('use only numbers that the source gives', () => {
    const unknown: string[] = [];
    for (const [where, text] of writing()) {
      for (const m of text.matchAll(/\d+(?:,\d{3})*/g))
        if (!source.includes(m[0])) unknown.push(`${where}: ${m[0]}`);
    }
    expect(unknown).toEqual([]);
  });

  it('quote the source word for word inside quotation marks', () => {
    const misquoted: string[] = [];
    for (const [where, text] of writing()) {
      for (const m of text.matchAll(/“([^”]+)”/g)) {
        if (!plain(source).includes(plain(m[1] as string))) misquoted.push(`${where}: ${m[1]}`);
      }
    }
    expect(misquoted).toEqual([]);
  });

  it('say whose view it is: every long explainer attributes at least one claim', () => {
    const attribution =
      /\b(briefing|analysis|report|standfirst|key points|conversation|officials|according to|argues?|says?|said|describes?|calls?|warns?|suggest(?:s|ed)?)\b/i;
    const unattributed = glossary.terms.filter((t) => !attribution.test(t.long)).map((t) => t.id);
    expect(unattributed).toEqual([]);
  });
});
