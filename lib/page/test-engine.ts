// A small, predictable engine for the page layer's unit tests (the real one is tested in lib/match):
// whole-word, case-insensitive aliases; "normalization" is contextual and needs the signal "israel".
import type { BlockScan, Engine, Mention, SignalTally } from '../match/types';

const ALIASES: [RegExp, string][] = [
  [/\babraham accords\b/gi, 'abraham-accords'],
  [/\bnormali[sz]ation\b/gi, 'normalization'],
  [/\bpakistan\b/gi, 'pakistan'],
];
const CONTEXTUAL = new Set(['normalization']);

export function createTestEngine(): Engine & { scans: string[] } {
  const scans: string[] = [];
  return {
    scans,
    scan(text: string): BlockScan {
      scans.push(text);
      const mentions: Mention[] = [];
      for (const [re, term] of ALIASES) {
        for (const m of text.matchAll(re)) {
          mentions.push({ start: m.index, end: m.index + m[0].length, term, fuzzy: false });
        }
      }
      mentions.sort((a, b) => a.start - b.start);
      const signals = /\bisrael\b/i.test(text) ? ['israel'] : [];
      return { mentions, signals };
    },
    allows(term: string, page: SignalTally, region: SignalTally): boolean {
      if (!CONTEXTUAL.has(term)) return true;
      return (page.get('israel') ?? 0) > 0 || (region.get('israel') ?? 0) > 0;
    },
  };
}
