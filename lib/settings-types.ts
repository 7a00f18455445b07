// The shape of the user's settings (current version). The store, schema, migrations and live
// watching live in lib/settings.ts; this file only names the shape so every module agrees on it.

export type Trigger = 'hover' | 'alt-hover' | 'click';
export type HighlightStyle = 'underline' | 'background' | 'none';

export interface Settings {
  /** Topic ids the reader turned off (topics not listed follow their `defaultOn`). */
  topicsOff: string[];
  /** Topic ids the reader turned on although off by default. */
  topicsOn: string[];
  /** Term ids the reader hid. */
  hiddenTerms: string[];
  /** Host names or `*.example.com` patterns where the extension does not mark anything. */
  pausedSites: string[];
  /** Host names marked although a wildcard in `pausedSites` covers them ("resume on this site only"). */
  pauseExceptions: string[];
  trigger: Trigger;
  /** Hover dwell before a card opens, in ms. */
  dwellMs: number;
  highlightStyle: HighlightStyle;
  /** CSS colour for the marks, e.g. `#b45309`. */
  highlightColor: string;
  firstOccurrenceOnly: boolean;
  showQA: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  topicsOff: [],
  topicsOn: [],
  hiddenTerms: [],
  pausedSites: [],
  pauseExceptions: [],
  trigger: 'hover',
  dwellMs: 300,
  highlightStyle: 'underline',
  highlightColor: '#b45309',
  firstOccurrenceOnly: false,
  showQA: true,
};
