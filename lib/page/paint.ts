// Paints mentions with the CSS Custom Highlight API: live Ranges in `CSS.highlights`, so the page's DOM,
// text, selection, copy/paste and find-in-page are untouched. The default look comes from the
// manifest-injected stylesheet (entrypoints/content/style.css); the reader's style and colour are applied
// with an adopted constructed stylesheet, which is not part of the DOM either.
import type { HighlightStyle } from '../settings-types';

export const HIGHLIGHT_NAME = 'briefing-lens';
export const ACTIVE_HIGHLIGHT_NAME = 'briefing-lens-active';
export const DEFAULT_COLOR = '#b45309';

/**
 * Past this many marks, only those near the viewport are registered with the browser. Every rendering
 * update after a highlight change (and after any DOM change on the page) makes Chromium rebuild its
 * markers for every registered range: ~7,000 ranges cost 30–77 ms per such frame on the bench's 5 MB
 * page, one range costs nothing measurable. Below the threshold everything is painted at once.
 */
export const WINDOWED_AFTER = 1000;
/** How far around the viewport marks stay registered (IntersectionObserver root margin). */
const WINDOW_MARGIN = '150% 0px';

/** Marks registered only near the viewport, grouped by the element holding their start. */
interface Windowed {
  io: IntersectionObserver;
  byEl: Map<Element, Set<Range>>;
  elOf: Map<Range, Element>;
  near: Set<Element>;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

function highlightApi(): { registry: HighlightRegistry; Ctor: HighlightCtor } | undefined {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Ctor = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  if (!css?.highlights || !Ctor) return undefined;
  return { registry: css.highlights, Ctor };
}

/** A colour the reader chose, if it is one CSS accepts; anything else falls back (it is spliced into CSS). */
export function safeColor(color: string): string {
  const plain = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl|oklch|oklab)a?\([0-9.,%\s/a-z-]+\))$/i.test(
    color.trim(),
  );
  if (!plain) return DEFAULT_COLOR;
  const supports = (globalThis as { CSS?: { supports?: (p: string, v: string) => boolean } }).CSS?.supports;
  return supports && !supports('color', color) ? DEFAULT_COLOR : color.trim();
}

/**
 * Relative luminance (0 black … 1 white) of a computed `rgb()`/`rgba()` colour, or undefined when it is
 * transparent or not in that form.
 */
export function luminance(computed: string): number | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    computed.trim(),
  );
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha < 0.5) return undefined;
  const lin = (v: string) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1] as string) + 0.7152 * lin(m[2] as string) + 0.0722 * lin(m[3] as string);
}

/** Whether the page paints a dark background (body's, else the root's); transparent means the canvas, white. */
export function pageIsDark(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const l = luminance(view.getComputedStyle(el).backgroundColor);
    if (l !== undefined) return l < 0.2;
  }
  return false;
}

/** Marks are for reading on screen: a printed article carries none (as the card: card.css). */
const PRINT_CSS = `@media print { ::highlight(${HIGHLIGHT_NAME}), ::highlight(${ACTIVE_HIGHLIGHT_NAME}) { background-color: transparent !important; text-decoration: none !important; } }`;

/**
 * The `::highlight()` rules for a style and colour. `!important` so they win over the manifest defaults.
 * On a dark page the colour is mixed with white so that a dark mark colour stays visible.
 */
export function highlightCss(style: HighlightStyle, color: string, dark = false): string {
  const chosen = safeColor(color);
  const c = dark ? `color-mix(in srgb, ${chosen} 55%, white)` : chosen;
  const main =
    style === 'underline'
      ? `text-decoration: underline dotted ${c} 2px !important; background-color: transparent !important;`
      : style === 'background'
        ? `background-color: color-mix(in srgb, ${c} 24%, transparent) !important; text-decoration: none !important;`
        : 'background-color: transparent !important; text-decoration: none !important;';
  return [
    `::highlight(${HIGHLIGHT_NAME}) { ${main} }`,
    `::highlight(${ACTIVE_HIGHLIGHT_NAME}) { background-color: color-mix(in srgb, ${c} 30%, transparent) !important; text-decoration: underline solid ${c} 2px !important; }`,
    PRINT_CSS,
  ].join('\n');
}

export class Painter {
  private readonly main?: Highlight;
  private readonly active?: Highlight;
  private readonly registry?: HighlightRegistry;
  private sheet?: CSSStyleSheet;
  private deferring = false;
  private windowed?: Windowed;
  private readonly pending = new Set<Range>();
  /** Painted before a rescan, on screen until a `flush` that does not keep them takes them down (`retire`). */
  private retired?: Set<Range>;
  private readonly adoptedBy: (Document | ShadowRoot)[] = [];
  private style: { style: HighlightStyle; color: string; dark: boolean } = {
    style: 'underline',
    color: DEFAULT_COLOR,
    dark: false,
  };

