import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fuse from 'fuse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CompileResult, compileGlossary, GlossaryError, type PackFile } from './compile';
import { loadPack } from './load';
import type { PackInput } from './schema';
import type { SearchDoc } from './types';

const ROOT = resolve(__dirname, '..');
const BUNDLED_DIR = join(ROOT, 'glossary/briefings/coercion-not-partnership');
const FIXTURE_DIR = join(ROOT, 'tests/fixtures/briefings/river-town-meters');
const BUNDLED_FILE = 'glossary/briefings/coercion-not-partnership/pack.ts';

let bundled: PackFile;
let fixture: PackFile;

beforeAll(async () => {
  bundled = await loadPack(BUNDLED_DIR, ROOT);
  fixture = await loadPack(FIXTURE_DIR, ROOT);
});

/** A deep copy of the bundled pack, changed by `edit`, compiled; returns the problems (or []). */
function problemsAfter(edit: (pack: PackInput) => void, source?: (text: string) => string): string[] {
  const pack = structuredClone(bundled.pack) as PackInput;
  edit(pack);
  const text = source && bundled.source !== undefined ? source(bundled.source) : bundled.source;
  try {
    compileGlossary([{ ...bundled, pack, source: text }]);
    return [];
  } catch (err) {
    if (err instanceof GlossaryError) return err.problems;
    throw err;
  }
}

function termIndex(pack: PackInput, id: string): number {
  const i = pack.terms.findIndex((t) => t.id === id);
  if (i < 0) throw new Error(`no term ${id}`);
  return i;
}

function term(pack: PackInput, id: string) {
  return pack.terms[termIndex(pack, id)] as PackInput['terms'][number];
}

