// Labeled-page evaluation in Node: a page's visible text is cut into blocks the way the page layer does
// (text nodes joined per block-level element, skipping script, style, code, form fields and hidden
// subtrees), scanned, tallied per page and per article region, and decided. Shared by the dev-set and
// held-out tests; the real-browser version of this check lives with the page layer.

import { Window } from 'happy-dom';
import { addToTally } from '../../lib/match/context';
import type { createEngine } from '../../lib/match/engine';
import type { SignalTally } from '../../lib/match/types';

export interface LabeledCase {
  id: string;
  page: 'on-topic' | 'off-topic';
  html: string;
  expect: Array<{ text: string; concept: string; fuzzy?: boolean }>;
  forbid: Array<{ text: string; why?: string }>;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'CODE',
  'PRE',
]);
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DFN',
  'EM',
  'I',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'FONT',
  'LABEL',
]);

interface Block {
  text: string;
  region: Element;
}

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '') return true;
  const style = (el.getAttribute('style') ?? '').replace(/\s/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** Visible text blocks of a document: text nodes joined per nearest block-level element. */
export function blocksOf(doc: Document): Block[] {
  const blocks: Block[] = [];
  const walk = (el: Element, block: { text: string; region: Element }) => {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) {
        block.text += node.textContent ?? '';
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      if (SKIP.has(child.tagName) || hidden(child)) continue;
      if (child.tagName === 'BR') {
        block.text += '\n';
      } else if (INLINE.has(child.tagName)) {
        walk(child, block);
      } else {
        const region = ['ARTICLE', 'MAIN'].includes(child.tagName) || child.getAttribute('role') === 'main';
        const inner = { text: '', region: region ? child : block.region };
        walk(child, inner);
        if (inner.text.trim()) blocks.push(inner);
        // Text after a nested block belongs to a new anonymous block.
        if (block.text.trim()) blocks.push({ ...block });
        block.text = '';
      }
    }
  };
  const body = doc.body;
  const top = { text: '', region: body };
  walk(body, top);
  if (top.text.trim()) blocks.push(top);
  return blocks;
}

export interface Painted {
  block: number;
  start: number;
  end: number;
  term: string;
  text: string;
}

export function paint(engine: ReturnType<typeof createEngine>, blocks: Block[]): Painted[] {
  const page: SignalTally = new Map();
  const regions = new Map<Element, SignalTally>();
  const scans = blocks.map((b) => engine.scan(b.text));
  scans.forEach((s, i) => {
    const region = (blocks[i] as Block).region;
    const tally = regions.get(region) ?? new Map();
    regions.set(region, tally);
    addToTally(page, s.signals);
    addToTally(tally, s.signals);
  });
  const painted: Painted[] = [];
  scans.forEach((s, i) => {
    const b = blocks[i] as Block;
    for (const m of s.mentions) {
      if (!engine.allows(m.term, page, regions.get(b.region) ?? new Map())) continue;
      painted.push({
        block: i,
        start: m.start,
        end: m.end,
        term: m.term,
        text: b.text.slice(m.start, m.end),
      });
    }
  });
  return painted;
}

/** Occurrences of `needle` in a block, comparing with whitespace folded, as raw [start, end) spans. */
function occurrences(text: string, needle: string): Array<[number, number]> {
  const fold = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();
  const target = fold(needle.trim());
  // Fold the block while remembering raw offsets.
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const isSpace = /\s/.test(text[i] as string);
    if (isSpace && folded.endsWith(' ')) continue;
    folded += isSpace ? ' ' : (text[i] as string).toLowerCase();
    map.push(i);
  }
  const spans: Array<[number, number]> = [];
  for (let at = folded.indexOf(target); at >= 0; at = folded.indexOf(target, at + 1)) {
    spans.push([map[at] as number, (map[at + target.length - 1] as number) + 1]);
  }
  return spans;
}

export interface CaseResult {
  c: LabeledCase;
  painted: Painted[];
  missed: LabeledCase['expect'];
  forbidden: LabeledCase['forbid'];
}

/** Paints a labeled page with the engine and checks its expects and forbids. */
export function evaluate(engine: ReturnType<typeof createEngine>, c: LabeledCase): CaseResult {
  const window = new Window();
  window.document.write(c.html);
  const blocks = blocksOf(window.document as unknown as Document);
  const painted = paint(engine, blocks);
  window.close();
  const overlaps = (text: string, term?: string) =>
    blocks.some((b, i) =>
      occurrences(b.text, text).some(([s, e]) =>
        painted.some(
          (p) => p.block === i && p.start < e && s < p.end && (term === undefined || p.term === term),
        ),
      ),
    );
  return {
    c,
    painted,
    missed: c.expect.filter((x) => !overlaps(x.text, x.concept)),
    forbidden: c.forbid.filter((f) => !!overlaps(f.text)),
  };
}
