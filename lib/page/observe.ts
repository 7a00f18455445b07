// Watches the page for changes that need a rescan: DOM mutations (debounced, rescanning only the blocks
// they touched, with a CPU budget so a page that mutates constantly cannot keep us busy) and same-document
// navigations (a full rescan).

import { UI_HOST_PREFIX } from './types';
import { blockRootOf, isInline } from './walk';

/** Limits rescan work to `budgetMs` per `windowMs`; while over it, flushes back off exponentially. */
export class RateBudget {
  private spent: { at: number; ms: number }[] = [];
  private backoff = 0;

  constructor(
    private readonly budgetMs = 100,
    private readonly windowMs = 1000,
    private readonly maxBackoffMs = 8000,
  ) {}

  spend(ms: number, now: number): void {
    this.spent.push({ at: now, ms });
  }

  /** How long to wait before the next flush (0 when within budget). */
  delay(now: number): number {
    this.spent = this.spent.filter((s) => now - s.at < this.windowMs);
    const total = this.spent.reduce((sum, s) => sum + s.ms, 0);
    if (total < this.budgetMs) {
      this.backoff = 0;
      return 0;
    }
    this.backoff = Math.min(this.maxBackoffMs, this.backoff ? this.backoff * 2 : this.windowMs);
    return this.backoff;
  }
}

function insideOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === 1 && (n as Element).localName.startsWith(UI_HOST_PREFIX)) return true;
  }
  return false;
}

function isBlockElement(node: Node | null): boolean {
  return node !== null && node.nodeType === 1 && !isInline(node as Element);
}

function isBlank(node: Node | null): boolean {
  return node === null || (node.nodeType === 3 && !/\S/.test((node as Text).data)) || node.nodeType === 8;
}

/**
 * The roots to rescan for a batch of mutation records. A block-level element added between other blocks
 * is rescanned alone; any other change rescans the block around it (its text may now join differently).
 */
export interface DirtyRoots {
  /** Subtrees to walk again. */
  roots: Node[];
  /** Roots that are newly added block elements: they hold no previously scanned block of their own. */
  added: Set<Node>;
  /** Some nodes were removed (blocks with disconnected text must be dropped). */
  removed: boolean;
}

/**
 * The roots to rescan for a batch of mutation records. A block-level element added between other blocks
 * is rescanned alone; any other change rescans the block around it (its text may now join differently).
 */
export function dirtyRoots(records: readonly MutationRecord[]): DirtyRoots {
  const roots = new Set<Node>();
  const added = new Set<Node>();
  let removed = false;
  for (const r of records) {
    const target = r.target;
    if (insideOwnUi(target)) continue;
    if (r.type === 'childList') {
      if (r.removedNodes.length > 0) removed = true;
      // Block elements added or removed between other blocks change no other block's text: the added
      // ones are walked alone and the removed ones' blocks dropped (their text is disconnected).
      const blocksOnly =
        isBlockElement(target) &&
        Array.from(r.removedNodes).every((n) => isBlank(n) || isBlockElement(n)) &&
        (r.removedNodes.length === 0 ||
          (neighbourIsBoundary(r.previousSibling) && neighbourIsBoundary(r.nextSibling))) &&
        Array.from(r.addedNodes).every(
          (n) =>
            isBlank(n) ||
            (isBlockElement(n) &&
              neighbourIsBoundary(n.previousSibling) &&
              neighbourIsBoundary(n.nextSibling)),
        );
      if (blocksOnly) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1 || insideOwnUi(n) || !n.isConnected) continue;
          roots.add(n);
          added.add(n);
        }
        continue;
      }
      roots.add(blockRootOf(target));
    } else if (r.type === 'characterData') {
      roots.add(blockRootOf(target));
    } else if (r.type === 'attributes') {
      // `hidden` / `open` changed: the element's own text appears or disappears.
      roots.add(target.nodeType === 1 && !isInline(target as Element) ? target : blockRootOf(target));
    }
  }
  const outer = outermost([...roots]);
  for (const n of added) if (!outer.includes(n)) added.delete(n);
  return { roots: outer, added, removed };
}

function neighbourIsBoundary(n: Node | null): boolean {
  return isBlank(n) || isBlockElement(n);
}

/** Drops roots contained in another root (rescanning the outer one covers them). */
export function outermost(roots: Node[]): Node[] {
  if (roots.length < 2) return roots.filter((r) => r.isConnected);
  const connected = roots.filter((r) => r.isConnected);
  return connected.filter((r) => !connected.some((o) => o !== r && o.contains(r)));
}

/** Attributes that show or hide text through the page's style sheets rather than by themselves. */
const STYLE_ATTRIBUTES = new Set(['class', 'style']);

function isStyleRecord(r: MutationRecord): boolean {
  return r.type === 'attributes' && STYLE_ATTRIBUTES.has(r.attributeName ?? '');
}