describe('the bundled briefing', () => {
  let result: CompileResult;
  beforeAll(() => {
    result = compileGlossary([bundled]);
  });

  it('splits the source into passages with ids from its structure', () => {
    const { glossary } = result;
    const b = glossary.briefings[0];
    expect(b?.id).toBe('coercion-not-partnership');
    expect(b?.keyPoints).toEqual(['key-1', 'key-2', 'key-3', 'key-4', 'key-5']);
    expect(b?.analysis).toEqual(['analysis-1', 'analysis-2', 'analysis-3', 'analysis-4']);
    expect(b?.report).toEqual(['report-1', 'report-2', 'report-3', 'report-4', 'report-5', 'report-6']);
    expect(glossary.passages.headline?.text).toBe(
      'Being told to normalize relations with Israel feels like coercion, not partnership',
    );
    // Bullets lose their "- ".
    expect(glossary.passages['key-2']?.text.startsWith('Pakistan — nuclear-armed')).toBe(true);
    expect(b?.quotes).toEqual([
      {
        passage: 'quote-1',
        text: 'Pakistan officials suggested that accepting such an agreement could trigger domestic upheaval and require changes to foundational state documents',
        attribution: 'Pakistani government officials',
      },
    ]);
    expect(b?.conversationTitle).toBe('The Hearth Conversation');
    expect(b?.conversationSubtitle).toBe('Another angle on the story');
    expect(glossary.passages['conversation-a5']?.text).toBe(
      'The administration either backs down quietly or uses it as a reason to blame allies for failed diplomacy. Either way, the trust erodes.',
    );
    expect(Object.keys(glossary.passages)).toHaveLength(1 + 1 + 5 + 4 + 6 + 1 + 10);
  });

  it('has the five conversation pairs as the source gives them', () => {
    const conv = result.glossary.qa.filter((q) => q.origin === 'conversation');
    expect(conv.map((q) => q.id)).toEqual(['conv-1', 'conv-2', 'conv-3', 'conv-4', 'conv-5']);
    expect(conv[1]?.question).toBe(
      "And Pakistan specifically—why is it so resistant? It's already a US ally.",
    );
    expect(conv[1]?.questionPassage).toBe('conversation-q2');
    expect(conv[1]?.answerPassage).toBe('conversation-a2');
  });

  it('meets the coverage the product needs', () => {
    const { glossary } = result;
    expect(glossary.topics.length).toBeGreaterThanOrEqual(6);
    expect(glossary.terms.length).toBeGreaterThanOrEqual(22);
    const ids = new Set(glossary.terms.map((t) => t.id));
    for (const id of [
      'abraham-accords',
      'normalization',
      'iran-nuclear-talks',
      'iran-regional-influence',
      'pakistan',
      'uae',
      'bahrain',
      'israel',
      'israeli-palestinian-conflict',
      'palestinian-statehood',
      'muslim-majority-countries',
      'trump-administration',
      'linkage',
      'maximalism',
      'leverage',
      'coercion',
      'sovereignty',
      'domestic-upheaval',
      'foundational-state-documents',
      'nuclear-armed',
      'regional-cohesion',
      'us-allies',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    for (const t of glossary.terms) {
      expect(t.citations.length, t.id).toBeGreaterThan(0);
      expect(t.short.length, t.id).toBeLessThanOrEqual(280);
      expect(t.qa.length, t.id).toBeLessThanOrEqual(3);
    }
    for (const q of glossary.qa) expect(q.citations.length, q.id).toBeGreaterThan(0);
  });

  it('marks terms with other meanings elsewhere as contextual, with rich signals', () => {
    const byId = new Map(result.glossary.terms.map((t) => [t.id, t]));
    for (const id of [
      'normalization',
      'leverage',
      'coercion',
      'sovereignty',
      'maximalism',
      'pakistan',
      'uae',
      'bahrain',
      'israel',
      'domestic-upheaval',
      'us-allies',
    ]) {
      const t = byId.get(id);
      expect(t?.mode, id).toBe('contextual');
      // Authored signals expand to at least five distinct forms.
      expect(t?.signals.length, id).toBeGreaterThanOrEqual(5);
    }
    expect(byId.get('abraham-accords')?.mode).toBe('unambiguous');
  });

  it('maps the forms readers meet to the right terms, and not the ambiguous ones', () => {
    const table = new Map(result.glossary.aliases.map((a) => [a.norm, a.term]));
    const expected: Record<string, string> = {
      'abraham accord': 'abraham-accords',
      'abraham accords': 'abraham-accords',
      emirati: 'uae',
      uae: 'uae',
      'united arab emirates': 'uae',
      bahraini: 'bahrain',
      pakistani: 'pakistan',
      "pakistan's": 'pakistan',
      'iran nuclear deal': 'iran-nuclear-talks',
      'iran nuclear talks': 'iran-nuclear-talks',
      'iran nuclear agreement': 'iran-nuclear-talks',
      'israeli palestinian conflict': 'israeli-palestinian-conflict',
      'muslim majority country': 'muslim-majority-countries',
      'muslim majority countries': 'muslim-majority-countries',
      'nuclear armed': 'nuclear-armed',
      maximalist: 'maximalism',
      normalizing: 'normalization',
      normalise: 'normalization',
      normalisation: 'normalization',
      'normalised relations': 'normalization',
      "iran's regional influence": 'iran-regional-influence',
      'trump administration': 'trump-administration',
      "trump administration's": 'trump-administration',
      'palestinian statehood': 'palestinian-statehood',
    };
    for (const [norm, id] of Object.entries(expected)) expect(table.get(norm), norm).toBe(id);
    for (const ambiguous of [
      'iran',
      'iranian',
      'washington',
      'the administration',
      'administration',
      'the accords',
      'accords',
    ]) {
      expect(table.has(ambiguous), ambiguous).toBe(false);
    }
  });

  it('lists exclusions for the other senses of ambiguous words', () => {
    const ex = new Map(result.glossary.exclusions.map((e) => [e.norm, e.term]));
    expect(ex.get('type coercion')).toBe('coercion');
    expect(ex.get('database normalisation')).toBe('normalization');
    expect(ex.get('bahrain grand prix')).toBe('bahrain');
  });

  it('prebuilds a Fuse index the popup can load without re-indexing', () => {
    const { keys, docs, index } = result.search;
    const fuse = new Fuse<SearchDoc>(
      docs,
      { keys, threshold: 0.4 },
      Fuse.parseIndex<SearchDoc>(index as Parameters<typeof Fuse.parseIndex>[0]),
    );
    expect(fuse.search('abraham acords')[0]?.item.id).toBe('abraham-accords');
    expect(docs.filter((d) => d.kind === 'term')).toHaveLength(result.glossary.terms.length);
    expect(docs.filter((d) => d.kind === 'qa')).toHaveLength(result.glossary.qa.length);
  });

  it('is deterministic: the same packs, in any order, give byte-identical output', () => {
    const a = compileGlossary([bundled, fixture]);
    const b = compileGlossary([fixture, bundled]);
    const c = compileGlossary([structuredClone(fixture), structuredClone(bundled)]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });
});

describe('validation', () => {
  it('accepts the bundled pack unchanged', () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  it('rejects a quote that is not verbatim in its passage, naming file, path and passage', () => {
    const problems = problemsAfter((p) => {
      const t = term(p, 'pakistan');
      (t.citations[0] as { quote: string }).quote =
        'Pakistan, a nuclear-armed US ally with a population of over 300 million';
    });
    const i = termIndex(bundled.pack as PackInput, 'pakistan');
    expect(problems).toEqual([`${BUNDLED_FILE}: terms[${i}].citations[0].quote is not in passage report-3`]);
  });

  it('folds whitespace when comparing quotes', () => {
    const problems = problemsAfter((p) => {
      const t = term(p, 'pakistan');
      const c = t.citations[0] as { quote: string };
      c.quote = c.quote.replace(/ /g, '\n   ');
    });
    expect(problems).toEqual([]);
  });

  it('breaks when a cited word changes in the source', () => {
    const problems = problemsAfter(
      () => {},
      (text) => text.replace('political costs it cannot absorb', 'political costs it can absorb'),
    );
    const i = termIndex(bundled.pack as PackInput, 'pakistan');
    expect(problems).toContain(`${BUNDLED_FILE}: terms[${i}].citations[0].quote is not in passage report-3`);
  });

  it('checks authored Q&A citations too', () => {
    const problems = problemsAfter(
      () => {},
      (text) =>
        text.replace(
          'The administration has linked two problems',
          'The administration has joined two problems',
        ),
    );
    const qa = (bundled.pack as PackInput).qa ?? [];
    const i = qa.findIndex((q) => q.id === 'qa-what-is-linkage');
    expect(problems).toContain(`${BUNDLED_FILE}: qa[${i}].citations[2].quote is not in passage report-6`);
  });

  it('rejects an unknown passage', () => {
    const problems = problemsAfter((p) => {
      (term(p, 'uae').citations[0] as { passage: string }).passage = 'report-9';
    });
    const i = termIndex(bundled.pack as PackInput, 'uae');
    expect(problems).toEqual([
      `${BUNDLED_FILE}: terms[${i}].citations[0].passage "report-9" is not a passage of coercion-not-partnership`,
    ]);
  });

  it('rejects a term without citations, and an authored answer without citations', () => {
    const problems = problemsAfter((p) => {
      term(p, 'bahrain').citations = [];
      const first = p.qa?.[0];
      if (first) first.citations = [];
    });
    const i = termIndex(bundled.pack as PackInput, 'bahrain');
    expect(problems).toEqual([
      `${BUNDLED_FILE}: terms[${i}].citations must have at least one citation`,
      `${BUNDLED_FILE}: qa[0].citations must have at least one citation`,
    ]);
  });

  it('rejects an unknown topic', () => {
    const problems = problemsAfter((p) => {
      term(p, 'leverage').topic = 'finance';
    });
    const i = termIndex(bundled.pack as PackInput, 'leverage');
    expect(problems).toEqual([`${BUNDLED_FILE}: terms[${i}].topic "finance" is not a declared topic`]);
  });

  it('rejects unknown related terms and Q&A ids', () => {
    const problems = problemsAfter((p) => {
      const t = term(p, 'coercion');
      t.related = ['leverage', 'extortion'];
      t.qa = ['conv-9'];
    });
    const i = termIndex(bundled.pack as PackInput, 'coercion');
    expect(problems).toEqual([
      `${BUNDLED_FILE}: terms[${i}].related[1] "extortion" is not a known term`,
      `${BUNDLED_FILE}: terms[${i}].qa[0] "conv-9" is not a known Q&A id`,
    ]);
  });

  it('rejects duplicate ids', () => {
    const problems = problemsAfter((p) => {
      term(p, 'leverage').id = 'coercion';
      p.topics.push({ ...(p.topics[0] as PackInput['topics'][number]) });
    });
    expect(
      problems.some((m) =>
        /terms\[\d+\]\.id term "coercion" is already used by .*pack\.ts terms\[\d+\]/.test(m),
      ),
    ).toBe(true);
    expect(
      problems.some((m) => m.includes(`topics[7].id topic "abraham-accords-normalization" is already used`)),
    ).toBe(true);
  });

  it('rejects an explainer over 280 characters', () => {
    const problems = problemsAfter((p) => {
      term(p, 'israel').short = 'x'.repeat(281);
    });
    const i = termIndex(bundled.pack as PackInput, 'israel');
    expect(problems).toEqual([`${BUNDLED_FILE}: terms[${i}].short is 281 characters, over the 280 limit`]);
  });

  it('rejects an alias claimed by two terms unless one declares it outranks the other', () => {
    const collide = (p: PackInput) => {
      term(p, 'coercion').aliases.push('Leverage');
    };
    const problems = problemsAfter(collide);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /"Leverage" of term coercion and "leverage" of term leverage .* both normalise to "leverage"/,
    );
    expect(problems[0]).toContain('outranks');

    const resolved = structuredClone(bundled.pack) as PackInput;
    collide(resolved);
    term(resolved, 'coercion').outranks = ['leverage'];
    const { glossary } = compileGlossary([{ ...bundled, pack: resolved }]);
    expect(glossary.aliases.find((a) => a.norm === 'leverage')?.term).toBe('coercion');
  });

  it('rejects a generated variant that collides with another term’s alias', () => {
    // "Pakistanis" is generated from the alias "Pakistani"; here another term authors it.
    const problems = problemsAfter((p) => {
      term(p, 'muslim-majority-countries').aliases.push('Pakistanis');
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/a variant of "Pakistani" of term pakistan .*both normalise to "pakistanis"/);
  });

  it('rejects a contextual term without signals', () => {
    const problems = problemsAfter((p) => {
      term(p, 'sovereignty').signals = [];
    });
    const i = termIndex(bundled.pack as PackInput, 'sovereignty');
    expect(problems).toEqual([
      `${BUNDLED_FILE}: terms[${i}].signals must list the signals of a contextual term`,
    ]);
  });

  it('rejects a signal that is one of the term’s own aliases (it could never vouch for it)', () => {
    const problems = problemsAfter((p) => {
      term(p, 'leverage').signals?.push('diplomatic leverage');
    });
    const i = termIndex(bundled.pack as PackInput, 'leverage');
    const j = (term(bundled.pack as PackInput, 'leverage').signals ?? []).length;
    expect(problems).toEqual([
      `${BUNDLED_FILE}: terms[${i}].signals[${j}] "diplomatic leverage" is one of leverage's own aliases`,
    ]);
  });

  it('rejects a topic that no term uses', () => {
    const problems = problemsAfter((p) => {
      p.topics.push({ id: 'empty', name: 'Empty', description: 'Nothing here.', defaultOn: true });
    });
    expect(problems).toEqual([`${BUNDLED_FILE}: topics[7] "empty" has no terms`]);
  });

  it('rejects an exclusion that contains none of the term’s aliases', () => {
    const problems = problemsAfter((p) => {
      term(p, 'leverage').exclusions = ['margin call'];
    });
    const i = termIndex(bundled.pack as PackInput, 'leverage');
    expect(problems).toEqual([
      `${BUNDLED_FILE}: terms[${i}].exclusions[0] "margin call" contains none of leverage's aliases`,
    ]);
  });

  it('reports shape errors with their path: bad ids, unknown fields, missing fields', () => {
    const problems = problemsAfter((p) => {
      term(p, 'uae').id = 'UAE';
      (term(p, 'bahrain') as Record<string, unknown>).colour = 'red';
      delete (term(p, 'israel') as Partial<PackInput['terms'][number]>).label;
    });
    const at = (id: string) => termIndex(bundled.pack as PackInput, id);
    expect(problems).toContain(`${BUNDLED_FILE}: terms[${at('uae')}].id must be a kebab-case id, got "UAE"`);
    expect(problems).toContain(`${BUNDLED_FILE}: terms[${at('bahrain')}].colour is not a known field`);
    expect(problems).toContain(`${BUNDLED_FILE}: terms[${at('israel')}].label is missing`);
  });

  it('rejects a line map that does not fit the source', () => {
    const problems = problemsAfter((p) => {
      p.source.report = [12, 16];
      p.source.keyPoints = [2, 7];
    });
    expect(problems).toContain(
      `${BUNDLED_FILE}: source.keyPoints claims line 2, already claimed by source.standfirst`,
    );
    expect(problems).toContain(`${BUNDLED_FILE}: source.keyPoints: line 2 does not start with "- "`);
    expect(problems).toContain(`${BUNDLED_FILE}: source.txt line 17 is in no part of source's line map`);
  });

  it('rejects a quote line without attribution', () => {
    const problems = problemsAfter(
      () => {},
      (text) =>
        text.replace('documents— Pakistani government officials', 'documents, said Pakistani officials'),
    );
    expect(problems).toContain(`${BUNDLED_FILE}: source.quotes: line 19 has no " — attribution"`);
  });

  it('rejects a pack whose id is not its folder name', () => {
    expect(() => compileGlossary([{ ...bundled, folder: 'other' }])).toThrow(
      `${BUNDLED_FILE}: id "coercion-not-partnership" must equal its folder name "other"`,
    );
  });

  it('lists every problem at once', () => {
    const problems = problemsAfter((p) => {
      term(p, 'leverage').topic = 'finance';
      term(p, 'israel').short = 'x'.repeat(300);
      (term(p, 'uae').citations[0] as { passage: string }).passage = 'nowhere';
    });
    // The schema error stops that pack's cross-reference checks, so only it is listed here…
    expect(problems).toHaveLength(1);
    // …while cross-reference problems are all listed together.
    const more = problemsAfter((p) => {
      term(p, 'leverage').topic = 'finance';
      (term(p, 'uae').citations[0] as { passage: string }).passage = 'nowhere';
      term(p, 'coercion').related = ['nobody'];
    });
    expect(more).toHaveLength(3);
  });
});

describe('two briefings together', () => {
  it('merge their topics, terms, Q&A and passages', () => {
    const { glossary, search } = compileGlossary([bundled, fixture]);
    expect(glossary.briefings.map((b) => b.id)).toEqual(['coercion-not-partnership', 'river-town-meters']);
    expect(glossary.topics.filter((t) => t.briefing === 'river-town-meters').map((t) => t.id)).toEqual([
      'water-utilities',
      'household-bills',
    ]);
    const meters = glossary.terms.filter((t) => t.briefing === 'river-town-meters');
    expect(meters.map((t) => t.id)).toEqual(['smart-meter', 'tiered-pricing', 'leak-detection']);
    // Derived ids carry the pack's prefix, so both briefings have a headline and a conv-1.
    expect(glossary.passages.headline?.briefing).toBe('coercion-not-partnership');
    expect(glossary.passages['meters-headline']?.text).toBe('Smart water meters divide a river town');
    expect(glossary.qa.map((q) => q.id)).toContain('meters-conv-1');
    expect(meters[0]?.citations[0]?.passage).toBe('meters-key-1');
    expect(glossary.aliases.find((a) => a.norm === 'detecting leaks')?.term).toBe('leak-detection');
    expect(search.docs.some((d) => d.id === 'tiered-pricing')).toBe(true);
  });

  it('reject an id used by both', () => {
    const pack = structuredClone(fixture.pack) as PackInput;
    term(pack, 'tiered-pricing').id = 'leverage';
    expect(() => compileGlossary([bundled, { ...fixture, pack }])).toThrow(
      /tests\/fixtures\/briefings\/river-town-meters\/pack\.ts: terms\[1\]\.id term "leverage" is already used by glossary\/briefings\/coercion-not-partnership\/pack\.ts terms\[\d+\]/,
    );
  });

  it('reject the same derived ids when neither pack sets an id prefix', () => {
    const pack = structuredClone(fixture.pack) as PackInput;
    pack.source.idPrefix = '';
    const problems = (() => {
      try {
        compileGlossary([bundled, { ...fixture, pack }]);
        return [];
      } catch (err) {
        return (err as GlossaryError).problems;
      }
    })();
    expect(problems).toContain(
      'tests/fixtures/briefings/river-town-meters/pack.ts: source passage id "headline" is already used by glossary/briefings/coercion-not-partnership/pack.ts source',
    );
  });
});

describe('glossary:check (the CLI)', () => {
  const cli = join(ROOT, 'glossary/cli.ts');
  const tsx = join(ROOT, 'node_modules/.bin/tsx');

  /** A copy of the bundled briefing folder in a temp dir, its schema import pointed back at the repo. */
  function copyBundled(): string {
    const root = mkdtempSync(join(tmpdir(), 'glossary-'));
    const dir = join(root, 'briefings/coercion-not-partnership');
    cpSync(BUNDLED_DIR, dir, { recursive: true });
    const packPath = join(dir, 'pack.ts');
    const schema = join(ROOT, 'glossary/schema.ts');
    writeFileSync(packPath, readFileSync(packPath, 'utf8').replace("'../../schema'", JSON.stringify(schema)));
    return root;
  }

  it('writes both generated files for a valid folder', () => {
    const root = copyBundled();
    const stdout = execFileSync(tsx, [cli, join(root, 'briefings'), join(root, 'out')], { encoding: 'utf8' });
    expect(stdout).toMatch(/1 briefing\(s\), 7 topics, \d+ terms/);
    const glossary = JSON.parse(readFileSync(join(root, 'out/glossary.json'), 'utf8'));
    const search = JSON.parse(readFileSync(join(root, 'out/search-index.json'), 'utf8'));
    expect(glossary.terms.length).toBeGreaterThanOrEqual(22);
    expect(glossary.search).toBeUndefined();
    expect(search.docs.length).toBe(glossary.terms.length + glossary.qa.length);
  }, 30_000);

  it('fails with a precise message when a cited quote is altered in the source', () => {
    const root = copyBundled();
    const source = join(root, 'briefings/coercion-not-partnership/source.txt');
    writeFileSync(
      source,
      readFileSync(source, 'utf8').replace('manageable domestic opposition', 'modest domestic opposition'),
    );
    const run = spawnSync(tsx, [cli, join(root, 'briefings'), join(root, 'out')], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    const i = (bundled.pack as PackInput).terms.findIndex((t) => t.id === 'abraham-accords');
    expect(run.stderr).toMatch(
      new RegExp(
        `briefings/coercion-not-partnership/pack\\.ts: terms\\[${i}\\]\\.citations\\[1\\]\\.quote is not in passage analysis-3`,
      ),
    );
  }, 30_000);
});
