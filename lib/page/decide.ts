// Which found mentions are shown: a pure function of the mentions (in document order), the signal
// tallies, the engine's context rule and the reader's settings. Re-run whenever any of them changes, so
// the result is always what reading the whole page first would give.
import type { SignalTally } from '../match/types';

export interface Candidate {
  term: string;
  /** The article region the mention sits in (its tally decides contextual terms). */
  region: object;
}

export interface DecideInput<C extends Candidate> {
  /** Every mention found, in document order. */
  candidates: Iterable<C>;
  page: SignalTally;
  regionTally(region: object): SignalTally;
  allows(term: string, page: SignalTally, region: SignalTally): boolean;
  /** Topic on and term not hidden. */
  termEnabled(term: string): boolean;
  firstOccurrenceOnly: boolean;
}

export function decide<C extends Candidate>(input: DecideInput<C>): C[] {
  const enabled = new Map<string, boolean>();
  // allows() depends only on (term, region) within one pass: cache it.
  const allowed = new Map<object, Map<string, boolean>>();
  const seenTerms = new Set<string>();
  const shown: C[] = [];
  for (const c of input.candidates) {
    if (input.firstOccurrenceOnly && seenTerms.has(c.term)) continue;
    let on = enabled.get(c.term);
    if (on === undefined) {
      on = input.termEnabled(c.term);
      enabled.set(c.term, on);
    }
    if (!on) continue;
    let byTerm = allowed.get(c.region);
    if (!byTerm) {
      byTerm = new Map();
      allowed.set(c.region, byTerm);
    }
    let ok = byTerm.get(c.term);
    if (ok === undefined) {
      ok = input.allows(c.term, input.page, input.regionTally(c.region));
      byTerm.set(c.term, ok);
    }
    if (!ok) continue;
    seenTerms.add(c.term);
    shown.push(c);
  }
  return shown;
}

/** Adds (sign 1) or removes (sign -1) one block's distinct signals to a tally. */
export function addSignals(tally: SignalTally, signals: readonly string[], sign: 1 | -1): void {
  for (const s of signals) {
    const n = (tally.get(s) ?? 0) + sign;
    if (n > 0) tally.set(s, n);
    else tally.delete(s);
  }
}
