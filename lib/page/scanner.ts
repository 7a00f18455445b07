// The page scanner: walks the page into blocks, scans them with the engine in time slices (viewport
// first), keeps signal tallies per page and per article region, decides what is shown, paints it and
// indexes it for the card. Rescans only what mutations touched.
import type { Engine, SignalTally } from '../match/types';
import { type Block, locate, nodeSpan } from './block';
import { addSignals, type Candidate, decide } from './decide';
import { type DirtyRoots, outermost } from './observe';
import type { Painter } from './paint';
import { afterNextFrame, Slicer } from './schedule';
import type { PageIndex, ShownMention } from './types';
import { BlockWalker, isInsideSkipped, shadowRootOf } from './walk';

/** Longest text handed to the engine at once; bigger blocks are scanned in overlapping chunks. */
export const CHUNK = 16_384;
/** Overlap on each side of a chunk: longer than any alias, so no phrase is cut at a chunk edge. */
export const OVERLAP = 256;
/** Most blocks scanned before the rest as "in the viewport" (bounds the cost of odd layouts). */
const VIEWPORT_BLOCKS = 400;
/**
 * Pages with less text than this are scanned in document order: the whole scan takes a few milliseconds,
 * less than locating the viewport costs (an IntersectionObserver and a rendering update to wait for).
 */
const VIEWPORT_MIN_CHARS = 100_000;
/** Blocks sampled to locate the viewport. */
const VIEWPORT_SAMPLES = 64;
/** The observer answers with the next frame; only an overloaded machine makes it wait this long. */
const VIEWPORT_WAIT_MS = 1000;
/** When to look again at custom elements that had no shadow root yet. */
const LATE_SHADOW_MS = 500;
/**
 * During the first scan, marks found off screen are painted at most this often, per range already
 * painted (ms): each paint makes the browser rebuild markers for every range, so the wait grows with
 * their number and the total rebuild cost stays linear in the page's mentions, not quadratic.
 */
const PAINT_MS_PER_RANGE = 0.05;
/** ... and at least this long apart. */
const PAINT_MIN_MS = 100;

interface Found extends Candidate {
  block: ScannedBlock;
  start: number;
  end: number;
  fuzzy: boolean;
  shown?: ShownMention;
}

interface ScannedBlock extends Block {
  dead: boolean;
  scanned: boolean;
  /** Next chunk start while a big block is being scanned. */
  scanPos: number;
  /** Mentions and signals of the chunks scanned so far, while a big block is scanned across slices. */
  pending?: Found[];
  pendingSignals?: Set<string>;
  mentions: Found[];
  signals: string[];
  /** The element of the first mention dropped as hidden by CSS, if any (see `veiled`). */
  veiledBy?: Element;
  /** Set when the block turns out to hold mentions or signals (finding it costs a `closest()`). */
  region: object;
  /** Position in document order among the live blocks (for ordering mentions). */
  order: number;
  /** The shadow root the block's text is in (null: the document), once a mention has been shown. */
  shadow?: ShadowRoot | null;
}

const NO_REGION = {};
/** Shared empties: most blocks hold no mention and no signal, and need no arrays of their own. */
const NONE: Found[] = [];
const NO_SIGNALS: string[] = [];

interface WalkJob {
  kind: 'walk';
  root: Node;
  walker: BlockWalker;
  blocks: ScannedBlock[];
  initial: boolean;
}

interface SweepJob {
  kind: 'sweep';
  dirty: DirtyRoots;
}

export interface ScanRules {
  /** Topic on and term not hidden. */
  termEnabled(term: string): boolean;
  firstOccurrenceOnly: boolean;
}

export interface ScannerOptions {
  doc: Document;
  engine: Engine;
  painter: Painter;
  signal: AbortSignal;
  rules: ScanRules;
  /** Told of each open shadow root walked (to observe its mutations). */
  onShadowRoot?(root: ShadowRoot): void;
  budgetMs?: number;
  now?: () => number;
}

export interface ScanSnapshot {
  ready: boolean;
  /** Main-thread time of the scan's slices plus building the engine (`engineMs`). */
  cpuMs: number;
  engineMs: number;
  wallMs: number;
  slices: number;
  longestSliceMs: number;
}