/**
 * Text hidden by the page's CSS when it was scanned ("Read more" sections, collapsed panels) shows when
 * a `class` or `style` changes. Pages change those constantly (scroll states, animations), so such a
 * change only rescans the hidden mentions under the element that changed, never the element itself.
 */
export interface RevealSource {
  /** Whether any mention is waiting, hidden (when not, class and style changes are ignored at once). */
  waiting(): boolean;
  /** Roots to rescan for mentions hidden under any of `targets`. */
  rootsUnder(targets: Node[]): Node[];
}

export interface ObserveOptions {
  reveal?: RevealSource;
  debounceMs?: number;
  budget?: RateBudget;
  signal: AbortSignal;
  /** Called with the roots to rescan; returns nothing, the caller reports cost through `budget.spend`. */
  onDirty(dirty: DirtyRoots): void;
  /** Cumulative ms of scanning work so far: what was spent since the last flush counts against the budget. */
  cost?: () => number;
  now?: () => number;
}

/** Observes `root` (and open shadow roots passed to `observe`) for mutations. */
export class MutationWatcher {
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  /** Elements that opened (popovers, dialogs, details) since the last flush: they may reveal hidden text. */
  private readonly opened = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly debounceMs: number;
  readonly budget: RateBudget;
  private readonly now: () => number;
  private lastCost = 0;

  constructor(private readonly options: ObserveOptions) {
    this.debounceMs = options.debounceMs ?? 250;
    this.budget = options.budget ?? new RateBudget();
    this.now = options.now ?? (() => performance.now());
    this.observer = new MutationObserver((records) => this.record(records));
    options.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  observe(root: Node): void {
    if (this.options.signal.aborted) return;
    this.observer.observe(root, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
      attributeFilter: this.options.reveal ? ['hidden', 'open', 'class', 'style'] : ['hidden', 'open'],
    });
    // A popover shown by the page (`showPopover()`, a `popovertarget` button) changes no attribute, so no
    // mutation reports it; its `toggle` event does. Toggle events do not bubble (capture here) and do not
    // leave a shadow root (each observed root listens for its own).
    if (this.options.reveal)
      root.addEventListener('toggle', this.onToggle, { capture: true, signal: this.options.signal });
  }

  private readonly onToggle = (e: Event) => {
    const target = e.target as Node | null;
    if ((e as Event & { newState?: string }).newState !== 'open' || !target || insideOwnUi(target)) return;
    if (!this.options.reveal?.waiting()) return;
    this.opened.add(target);
    this.schedule(this.debounceMs);
  };

  private record(records: MutationRecord[]) {
    const reveal = this.options.reveal;
    let kept = 0;
    for (const r of records) {
      if (isStyleRecord(r) && !reveal?.waiting()) continue;
      this.pending.push(r);
      kept++;
    }
    if (kept > 0) this.schedule(this.debounceMs);
  }

  private schedule(ms: number) {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  /** Processes pending records now (respecting the budget). */
  flush(): void {
    this.timer = undefined;
    if (this.options.signal.aborted) return;
    const records = this.pending.concat(this.observer.takeRecords());
    this.pending = [];
    const opened = [...this.opened];
    this.opened.clear();
    if (records.length === 0 && opened.length === 0) return;
    const cost = this.options.cost?.() ?? 0;
    if (cost > this.lastCost) this.budget.spend(cost - this.lastCost, this.now());
    this.lastCost = cost;
    const wait = this.budget.delay(this.now());
    if (wait > 0) {
      this.pending = records;
      for (const o of opened) this.opened.add(o);
      this.schedule(wait);
      return;
    }
    const styled = new Set<Node>(opened);
    const structural = records.filter((r) => {
      if (!isStyleRecord(r)) return true;
      if (!insideOwnUi(r.target)) styled.add(r.target);
      return false;
    });
    const dirty = dirtyRoots(structural);
    const revealed = styled.size > 0 ? (this.options.reveal?.rootsUnder([...styled]) ?? []) : [];
    if (revealed.length > 0) dirty.roots = outermost([...dirty.roots, ...revealed]);
    if (dirty.roots.length > 0 || dirty.removed) this.options.onDirty(dirty);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.observer.disconnect();
    this.pending = [];
    this.opened.clear();
  }
}

/**
 * Calls `onNavigate` after a same-document navigation (pushState / replaceState / back-forward). Content
 * scripts run in an isolated world, so patching `history.pushState` would not see the page's calls: use the
 * Navigation API where present, `popstate`, and a cheap URL poll as the fallback for everything else.
 */
export function watchNavigation(
  win: Window,
  onNavigate: () => void,
  signal: AbortSignal,
  pollMs = 1000,
): void {
  // A fragment change is a jump within the same document, not new content.
  const key = () => win.location.href.replace(/#.*$/, '');
  let url = key();
  const check = () => {
    if (key() === url) return;
    url = key();
    onNavigate();
  };
  const nav = (win as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  const poll = setInterval(check, pollMs);
  signal.addEventListener('abort', () => clearInterval(poll), { once: true });
}
