// Keyboard navigation between shown mentions: which one the next/previous command (or the popup's
// "On this page" list) goes to. Mentions come in document order from the page index.
import type { ShownMention } from '../page/types';

export type Direction = 1 | -1;

/**
 * The mention after (or before) `from` in document order, wrapping around; the first (or last) when
 * there is no `from`. With `term`, only that term's mentions count. `from` need not be in `list` any
 * more (a rescan may have replaced it): its range's position is what counts.
 */
export function stepMention(
  list: readonly ShownMention[],
  from: Range | undefined,
  direction: Direction,
  term?: string,
): ShownMention | undefined {
  // One linear pass, not a search in a sorted list: the index may hand mentions over in scan order
  // (viewport first), so document order is established here by comparing ranges.
  const before = (a: Range, b: Range) => startsAfter(b, a);
  let best: ShownMention | undefined;
  let wrap: ShownMention | undefined;
  for (const m of list) {
    if (term !== undefined && m.term !== term) continue;
    // `wrap` is the first mention in document order going forward, the last going back.
    if (!wrap || (direction === 1 ? before(m.range, wrap.range) : before(wrap.range, m.range))) wrap = m;
    if (!from) continue;
    const beyond = direction === 1 ? before(from, m.range) : before(m.range, from);
    if (!beyond) continue;
    if (!best || (direction === 1 ? before(m.range, best.range) : before(best.range, m.range))) best = m;
  }
  return best ?? wrap;
}

/** Whether `a` starts strictly after `b` starts. */
function startsAfter(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b) > 0;
  } catch {
    // Ranges in different documents or shadow trees cannot be compared: treat as not after.
    return false;
  }
}