/** Document order across shadow trees (a shadow tree is read before its host's light children). */
export function compareDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const pos = a.compareDocumentPosition(b);
  if (!(pos & 1)) return pos & 4 ? -1 : 1; // 1 = disconnected, 4 = b follows a
  const chain = (n: Node) => {
    const out: Node[] = [n];
    for (
      let root = n.getRootNode();
      (root as ShadowRoot).host;
      root = (root as ShadowRoot).host.getRootNode()
    ) {
      out.push((root as ShadowRoot).host);
    }
    return out;
  };
  const ca = chain(a);
  const cb = chain(b);
  for (const x of ca) {
    for (const y of cb) {
      if (x.getRootNode() !== y.getRootNode()) continue;
      if (x === y) return x === a ? -1 : y === b ? 1 : 0;
      return x.compareDocumentPosition(y) & 4 ? -1 : 1;
    }
  }
  return 0;
}

function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A shown mention whose text is cut from its block only when read (most never are: dense pages). */
class Shown implements ShownMention {
  private cut: string | undefined;
  constructor(
    readonly id: number,
    readonly term: string,
    readonly range: Range,
    private readonly blockText: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get text(): string {
    this.cut ??= foldSpace(this.blockText.slice(this.start, this.end));
    return this.cut;
  }
}

export class PageScanner implements PageIndex {
  private blocks: ScannedBlock[] = [];
  /** Scanned blocks that are kept (see `commit`), by their first text node. */
  private readonly nodeBlock = new WeakMap<Text, ScannedBlock>();
  /**
   * Blocks walked and not yet scanned, by their first text node: a sweep must find them too. Emptied at
   * once when every queued block is scanned (`compact`): one entry removed at a time from a WeakMap cost
   * 6 % of the 5 MB page's scan.
   */
  private unscanned = new Map<Text, ScannedBlock>();
  private jobs: (WalkJob | SweepJob)[] = [];
  private queue: ScannedBlock[] = [];
  private queueHead = 0;
  /** Queue entries (from the head) still worth yielding to the page for rather than idling. */
  private urgentLeft = 0;
  /** Scanned live blocks holding mentions: deciding walks these, not every block of the page. */
  private readonly hot = new Set<ScannedBlock>();
  /** Scanned live blocks with mentions dropped as hidden by CSS: a class or style change may show them. */
  private readonly veiled = new Set<ScannedBlock>();
  private readonly pageTally: SignalTally = new Map();
  private readonly regionTallies = new Map<object, SignalTally>();
  private readonly regionCache = new WeakMap<Node, object>();
  private visibleCache = new WeakMap<Element, boolean>();
  private shown: Found[] = [];
  private readonly byNode = new Map<Node, ShownMention[]>();
  private readonly listeners = new Set<() => void>();
  private dirty = false;
  private nextId = 1;
  private readonly slicer: Slicer;
  private readonly now: () => number;
  private startedAt = 0;
  private sliceBase = { slices: 0, cpuMs: 0 };
  /** Longest slice of the current full scan. */
  private longestSlice = 0;
  private snapshot: ScanSnapshot = {
    ready: false,
    cpuMs: 0,
    engineMs: 0,
    wallMs: 0,
    slices: 0,
    longestSliceMs: 0,
  };
  /** Time `engine.prepare()` took when this scan started (0 once the engine is built). */
  private engineMs = 0;
  private rules: ScanRules;
  /** A scan has been started and not stopped (false while the site is paused). */
  private running = false;
  private rescanCpu = 0;
  /** Custom elements walked before they had a shadow root: checked again a little later. */
  private readonly bareHosts = new Set<Element>();
  private hostTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Waiting (briefly) to learn where the viewport is before scanning. */
  private holding = false;
  private readonly mentionNodes = new WeakMap<ShownMention, Text[]>();
  /** When the first scan last handed its waiting marks to the painter (0: not yet). */
  private lastFlush = 0;
  /** The viewport's blocks are scanned: paint after this slice whatever the wait. */
  private flushSoon = false;
  /**
   * Listeners the first scan needs only until it is ready (where the viewport is): they hold every block
   * of the page, so they go when it is ready, not when the page goes.
   */
  private firstScan = new AbortController();

  constructor(private readonly options: ScannerOptions) {
    this.rules = options.rules;
    this.now = options.now ?? (() => performance.now());
    this.slicer = new Slicer((expired) => this.timedWork(expired), {
      budgetMs: options.budgetMs ?? 6,
      signal: options.signal,
      now: this.now,
      urgent: () => this.urgentLeft > 0 || this.jobs.length > 0,
      // Painting is done inside the timed slice (`timedWork`), so the figures count it; this only records.
      onSlice: (more) => {
        if (this.snapshot.ready) return;
        this.longestSlice = Math.max(this.longestSlice, this.slicer.stats.lastMs);
        if (!more && this.running && !this.holding) this.markReady();
      },
    });
  }

