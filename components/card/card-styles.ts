// The card's stylesheet, injected into its shadow root. `:host` rules are `!important` because inside a
// shadow tree they win over the page's own `!important` rules on the host (the cascade favours the inner
// context for important declarations), so no page CSS can move, hide or restyle the card.
// No @font-face or @property here: inside a shadow root browsers ignore them.
export const CARD_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  pointer-events: auto !important;
  color-scheme: light dark;
}
.bl-card {
  --bg: #ffffff;
  --fg: #202122;
  --muted: #54595d;
  --border: #c8ccd1;
  --rule: #eaecf0;
  --accent: #3366cc;
  --accent-fg: #ffffff;
  --chip: #f1f4fd;
  --chip-fg: #2a4b8d;
  --quote-bar: #b45309;
  --shadow: 0 4px 18px rgba(0, 0, 0, 0.16), 0 1px 3px rgba(0, 0, 0, 0.08);
  position: fixed;
  top: 0;
  left: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(360px, calc(100vw - 16px));
  min-width: 240px;
  max-height: calc(100vh - 16px);
  overflow: auto;
  overscroll-behavior: contain;
  margin: 0;
  padding: 14px 16px 12px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--border);
  border-radius: 8px;
  box-shadow: var(--shadow);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 14px;
  font-weight: 400;
  line-height: 1.5;
  text-align: left;
  letter-spacing: normal;
  word-wrap: break-word;
  overflow-wrap: break-word;
  user-select: text;
  -webkit-user-select: text;
  cursor: auto;
  animation: bl-in 120ms ease-out;
}
@media (prefers-color-scheme: dark) {
  .bl-card {
    --bg: #202122;
    --fg: #eaecf0;
    --muted: #a2a9b1;
    --border: #54595d;
    --rule: #3a3d40;
    --accent: #88a3e8;
    --accent-fg: #101418;
    --chip: #2a2f3a;
    --chip-fg: #c5d3f6;
    --quote-bar: #f59e0b;
    --shadow: 0 4px 18px rgba(0, 0, 0, 0.5);
  }
}
/* A card open while printing would cover the article on paper. */
@media print {
  :host { display: none !important; }
}
@keyframes bl-in {
  from { opacity: 0; transform: translateY(-2px); }
  to { opacity: 1; transform: none; }
}
@media (prefers-reduced-motion: reduce) {
  .bl-card, .bl-card * { animation: none !important; transition: none !important; }
}
.bl-card[data-hidden] { visibility: hidden; }
/* Until it is placed: invisible but focusable, so keyboard opening can move focus at once. */
.bl-card[data-unplaced] { opacity: 0; pointer-events: none; animation: none; }
.bl-card *, .bl-card *::before, .bl-card *::after { box-sizing: border-box; }
.bl-card:focus { outline: none; }
.bl-card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.bl-head { display: flex; align-items: flex-start; gap: 8px; margin: 0 0 6px; }
.bl-titles { flex: 1 1 auto; min-width: 0; }
.bl-title { margin: 0; font-size: 17px; font-weight: 600; line-height: 1.3; color: var(--fg); }
.bl-topic { margin: 2px 0 0; font-size: 12px; color: var(--muted); }
.bl-tools { display: flex; gap: 2px; flex: none; margin: -4px -8px 0 0; }
.bl-icon {
  display: inline-flex; align-items: center; justify-content: center;
  width: 28px; height: 28px; padding: 0; margin: 0;
  border: 0; border-radius: 4px; background: transparent; color: var(--muted);
  font: inherit; font-size: 16px; line-height: 1; cursor: pointer;
}
.bl-icon:hover { background: var(--rule); color: var(--fg); }
.bl-icon[aria-pressed='true'] { color: var(--accent); background: var(--chip); }
.bl-icon svg { width: 16px; height: 16px; fill: currentColor; }
.bl-short, .bl-long, .bl-answer, .bl-note { margin: 0 0 8px; }
.bl-long { color: var(--fg); }
.bl-link, .bl-more {
  display: inline; padding: 0; margin: 0; border: 0; background: none;
  font: inherit; color: var(--accent); text-decoration: none; cursor: pointer;
}
.bl-link:hover, .bl-more:hover { text-decoration: underline; }
.bl-more { margin-bottom: 8px; }
.bl-section { margin: 10px 0 0; padding: 10px 0 0; border-top: 1px solid var(--rule); }
.bl-heading {
  margin: 0 0 6px; font-size: 11px; font-weight: 600; letter-spacing: 0.04em;
  text-transform: uppercase; color: var(--muted);
}
.bl-qa { list-style: none; margin: 0; padding: 0; }
.bl-qa li { margin: 0 0 4px; padding: 0; }
.bl-question {
  display: flex; gap: 6px; width: 100%; padding: 3px 0; margin: 0; border: 0; background: none;
  font: inherit; color: var(--fg); text-align: left; cursor: pointer;
}
.bl-question:hover .bl-qtext { text-decoration: underline; }
.bl-caret {
  flex: none; display: inline-block; width: 10px; height: 1.5em; line-height: 1.5em; text-align: center;
  color: var(--muted); transition: transform 120ms ease;
}
.bl-question[aria-expanded='true'] .bl-caret { transform: rotate(90deg); }
.bl-answer { padding: 2px 0 4px 16px; color: var(--fg); }
.bl-quote {
  margin: 0 0 6px; padding: 0 0 0 10px; border-left: 3px solid var(--quote-bar);
  font-style: italic; color: var(--fg);
}
.bl-chips { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; }
.bl-chip {
  padding: 2px 10px; margin: 0; border: 1px solid transparent; border-radius: 999px;
  background: var(--chip); color: var(--chip-fg); font: inherit; font-size: 13px; cursor: pointer;
}
.bl-chip:hover { border-color: var(--chip-fg); }
/* Kept in view at the bottom of a card taller than the room it has: the actions are always one move away. */
.bl-actions {
  position: sticky; bottom: -12px; z-index: 1;
  display: flex; flex-wrap: wrap; gap: 12px;
  margin: 10px -16px -12px; padding: 8px 16px 12px;
  background: var(--bg); border-top: 1px solid var(--rule);
}
.bl-action {
  padding: 0; margin: 0; border: 0; background: none; font: inherit; font-size: 12px;
  color: var(--muted); cursor: pointer;
}
.bl-action:hover { color: var(--fg); text-decoration: underline; }
.bl-card button:focus-visible, .bl-card a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; border-radius: 3px; }
`;