  constructor(private readonly doc: Document) {
    const api = highlightApi();
    if (!api) return;
    this.registry = api.registry;
    this.main = new api.Ctor();
    this.active = new api.Ctor();
    // The open card's term is drawn above the others.
    this.active.priority = 1;
    api.registry.set(HIGHLIGHT_NAME, this.main);
    api.registry.set(ACTIVE_HIGHLIGHT_NAME, this.active);
  }

  /** Whether the browser can paint highlights at all. */
  get supported(): boolean {
    return this.main !== undefined;
  }

  add(range: Range): void {
    if (!this.main) return;
    // Marks found after the first scan (rescans) are painted at once; those of the first scan wait for
    // `flush`, which reclaims too.
    if (!this.deferring) this.reclaim();
    if (this.windowed) {
      this.addWindowed(this.windowed, range);
      return;
    }
    this.register(range);
    if (this.main.size - (this.retired?.size ?? 0) + this.pending.size > WINDOWED_AFTER) this.goWindowed();
  }

  remove(range: Range): void {
    this.pending.delete(range);
    this.retired?.delete(range);
    this.main?.delete(range);
    this.active?.delete(range);
    const w = this.windowed;
    const el = w?.elOf.get(range);
    if (!w || !el) return;
    w.elOf.delete(range);
    const group = w.byEl.get(el);
    group?.delete(range);
    if (group && group.size === 0) {
      w.byEl.delete(el);
      w.near.delete(el);
      w.io.unobserve(el);
    }
  }

  clear(): void {
    this.retired = undefined;
    this.pending.clear();
    this.main?.clear();
    this.active?.clear();
    this.windowed?.io.disconnect();
    this.windowed = undefined;
  }

  /**
   * Forgets every mark as `clear` does, but leaves those painted on screen until a `flush` that does not
   * keep them (or the end of deferring), which takes them down and paints what was added since in the
   * same task: a full rescan that changes nothing shows no blink. For rescans after a same-document
   * navigation, which infinite-scroll pages make as the reader scrolls from one article into the next.
   * With marks windowed (very many), it clears at once.
   */
  retire(): void {
    if (!this.main || this.windowed) {
      this.clear();
      return;
    }
    this.pending.clear();
    this.retired = new Set(this.main as Iterable<Range>);
  }

  private dropRetired(): void {
    const retired = this.retired;
    this.retired = undefined;
    if (retired && this.main) for (const r of retired) this.main.delete(r);
  }

  private register(range: Range): void {
    if (this.deferring) this.pending.add(range);
    else this.main?.add(range);
  }

  /**
   * Switches to registering only the marks near the viewport. What is registered now stays painted until
   * the observer says its element is far, so nothing on screen flickers.
   */
  private goWindowed(): void {
    const view = this.doc.defaultView;
    if (!this.main || !view || typeof view.IntersectionObserver !== 'function') return;
    this.dropRetired();
    const w: Windowed = {
      io: new view.IntersectionObserver((entries) => this.onWindow(w, entries), {
        rootMargin: WINDOW_MARGIN,
      }),
      byEl: new Map(),
      elOf: new Map(),
      near: new Set(),
    };
    this.windowed = w;
    for (const r of [...this.main, ...this.pending] as Range[]) this.addWindowed(w, r, true);
  }

  private addWindowed(w: Windowed, range: Range, registered = false): void {
    const start = range.startContainer;
    const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
    if (!el) {
      if (!registered) this.register(range);
      return;
    }
    w.elOf.set(range, el);
    let group = w.byEl.get(el);
    if (!group) {
      group = new Set();
      w.byEl.set(el, group);
      w.io.observe(el);
    }
    group.add(range);
    if (!registered && w.near.has(el)) this.register(range);
  }

  private onWindow(w: Windowed, entries: IntersectionObserverEntry[]): void {
    if (this.windowed !== w) return;
    for (const e of entries) {
      const group = w.byEl.get(e.target);
      if (!group) continue;
      // An element without a box of its own (display: contents) never intersects: keep its marks painted.
      const box = e.boundingClientRect;
      if (e.isIntersecting || (box.width === 0 && box.height === 0)) {
        if (w.near.has(e.target)) continue;
        w.near.add(e.target);
        for (const r of group) this.register(r);
      } else {
        w.near.delete(e.target);
        for (const r of group) {
          this.pending.delete(r);
          this.main?.delete(r);
        }
      }
    }
  }

  /**
   * While deferring, added ranges wait for `flush()`. Every rendering update after a change to the
   * highlights makes the browser rebuild its markers for all of their ranges (Chromium: 30–75 ms per frame
   * with ~7,000 ranges on the bench's 5 MB page), so painting after each scan slice costs the page a
   * long frame per slice; the scanner flushes a few times instead.
   */
  defer(on: boolean): void {
    this.deferring = on;
    if (!on) this.flush();
  }