  // ── PageIndex ──────────────────────────────────────────────────────────────────────────────

  at(node: Node, offset: number): ShownMention | undefined {
    for (const m of this.byNode.get(node) ?? []) {
      const r = m.range;
      if (r.collapsed) continue;
      try {
        // comparePoint is 0 inside the range, including its edges: prefer the mention starting there.
        if (r.comparePoint(node, offset) === 0 && !(r.endContainer === node && r.endOffset === offset))
          return m;
      } catch {
        // The node moved to another document or the offset is out of range.
      }
    }
    return undefined;
  }

  list(): ShownMention[] {
    const out: ShownMention[] = [];
    for (const f of this.shown) if (f.shown && !f.shown.range.collapsed) out.push(f.shown);
    return out;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── Control ────────────────────────────────────────────────────────────────────────────────

  /**
   * Starts (or restarts, after a navigation or un-pausing) a full scan of the document. `keepMarks`: what
   * is painted stays on screen until the new scan repaints the text on screen (see `Painter.retire`), for
   * rescans of a page whose text is mostly still there.
   */
  start(keepMarks = false): void {
    this.stop(keepMarks);
    this.running = true;
    const root = this.options.doc.body ?? this.options.doc.documentElement;
    this.startedAt = this.now();
    this.sliceBase = { slices: this.slicer.stats.slices, cpuMs: this.slicer.stats.cpuMs };
    this.longestSlice = 0;
    this.engineMs = 0;
    this.snapshot = { ready: false, cpuMs: 0, engineMs: 0, wallMs: 0, slices: 0, longestSliceMs: 0 };
    this.firstScan = new AbortController();
    if (root) this.jobs.push(this.walkJob(root, true));
    this.lastFlush = 0;
    this.flushSoon = false;
    this.options.painter.defer(true);
    // Wait for the page's own first rendering: scanning reads computed style (hidden text) and layout
    // (the viewport), and forcing them early would charge the page's layout to us as one long task.
    const generation = this.generation;
    void afterNextFrame().then(() => {
      if (generation !== this.generation || !this.running) return;
      // Building the engine (first scan of a page only) is part of the scan's cost, and is counted in it.
      const t0 = this.now();
      this.options.engine.prepare?.();
      this.engineMs = this.now() - t0;
      this.slicer.wake();
    });
  }

  /**
   * Forgets everything found and paints nothing (pausing, or before a full rescan); with `keepMarks`, the
   * painted marks stay until the next scan's first paint.
   */
  stop(keepMarks = false): void {
    // Callbacks still pending from this scan (frame, viewport, late shadow roots) see a new generation.
    this.generation++;
    this.running = false;
    this.firstScan.abort();
    this.bareHosts.clear();
    if (this.hostTimer !== undefined) clearTimeout(this.hostTimer);
    this.hostTimer = undefined;
    this.holding = false;
    this.snapshot = { ...this.snapshot, ready: false };
    if (keepMarks) {
      this.options.painter.retire();
    } else {
      this.options.painter.clear();
      this.options.painter.defer(false);
    }
    // Dead, so a later scan meeting their text replaces them without unwinding them from its own tallies.
    for (const b of this.blocks) b.dead = true;
    for (const job of this.jobs) if (job.kind === 'walk') for (const b of job.blocks) b.dead = true;
    this.blocks = [];
    this.unscanned = new Map();
    this.jobs = [];
    this.queue = [];
    this.queueHead = 0;
    this.urgentLeft = 0;
    this.pageTally.clear();
    this.regionTallies.clear();
    this.hot.clear();
    this.veiled.clear();
    this.shown = [];
    this.byNode.clear();
    this.visibleCache = new WeakMap();
    this.emit();
  }

  /** Rescans the subtrees a batch of mutations touched. */
  rescan(dirty: DirtyRoots): void {
    if (!this.running) return;
    // Dropping stale blocks waits for its turn behind any walk still under way (the first scan's blocks
    // join `blocks` only when its walk ends), so it runs as a job of its own.
    this.jobs.push({ kind: 'sweep', dirty });
    for (const root of dirty.roots) {
      if (!root.isConnected || isInsideSkipped(root)) continue;
      this.jobs.push(this.walkJob(root, false));
    }
    this.slicer.wake();
  }

  /** Drops the blocks a batch of mutations made stale: text removed, or under a root about to be rewalked. */
  private sweep(dirty: DirtyRoots) {
    if (dirty.removed) {
      for (const b of this.blocks) {
        if (b.dead) continue;
        const last = b.nodes[b.nodes.length - 1] as Text;
        if (!(b.nodes[0] as Text).isConnected || !last.isConnected) this.kill(b);
      }
    }
    // Blocks under a root about to be walked again go now, including those the new walk will not meet
    // (their text is now hidden or skipped). Found through their text nodes: the cost is the root's size,
    // not the number of roots times the number of blocks on the page.
    const doc = this.options.doc;
    for (const r of dirty.roots) {
      if (dirty.added.has(r) || !r.isConnected) continue;
      const texts = doc.createTreeWalker(r, 4); // NodeFilter.SHOW_TEXT
      for (let n = texts.nextNode(); n; n = texts.nextNode()) {
        const b = this.blockOf(n as Text);
        if (b && !b.dead) this.kill(b);
      }
    }
    this.visibleCache = new WeakMap();
    this.dirty = true;
  }

  /** Whether some mention was dropped as hidden by CSS (see `RevealSource` in observe.ts). */
  hasVeiled(): boolean {
    return this.veiled.size > 0;
  }

  /** Block roots holding mentions hidden by CSS under any of `targets`, to rescan when those restyle. */
  veiledUnder(targets: Node[]): Node[] {
    const roots: Node[] = [];
    for (const b of this.veiled) {
      const first = b.nodes[0] as Text;
      if (!targets.some((t) => t.contains(first))) continue;
      // Still hidden (pages restyle an ancestor on every scroll): nothing to rescan yet.
      this.visibleCache.delete(b.veiledBy as Element);
      if (this.visible(b.veiledBy ?? null)) roots.push(b.container);
    }
    return roots;
  }

  /** Applies new rules (topics, hidden terms, first occurrence only) to what was already found. */
  setRules(rules: ScanRules): void {
    this.rules = rules;
    this.refresh();
  }

  /** Cost of the current full scan, for the benchmark. */
  stats(): ScanSnapshot {
    return this.snapshot;
  }

  /** Slice time spent after the first full scan was ready: mutation rescans (the observer's budget). */
  rescanCpuMs(): number {
    return this.rescanCpu;
  }

  get ready(): boolean {
    return this.snapshot.ready;
  }

  /** Runs slices synchronously until idle, or `slices` of them (tests). */
  drain(slices = Number.POSITIVE_INFINITY): void {
    for (let n = 0; n < slices && this.slicer.slice(); n++) {
      // keep going
    }
  }

  // ── Work ───────────────────────────────────────────────────────────────────────────────────

  private walkJob(root: Node, initial: boolean): WalkJob {
    const job: WalkJob = {
      kind: 'walk',
      root,
      initial,
      blocks: [],
      walker: new BlockWalker(root, (b) => job.blocks.push(this.adopt(b, initial)), {
        onShadowRoot: this.options.onShadowRoot,
        onBareCustomElement: (el) => this.bareHosts.add(el),
      }),
    };
    return job;
  }

  /**
   * Makes a walked block live; any older block sharing one of its text nodes is stale and dropped. In a
   * full scan there is none to look for (`stop()` killed every older block, and one walk never puts a
   * node in two blocks), which saves a lookup per text node of the page.
   */
  private adopt(block: Block, full: boolean): ScannedBlock {
    const b = block as ScannedBlock;
    b.dead = false;
    b.scanned = false;
    b.scanPos = 0;
    b.mentions = NONE;
    b.signals = NO_SIGNALS;
    b.region = NO_REGION;
    b.order = 0;
    // Blocks are registered by their first text node (here until scanned, then in `nodeBlock` if kept): a
    // later walk meeting that node (moved, rewalked) knows the old block is stale.
    if (!full) {
      for (const n of b.nodes) {
        const old = this.blockOf(n);
        if (old && old !== b && !old.dead) this.kill(old);
      }
    }
    this.unscanned.set(b.nodes[0] as Text, b);
    return b;
  }

  /** The live or waiting block whose first text node is `node`, if any. */
  private blockOf(node: Text): ScannedBlock | undefined {
    return this.nodeBlock.get(node) ?? this.unscanned.get(node);
  }

  private timedWork(expired: () => boolean): boolean {
    if (!this.snapshot.ready) {
      const more = this.work(expired);
      if (!more && this.running && !this.holding) {
        // The first scan is done: decide and paint everything still waiting.
        if (this.dirty) this.refresh();
        this.options.painter.defer(false);
      } else this.maybeFlush();
      return more;
    }
    const t0 = this.now();
    try {
      return this.work(expired);
    } finally {
      this.rescanCpu += this.now() - t0;
    }
  }

  private work(expired: () => boolean): boolean {
    if (this.options.signal.aborted || this.holding) return false;
    while (this.jobs.length > 0) {
      const job = this.jobs[0] as WalkJob | SweepJob;
      if (job.kind === 'sweep') {
        this.jobs.shift();
        this.sweep(job.dirty);
        continue;
      }
      if (!job.walker.step(expired)) return true;
      this.jobs.shift();
      this.finishWalk(job);
      if (expired()) break;
    }
    // Not while waiting to learn where the viewport is (the walk that just ended may have asked).
    while (!this.holding && this.queueHead < this.queue.length && !expired()) {
      const b = this.queue[this.queueHead] as ScannedBlock;
      if (b.dead || this.scanBlock(b, expired)) {
        this.queueHead++;
        // The viewport's blocks are done: end the slice so that they are painted now.
        if (this.urgentLeft > 0 && --this.urgentLeft === 0) {
          this.flushSoon = true;
          break;
        }
      }
    }
    if (this.queueHead >= this.queue.length && this.queue.length > 0) {
      this.queue = [];
      this.queueHead = 0;
      this.compact();
    }
    // During the first scan, deciding waits until marks are due to be painted (maybeFlush, or the scan ends):
    // re-deciding every mention found so far after every slice made a dense page's scan quadratic.
    if (this.dirty && this.snapshot.ready) this.refresh();
    return this.jobs.length > 0 || this.queueHead < this.queue.length;
  }

  /** During the first scan: paints the waiting marks when the viewport is done or the wait is over. */
  private maybeFlush() {
    const painter = this.options.painter;
    const now = this.now();
    const wait = Math.max(PAINT_MIN_MS, painter.paintedCount * PAINT_MS_PER_RANGE);
    if (!this.flushSoon && this.lastFlush !== 0 && now - this.lastFlush < wait) return;
    this.flushSoon = false;
    this.lastFlush = now;
    if (this.dirty) this.refresh();
    // Marks kept from before a rescan (`start(true)`) stay until the page is walked and the blocks on
    // screen are scanned again.
    painter.flush(this.jobs.length > 0 || this.urgentLeft > 0);
  }

  private markReady() {
    this.firstScan.abort();
    const s = this.slicer.stats;
    this.snapshot = {
      ready: true,
      cpuMs: s.cpuMs - this.sliceBase.cpuMs + this.engineMs,
      engineMs: this.engineMs,
      wallMs: this.now() - this.startedAt,
      slices: s.slices - this.sliceBase.slices,
      longestSliceMs: this.longestSlice,
    };
    this.emit();
  }

  private finishWalk(job: WalkJob) {
    const fresh = job.blocks;
    if (this.bareHosts.size > 0) this.checkHostsLater(LATE_SHADOW_MS);
    if (job.initial) {
      this.blocks = fresh;
      this.renumber();
      // Document order first (the top of the page is usually what is on screen) until the viewport is known.
      this.queue = fresh.slice();
      this.queueHead = 0;
      this.urgentLeft = Math.min(VIEWPORT_BLOCKS, fresh.length);
      this.findViewport(fresh);
      return;
    }
    if (fresh.length === 0) return;
    this.blocks = this.blocks.filter((b) => !b.dead);
    const at = this.insertionIndex(fresh[0] as ScannedBlock);
    this.blocks.splice(at, 0, ...fresh);
    this.renumber();
    // Rescans are what the reader is looking at changing: scan them before any remaining idle work.
    const rest = this.queue.slice(this.queueHead);
    this.queue = fresh.concat(rest);
    this.queueHead = 0;
    this.urgentLeft += fresh.length;
  }

  private insertionIndex(block: ScannedBlock): number {
    const first = block.nodes[0] as Text;
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = (this.blocks[mid] as ScannedBlock).nodes[0] as Text;
      if (compareDocumentOrder(other, first) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Finds the blocks on screen without forcing a layout: an IntersectionObserver over a sample of blocks
   * (spread through the document) reports, after the page's next rendering update, which are on screen;
   * the unscanned blocks between the samples around the viewport then move to the front of the queue.
   */
  private findViewport(blocks: ScannedBlock[], rescroll = false) {
    const win = this.options.doc.defaultView;
    if (!win || typeof win.IntersectionObserver !== 'function' || blocks.length <= VIEWPORT_BLOCKS) return;
    let chars = 0;
    for (let i = 0; i < blocks.length && chars < VIEWPORT_MIN_CHARS; i++)
      chars += (blocks[i] as ScannedBlock).text.length;
    if (chars < VIEWPORT_MIN_CHARS) return;
    // A hidden tab renders nothing, so the observer would not answer: look when the tab is shown, if the
    // scan is still going then.
    if (this.options.doc.visibilityState === 'hidden') {
      const generation = this.generation;
      this.options.doc.addEventListener(
        'visibilitychange',
        () => {
          if (generation === this.generation && this.running && !this.snapshot.ready)
            this.findViewport(blocks);
        },
        { once: true, signal: this.firstScan.signal },
      );
      return;
    }
    const generation = this.generation;
    const step = Math.max(1, Math.floor(blocks.length / VIEWPORT_SAMPLES));
    const sampleOf = new Map<Element, number>();
    for (let i = 0; i < blocks.length; i += step) {
      const el = (blocks[i] as ScannedBlock).nodes[0]?.parentElement;
      if (el && !sampleOf.has(el)) sampleOf.set(el, i);
    }
    // Scanning waits for the answer, which comes with the next rendering update.
    this.holding = true;
    const release = () => {
      if (generation !== this.generation || !this.holding) return;
      this.holding = false;
      this.slicer.wake();
    };
    const timer = setTimeout(release, VIEWPORT_WAIT_MS);
    const observer = new win.IntersectionObserver((entries) => {
      observer.disconnect();
      clearTimeout(timer);
      if (generation !== this.generation || this.options.signal.aborted) return;
      queueMicrotask(release);
      let lo = 0;
      let hi = blocks.length;
      let seen = false;
      for (const e of entries) {
        const i = sampleOf.get(e.target) ?? 0;
        const r = e.boundingClientRect;
        if (r.height === 0 && r.width === 0) continue; // not rendered: says nothing about position
        if (r.bottom < 0) lo = Math.max(lo, i);
        else if (r.top > win.innerHeight) hi = Math.min(hi, i + 1);
        else seen = true;
      }
      if (!seen && lo === 0) return; // the top of the page is on screen: document order is right
      this.prioritise(blocks.slice(lo, Math.min(hi, lo + VIEWPORT_BLOCKS * 4)));
    });
    for (const el of sampleOf.keys()) observer.observe(el);
    // The reader (or the browser, going to a fragment or restoring a position) may scroll while the first
    // scan runs: look again, once, where the viewport went.
    if (!rescroll) {
      win.addEventListener(
        'scroll',
        () => {
          if (generation === this.generation && this.running && !this.snapshot.ready)
            this.findViewport(blocks, true);
        },
        { once: true, passive: true, signal: this.firstScan.signal },
      );
    }
    this.firstScan.signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        clearTimeout(timer);
      },
      { once: true },
    );
  }

  /**
   * Rescans custom elements that have attached an open shadow root since they were walked. Checked twice
   * (components usually render within a second); elements still bare after that are forgotten.
   */
  private checkHostsLater(delayMs: number, last = false) {
    if (this.hostTimer !== undefined) return;
    const generation = this.generation;
    this.hostTimer = setTimeout(() => {
      this.hostTimer = undefined;
      if (generation !== this.generation || !this.running || this.options.signal.aborted) return;
      const roots: Node[] = [];
      for (const el of this.bareHosts) {
        const root = shadowRootOf(el);
        if (root && el.isConnected) roots.push(el);
        if (root || !el.isConnected || last) this.bareHosts.delete(el);
      }
      if (roots.length > 0) this.rescan({ roots: outermost(roots), added: new Set(), removed: false });
      if (!last && this.bareHosts.size > 0) this.checkHostsLater(LATE_SHADOW_MS * 4, true);
    }, delayMs);
  }

  /** Moves the given blocks, if still waiting, to the front of the scan queue. */
  private prioritise(first: ScannedBlock[]) {
    const waiting = first.filter((b) => !b.scanned && !b.dead);
    if (waiting.length === 0) return;
    const front = new Set(waiting);
    const rest = this.queue.slice(this.queueHead).filter((b) => !front.has(b));
    this.queue = waiting.concat(rest);
    this.queueHead = 0;
    this.urgentLeft = waiting.length;
    this.slicer.wake();
  }

  /** Scans a block (in chunks when it is big); returns true when the block is done. */
  private scanBlock(b: ScannedBlock, expired: () => boolean): boolean {
    const text = b.text;
    const { engine } = this.options;
    if (text.length <= CHUNK) {
      const res = engine.scan(text);
      const found =
        res.mentions.length === 0
          ? NONE
          : res.mentions.map((m) => this.found(b, m.start, m.end, m.term, m.fuzzy));
      this.commit(b, found, res.signals);
      return true;
    }
    const pending = (b.pending ??= []);
    const signals = (b.pendingSignals ??= new Set());
    while (b.scanPos < text.length) {
      const a = b.scanPos;
      const end = Math.min(text.length, a + CHUNK);
      const lo = Math.max(0, a - OVERLAP);
      const hi = Math.min(text.length, end + OVERLAP);
      const res = engine.scan(text.slice(lo, hi));
      for (const m of res.mentions) {
        const start = m.start + lo;
        // Each chunk owns the mentions starting in it; the overlap only gives them whole-word context.
        if (start >= a && start < end) pending.push(this.found(b, start, m.end + lo, m.term, m.fuzzy));
      }
      for (const sig of res.signals) signals.add(sig);
      b.scanPos = end;
      if (b.scanPos < text.length && expired()) return false;
    }
    b.pending = undefined;
    b.pendingSignals = undefined;
    this.commit(b, pending, [...signals]);
    return true;
  }

  private found(block: ScannedBlock, start: number, end: number, term: string, fuzzy: boolean): Found {
    return { block, start, end, term, fuzzy, region: NO_REGION };
  }

  /** A scanned block joins the tallies; its mentions in text nobody can see are dropped. */
  private commit(b: ScannedBlock, found: Found[], signals: string[]) {
    b.scanned = true;
    let veiledBy: Element | undefined;
    b.mentions =
      found.length === 0
        ? NONE
        : found.filter((f) => {
            const el = locate(b, f.start).node.parentElement;
            if (this.visible(el)) return true;
            veiledBy ??= el ?? undefined;
            return false;
          });
    b.veiledBy = veiledBy;
    if (veiledBy) this.veiled.add(b);
    else this.veiled.delete(b);
    b.signals = signals.length === 0 ? NO_SIGNALS : signals;
    if (b.mentions.length > 0 || b.signals.length > 0) {
      b.region = this.regionOf(b.container);
      for (const f of b.mentions) f.region = b.region;
    }
    if (b.mentions.length > 0) this.hot.add(b);
    if (b.signals.length > 0) {
      addSignals(this.pageTally, b.signals, 1);
      addSignals(this.regionTally(b.region), b.signals, 1);
    }
    const first = b.nodes[0] as Text;
    if (b.mentions.length > 0 || b.signals.length > 0 || veiledBy) {
      if (b.mentions.length > 0 || b.signals.length > 0) this.dirty = true;
      this.nodeBlock.set(first, b);
    } else if (this.nodeBlock.get(first)?.dead) {
      // A kept block this one replaced (its text rescanned) is forgotten with it.
      this.nodeBlock.delete(first);
    }
    // Otherwise nothing to show, count or watch for: nothing needs this block again (a rescan of its text
    // makes a new one), so nothing keeps it once `compact` takes it out of `blocks`: most of a page's blocks.
  }

  /** Whether a block is kept once scanned (see `commit`): it holds mentions (shown or hidden) or signals. */
  private static kept(b: ScannedBlock): boolean {
    return !b.scanned || b.mentions.length > 0 || b.signals.length > 0 || b.veiledBy !== undefined;
  }

  /** Drops the scanned blocks nothing needs from `blocks`, once every queued block is scanned. */
  private compact() {
    this.blocks = this.blocks.filter((b) => !b.dead && PageScanner.kept(b));
    this.renumber();
    this.unscanned = new Map();
  }

  private kill(b: ScannedBlock) {
    if (b.dead) return;
    b.dead = true;
    this.hot.delete(b);
    this.veiled.delete(b);
    if (b.scanned && b.signals.length > 0) {
      addSignals(this.pageTally, b.signals, -1);
      addSignals(this.regionTally(b.region), b.signals, -1);
    }
    if (b.mentions.length > 0) this.dirty = true;
  }

  private regionTally(region: object): SignalTally {
    let t = this.regionTallies.get(region);
    if (!t) {
      t = new Map();
      this.regionTallies.set(region, t);
    }
    return t;
  }

  /** The article region a block belongs to: nearest article / main / [role=main], across shadow roots. */
  private regionOf(container: Node): object {
    const cached = this.regionCache.get(container);
    if (cached) return cached;
    const doc = this.options.doc;
    let el: Element | null = container.nodeType === 1 ? (container as Element) : null;
    if (!el && (container as ShadowRoot).host) el = (container as ShadowRoot).host;
    let region: object = doc.body ?? doc;
    while (el) {
      const r = el.closest('article, main, [role="main"]');
      if (r) {
        region = r;
        break;
      }
      const root = el.getRootNode() as ShadowRoot;
      el = root.host ?? null;
    }
    this.regionCache.set(container, region);
    return region;
  }

  /** Rendered and not hidden by CSS (display, visibility, closed details); cached per element. */
  private visible(el: Element | null): boolean {
    if (!el) return false;
    const cached = this.visibleCache.get(el);
    if (cached !== undefined) return cached;
    let ok: boolean;
    if (typeof el.checkVisibility === 'function') {
      ok = el.checkVisibility({
        visibilityProperty: true,
        checkVisibilityCSS: true,
      } as CheckVisibilityOptions);
    } else {
      ok = true;
      const view = el.ownerDocument.defaultView;
      for (let n: Element | null = el; n && view; n = n.parentElement) {
        const style = view.getComputedStyle(n);
        if (style.display === 'none' || (n === el && style.visibility === 'hidden')) {
          ok = false;
          break;
        }
      }
    }
    this.visibleCache.set(el, ok);
    return ok;
  }

  // ── Decide, paint, index ───────────────────────────────────────────────────────────────────

  /** Re-decides everything found against the current tallies and rules, and paints the difference. */
  private refresh() {
    this.dirty = false;
    const { engine, painter } = this.options;
    const candidates = this.candidates();
    const next = decide({
      candidates,
      page: this.pageTally,
      regionTally: (r) => this.regionTallies.get(r) ?? new Map(),
      allows: (term, page, region) => engine.allows(term, page, region),
      termEnabled: (term) => this.rules.termEnabled(term),
      firstOccurrenceOnly: this.rules.firstOccurrenceOnly,
    });
    const keep = new Set(next);
    let changed = false;
    for (const f of this.shown) {
      if (keep.has(f) && !f.block.dead) continue;
      if (f.shown) {
        painter.remove(f.shown.range);
        this.unindex(f.shown);
        f.shown = undefined;
        changed = true;
      }
    }
    for (const f of next) {
      if (f.shown) continue;
      f.shown = this.show(f);
      changed = true;
    }
    this.shown = next;
    if (changed) this.emit();
  }

  private candidates(): Found[] {
    const blocks = [...this.hot].sort((a, b) => a.order - b.order);
    const out: Found[] = [];
    for (const b of blocks) for (const f of b.mentions) out.push(f);
    return out;
  }

  private renumber() {
    const blocks = this.blocks;
    for (let i = 0; i < blocks.length; i++) (blocks[i] as ScannedBlock).order = i;
  }

  private show(f: Found): ShownMention {
    const b = f.block;
    const s = locate(b, f.start);
    const e = locate(b, f.end, true);
    const range = this.options.doc.createRange();
    range.setStart(s.node, s.offset);
    range.setEnd(e.node, e.offset);
    const mention = new Shown(this.nextId++, f.term, range, b.text, f.start, f.end);
    this.options.painter.add(range);
    // A block never spans shadow trees (the walker ends blocks at their edges): one lookup per block.
    if (b.shadow === undefined) {
      const root = s.node.getRootNode();
      b.shadow = (root as ShadowRoot).host ? (root as ShadowRoot) : null;
      if (b.shadow) this.options.painter.adoptInto(b.shadow);
    }
    const [i, j] = nodeSpan(b, f.start, f.end);
    const nodes = b.nodes.slice(i, j + 1);
    this.mentionNodes.set(mention, nodes);
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    return mention;
  }

  private unindex(m: ShownMention) {
    for (const node of this.mentionNodes.get(m) ?? []) {
      const rest = (this.byNode.get(node) ?? []).filter((x) => x !== m);
      if (rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  private emit() {
    for (const l of this.listeners) {
      try {
        l();
      } catch (e) {
        console.error('briefing-lens: page index listener failed', e);
      }
    }
  }
}
