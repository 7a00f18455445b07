// The matching engine's contract, shared by lib/match (which implements it) and lib/page (which uses it).

/** A mention of a term found in a block of page text. Offsets index into the raw (unnormalised) text. */
export interface Mention {
  start: number;
  end: number;
  term: string;
  /** Found by the near-miss (typo) layer rather than the exact phrase index. */
  fuzzy: boolean;
}

/**
 * What one pass over a block of text finds: term mentions, and the context signals present in it.
 * Treat it as read-only: blocks with nothing in them all share one frozen result.
 */
export interface BlockScan {
  mentions: Mention[];
  /** Ids of the distinct context signals present in the block (see `Engine.allows`). */
  signals: string[];
}

/** Counts of distinct signals seen in some scope (the page, or one article region). */
export type SignalTally = Map<string, number>;

export interface Engine {
  /** One pass over a block's raw text: exact phrase matches (longest first, whole words), near misses, signals. */
  scan(text: string): BlockScan;
  /**
   * Whether a mention of `term` may be shown given the signals seen on the whole page and in the mention's
   * article region. Unambiguous terms always pass; contextual ones need enough of their briefing's signals.
   */
  allows(term: string, page: SignalTally, region: SignalTally): boolean;
  /**
   * Builds now whatever the first scan would otherwise build (see `lazyEngine`): the page layer calls it
   * once the page has rendered, as a task of its own, before it starts scanning.
   */
  prepare?(): void;
}