  /**
   * Paints the ranges added while deferring, in place of any retired ones, unless `keepRetired` (the scan
   * has not yet reached the text on screen, whose old marks would go before their new ones come).
   */
  flush(keepRetired = false): void {
    if (!keepRetired) this.dropRetired();
    if (!this.main || this.pending.size === 0) return;
    this.reclaim();
    for (const r of this.pending) this.main.add(r);
    this.pending.clear();
  }

  /**
   * Puts our highlights back in the page's registry if the page took them out: the registry is the
   * document's, shared with the page's own highlights, and a page that calls `CSS.highlights.clear()` for
   * its own would otherwise wipe every mark for good. Checked when marks are painted and when a card opens:
   * two lookups, only when something changes.
   */
  private reclaim(): void {
    const registry = this.registry;
    if (!registry || !this.main || !this.active) return;
    try {
      if (registry.get(HIGHLIGHT_NAME) !== this.main) registry.set(HIGHLIGHT_NAME, this.main);
      if (registry.get(ACTIVE_HIGHLIGHT_NAME) !== this.active)
        registry.set(ACTIVE_HIGHLIGHT_NAME, this.active);
    } catch {
      // A registry we may not touch (a Firefox content script sees the page's through an Xray wrapper).
    }
  }

  /** Ranges registered with the browser now (not counting those waiting for a flush). */
  get paintedCount(): number {
    return this.main?.size ?? 0;
  }

  /** Every mark held: painted now, waiting for a flush, or far from the viewport (tests). */
  ranges(): Range[] {
    if (!this.main) return [];
    if (this.windowed) return [...this.windowed.elOf.keys()];
    return [...this.main, ...this.pending] as Range[];
  }

  setActive(range: Range | undefined): void {
    this.active?.clear();
    if (range) {
      this.reclaim();
      this.active?.add(range);
    }
  }

  /**
   * Applies the reader's style and colour; also to open shadow roots holding marks (`adoptInto`).
   * The document gets a constructed sheet only when the look differs from the manifest stylesheet's
   * defaults: adopting a sheet of `::highlight()` rules restyles every element of the page (135 ms on the
   * bench's 5 MB page, a single long task), so the default look costs nothing.
   */
  setStyle(style: HighlightStyle, color: string): void {
    this.style = { ...this.style, style, color };
    this.refresh();
  }

  /** Re-checks the page's background (after it has rendered; reading style earlier would force it). */
  checkBackground(): void {
    const dark = pageIsDark(this.doc);
    if (dark === this.style.dark) return;
    this.style.dark = dark;
    this.refresh();
  }

  /** Whether the wanted look is the manifest stylesheet's (entrypoints/content/style.css). */
  private isDefaultLook(): boolean {
    const { style, color, dark } = this.style;
    return style === 'underline' && !dark && safeColor(color) === DEFAULT_COLOR;
  }

  /** The constructed sheet, made on first need with the current look; undefined where refused. */
  private ensureSheet(): CSSStyleSheet | undefined {
    if (this.sheet) return this.sheet;
    const Sheet = (globalThis as { CSSStyleSheet?: typeof CSSStyleSheet }).CSSStyleSheet;
    if (!Sheet) return undefined;
    try {
      const sheet = new Sheet();
      sheet.replaceSync(highlightCss(this.style.style, this.style.color, this.style.dark));
      this.sheet = sheet;
      return sheet;
    } catch {
      // Some pages (or engines) refuse constructed sheets: the manifest stylesheet's default look remains.
      return undefined;
    }
  }

  private refresh(): void {
    const needed = !this.isDefaultLook();
    if (!this.sheet && !needed) return;
    const existed = this.sheet !== undefined;
    const sheet = this.ensureSheet();
    if (!sheet) return;
    try {
      if (existed) sheet.replaceSync(highlightCss(this.style.style, this.style.color, this.style.dark));
    } catch {
      // See ensureSheet.
    }
    if (needed) this.adoptInto(this.doc);
  }

  /**
   * `::highlight()` rules only style text in the tree whose stylesheets hold them, so marks inside an open
   * shadow root need the sheet adopted there too (the manifest stylesheet does not reach into it).
   */
  adoptInto(root: Document | ShadowRoot): void {
    if (this.adoptedBy.includes(root)) return;
    const sheet = this.ensureSheet();
    if (!sheet) return;
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.adoptedBy.push(root);
    } catch {
      // See ensureSheet.
    }
  }

  dispose(): void {
    this.clear();
    if (this.registry?.get(HIGHLIGHT_NAME) === this.main) this.registry?.delete(HIGHLIGHT_NAME);
    if (this.registry?.get(ACTIVE_HIGHLIGHT_NAME) === this.active)
      this.registry?.delete(ACTIVE_HIGHLIGHT_NAME);
    const sheet = this.sheet;
    for (const root of this.adoptedBy) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // The root may be gone.
      }
    }
    this.adoptedBy.length = 0;
  }
}
