// The card's stylesheet (card.css), injected into its shadow root. `:host` rules are `!important` because
// inside a shadow tree they win over the page's own `!important` rules on the host (the cascade favours
// the inner context for important declarations), so no page CSS can move, hide or restyle the card.
// No @font-face or @property there: inside a shadow root browsers ignore them.
// Imported as a string and minified by the build: the card ships in every page's content script.
import css from './card.css?inline';

export const CARD_CSS: string = css;
