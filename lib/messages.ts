// Typed messages, one union per direction. Handlers check that the sender is this extension
// (`sender.id === browser.runtime.id`) and ignore anything else.

export interface PageTerm {
  id: string;
  label: string;
  topic: string;
  count: number;
  /** Page texts matched, up to 20. */
  samples: string[];
}

/** DESIGN.md contract 1, plus the page's host and whether marking is paused there (for the popup). */
export interface PageTermsResponse {
  ready: boolean;
  terms: PageTerm[];
  host?: string;
  paused?: boolean;
}

/** Cost of the content script's scans, for the benchmark. */
export interface ScanStats {
  ready: boolean;
  /**
   * Main-thread time spent scanning and painting up to `ready`, in ms: the sum of the scan's slices plus
   * building the matching engine (`engineMs`, paid on a page's first scan only).
   */
  cpuMs: number;
  /** Of `cpuMs`, the time building the matching engine took. */
  engineMs: number;
  /** Wall time from the scan's start to `ready`, in ms. */
  wallMs: number;
  slices: number;
  longestSliceMs: number;
  mentions: number;
  /** Slice time spent on mutation rescans since the first scan was ready, in ms. */
  rescanCpuMs: number;
}

/** Popup / background → content script. */
export type ToContent =
  | { type: 'get-page-terms' }
  | { type: 'get-scan-stats' }
  /** Scroll to the next occurrence of a term (after the last focused one) and open its card. */
  | { type: 'focus-term'; id: string }
  | { type: 'next-term' }
  | { type: 'previous-term' }
  | { type: 'toggle-site' }
  /** "Explain selection": the background's lookup result for the current selection. */
  | { type: 'explain-selection'; text: string; term?: string; suggestions: string[] };

/** Content script / popup / options → background. */
export type ToBackground =
  /** The number of distinct terms shown on the sender's tab changed (for the badge). */
  | { type: 'page-terms-changed'; count: number; paused: boolean }
  /** Open the full briefing (`popup.html#…`) in a tab. */
  | { type: 'open-briefing'; hash: string };

export const MAX_SAMPLES = 20;
