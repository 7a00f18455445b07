// Typed messages, one union per direction. Handlers check that the sender is this extension.

export interface PageTerm {
  id: string;
  label: string;
  topic: string;
  count: number;
  /** Page texts matched, up to 20. */
  samples: string[];
}

export interface PageTermsResponse {
  ready: boolean;
  terms: PageTerm[];
}

/** Popup / background → content script. */
export type ToContent =
  | { type: 'get-page-terms' }
  | { type: 'focus-term'; id: string }
  | { type: 'next-term' }
  | { type: 'previous-term' }
  | { type: 'explain-selection'; text: string };

/** Content script / popup → background. */
export type ToBackground =
  | { type: 'page-terms-changed'; count: number }
  | { type: 'open-briefing'; hash: string };

export const MAX_SAMPLES = 20;
