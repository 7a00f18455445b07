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
  const candidates = term === undefined ? list : list.filter((m) => m.term === term);
  if (candidates.length === 0) return undefined;
  const wrap = direction === 1 ? candidates[0] : candidates.at(-1);
  if (!from) return wrap;
  if (direction === 1) {
    return candidates.find((m) => startsAfter(m.range, from)) ?? wrap;
  }
  for (let i = candidates.length - 1; i >= 0; i--) {
    const m = candidates[i];
    if (m && startsAfter(from, m.range)) return m;
  }
  return wrap;
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
