// Iterative text walker: groups text nodes into blocks (see block.ts), skipping what a reader is not
// reading or is typing into. No recursion, so 5,000-deep nesting cannot overflow the stack, and it can
// stop at any node and resume, so a 5 MB page is walked in slices.
import { CharClass, FOLD, foldCode } from '../match/normalise';
import type { Block } from './block';
import { UI_HOST_PREFIX } from './types';

/**
 * Elements whose text is never scanned (code, form fields, scripts, embedded documents, vector art).
 * `aria-hidden` is deliberately not a reason to skip: it hides text from screen readers, not from the
 * eyes (decorative duplicates, visual headlines), and a sighted reader may want that term explained.
 */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'rt',
  'rp',
]);

/**
 * Elements rendered inline by default, whose text joins the surrounding run. Everything else delimits
 * blocks (custom elements: as they render, see `isInline`): a false split loses a rare match, a false join
 * could invent a phrase across two unrelated pieces of text.
 */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'wbr',
]);

/**
 * The only elements a shadow root can be attached to (DOM standard, `attachShadow`; declarative shadow
 * roots likewise), besides custom elements: asking any other element for its shadow root is a wasted
 * call into the DOM, and the walk makes it for every element of the page.
 */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

type ClosedRootReader = (el: Element) => ShadowRoot | null | undefined;

/**
 * How this script may read a closed shadow root, which page scripts cannot: Chrome's `dom` API for
 * extensions, or Firefox's `openOrClosedShadowRoot` on elements; none outside an extension (tests).
 * Looked up on first use.
 */
let closedRootReader: ClosedRootReader | null | undefined;

function readClosedRoot(el: Element): ShadowRoot | null {
  if (closedRootReader === undefined) {
    const dom = typeof chrome === 'object' ? chrome.dom : undefined;
    const chromeReader = dom?.openOrClosedShadowRoot;
    // Firefox: a read-only attribute of elements, seen only by extensions.
    type FirefoxElement = { openOrClosedShadowRoot: ShadowRoot | null };
    closedRootReader = chromeReader
      ? (e) => chromeReader.call(dom, e as HTMLElement)
      : 'openOrClosedShadowRoot' in el
        ? (e) => (e as unknown as FirefoxElement).openOrClosedShadowRoot
        : null;
  }
  if (!closedRootReader) return null;
  try {
    return closedRootReader(el) ?? null;
  } catch {
    // Not an element the API accepts (or the extension context is gone).
    return null;
  }
}

/**
 * The shadow root an element hosts, open or closed. Closed ones are looked for on custom elements only
 * (where components put them); asking the extension API about every `<div>` would cost a call per element.
 */
export function shadowRootOf(el: Element, name = el.localName): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open || !name.includes('-')) return open;
  return readClosedRoot(el);
}

/** Forgets how closed shadow roots are read (tests, which swap the API in and out). */
export function resetClosedRootReader(): void {
  closedRootReader = undefined;
}

const enum Kind {
  Block = 0,
  Inline = 1,
  /** Skipped by its name alone (whole subtree), rendered as a block. */
  Skipped = 2,
}

/** Element name → kind, for every name the walker knows: one lookup per element instead of several. */
const KIND_BY_NAME = new Map<string, Kind>([
  ...[...INLINE].map((n) => [n, Kind.Inline] as const),
  ...[...SKIP].map((n) => [n, Kind.Skipped] as const),
]);

/** How the walker treats `el` going by its name (`name` is `el.localName`, read once by the caller). */
function kindOf(el: Element, name: string): Kind {
  const known = KIND_BY_NAME.get(name);
  if (known !== undefined) return known;
  if (!name.includes('-')) return Kind.Block;
  if (name.startsWith(UI_HOST_PREFIX)) return Kind.Skipped;
  // Custom elements are inline unless styled otherwise (many are made blocks by the page or their own
  // :host rule), so ask how this one renders: an inline `<x-term>Accords</x-term>` reads with its sentence.
  return rendersInline(el) ? Kind.Inline : Kind.Block;
}

export function isInline(el: Element): boolean {
  return kindOf(el, el.localName) === Kind.Inline;
}

function rendersInline(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const display = view.getComputedStyle(el).display;
  return display === 'inline' || display === 'contents';
}

/** Whether the element itself is excluded from scanning (its whole subtree is skipped). */
export function isSkipped(el: Element): boolean {
  const name = el.localName;
  if (SKIP.has(name) || name.startsWith(UI_HOST_PREFIX)) return true;
  return skippedByAttribute(el);
}

/** `hidden`, or an editable subtree. */
function skippedByAttribute(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  // `contenteditable=""` and `="true"`/`"plaintext-only"` make the subtree editable; only "false" does not.
  return editable !== null && editable !== 'false';
}

/** The parent in the composed tree: a shadow root's parent is its host. */
export function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11 && (parent as ShadowRoot).host) return (parent as ShadowRoot).host;
  return parent;
}

/** Whether `node` or an ancestor (across shadow boundaries) is skipped, or the document is editable. */
export function isInsideSkipped(node: Node): boolean {
  const doc = node.ownerDocument ?? (node as Document);
  if ((doc as Document).designMode === 'on') return true;
  for (let n: Node | null = node; n; n = composedParent(n)) {
    if (n.nodeType === 1 && isSkipped(n as Element)) return true;
  }
  return false;
}

/**
 * The node whose boundary delimits the block containing `node`: the nearest non-inline element (or a
 * shadow root / document). Rescanning it rescans every block that text in `node` belongs to.
 */
export function blockRootOf(node: Node): Node {
  let n: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (n) {
    if (n.nodeType !== 1) return n; // shadow root or document
    if (!isInline(n as Element)) return n;
    n = n.parentNode;
  }
  return node;
}

/** Whether a UTF-16 unit is part of a word (a letter, digit or mark, as the matcher folds it). */
function isWordUnit(code: number): boolean {
  let v = FOLD[code] as number;
  if (v === CharClass.Unknown) v = foldCode(code);
  return v >= CharClass.Multi;
}

/**
 * Whether an inline element is laid out apart from the text around it: a tag read as inline by its name
 * but styled as a block, an inline-block chip, a flex item. Card layouts stack such spans with no space
 * between their texts, and read inline the last word of one would merge with the first of the next.
 * A floated initial (a drop cap, `float` blockifies it) stays part of its word.
 */
function rendersApart(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  const display = style.display;
  if (display === 'inline' || display === 'contents' || display === '') return false;
  return style.float === 'none' || style.float === '';
}

/**
 * Whether text nodes `prev` and `next` of one block are laid out apart (see `rendersApart`): asked only
 * where a word character meets a word character across them, which is rare, so the layout reads it costs
 * stay off the walk's hot path.
 */
function laidOutApart(prev: Text, next: Text): boolean {
  for (let el = prev.parentElement; el && !el.contains(next); el = el.parentElement) {
    if (rendersApart(el)) return true;
  }
  for (let el = next.parentElement; el && !el.contains(prev); el = el.parentElement) {
    if (rendersApart(el)) return true;
  }
  return false;
}

/**
 * Whether a short string is all whitespace (long ones are assumed to hold text: checking costs). A loop
 * over the ASCII and Latin-1 spaces, not a regular expression: this runs for most text nodes of a page.
 */
function isBlankShort(data: string): boolean {
  const n = data.length;
  if (n > 64) return false;
  for (let i = 0; i < n; i++) {
    const c = data.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 160) continue;
    if (c < 256 || !/\s/.test(data[i] as string)) return false;
  }
  return true;
}

interface Frame {
  next: Node | null;
  /** The node whose children this frame iterates. */
  owner: Node;
  /** Leaving this frame ends the current block. */
  boundary: boolean;
  /** A closed `<details>`: only its summary is rendered. */
  closed?: boolean;
}

export interface WalkHooks {
  /** Told of each open shadow root entered (to observe it and style marks in it). */
  onShadowRoot?(root: ShadowRoot): void;
  /**
   * Told of each custom element without a shadow root yet: components often attach and fill one later,
   * which no mutation observer outside that root reports.
   */
  onBareCustomElement?(el: Element): void;
}

/** Walks one subtree in resumable steps, emitting blocks in document order. */
export class BlockWalker {
  private readonly stack: Frame[] = [];
  private readonly boundaries: Node[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private text = '';
  /** The block's first piece is known to hold more than whitespace (see `isBlankShort`). */
  private sure = false;
  /** The last UTF-16 unit of the block's text so far (read from its last node, not the joined text). */
  private lastUnit = 32;
  /** A `<br>` since the block's last text: the next text joins it after a space (see `step`). */
  private lineBreak = false;
  private readonly out: (block: Block) => void;
  private readonly hooks: WalkHooks;

  constructor(root: Node, out: (block: Block) => void, hooks: WalkHooks = {}) {
    this.out = out;
    this.hooks = hooks;
    this.enter(root, true);
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /**
   * Walks until done or `expired()` says the slice is over (checked every 64 nodes, since reading the
   * clock costs more than visiting a node). Returns true when the whole subtree has been walked.
   */
  step(expired: () => boolean): boolean {
    const stack = this.stack;
    let visited = 0;
    while (stack.length > 0) {
      if ((++visited & 63) === 0 && expired()) return false;
      const frame = stack[stack.length - 1] as Frame;
      const node = frame.next;
      if (!node) {
        stack.pop();
        if (frame.boundary) {
          this.flush();
          this.boundaries.pop();
        }
        continue;
      }
      frame.next = node.nextSibling;
      const type = node.nodeType;
      if (frame.closed && (type !== 1 || (node as Element).localName !== 'summary')) continue;
      if (type === 3) {
        const data = (node as Text).data;
        // Whitespace before a block's first word is layout, not text: skipping it saves a block per gap.
        if (data.length === 0) continue;
        if (
          this.nodes.length > 0 &&
          isWordUnit(this.lastUnit) &&
          isWordUnit(data.charCodeAt(0)) &&
          laidOutApart(this.nodes[this.nodes.length - 1] as Text, node as Text)
        ) {
          // Word meets word across an element laid out apart: they are two runs of text, not one word.
          this.flush();
        }
        const nodes = this.nodes;
        if (nodes.length > 0) {
          // A line break reads as a space: the block's text gets one that no node holds, so offsets
          // on it map to the end of the text before it (see block.ts `locate`).
          if (this.lineBreak) this.text += ' ';
          this.lineBreak = false;
          this.starts.push(this.text.length);
          this.text += data;
          nodes.push(node as Text);
          this.lastUnit = data.charCodeAt(data.length - 1);
        } else if (!isBlankShort(data)) {
          this.starts.push(0);
          this.text = data;
          this.sure = data.length <= 64;
          nodes.push(node as Text);
          this.lastUnit = data.charCodeAt(data.length - 1);
        }
      } else if (type === 1) {
        const el = node as Element;
        const name = el.localName;
        if (name === 'br') {
          // A line of the same block, not a new block: a headline's "Abraham<br>Accords" is one phrase,
          // and nothing is glued ("AbrahamAccords"), as the space keeps the words apart.
          if (this.nodes.length > 0) {
            this.lineBreak = true;
            this.lastUnit = 32;
          }
          continue;
        }
        const kind = kindOf(el, name);
        if (kind === Kind.Skipped || skippedByAttribute(el)) {
          if (kind !== Kind.Inline) this.flush();
          continue;
        }
        this.enter(el, kind === Kind.Block, name);
      }
    }
    this.flush();
    return true;
  }

  /** `name`: the element's local name, when `node` is an element (read once by the caller). */
  private enter(
    node: Node,
    boundary: boolean,
    name = node.nodeType === 1 ? (node as Element).localName : '',
  ) {
    const shadow =
      name && (SHADOW_HOSTS.has(name) || name.includes('-')) ? shadowRootOf(node as Element, name) : null;
    if (!shadow && this.hooks.onBareCustomElement && name.includes('-')) {
      this.hooks.onBareCustomElement(node as Element);
    }
    if (shadow || boundary) this.flush();
    const first = node.firstChild;
    // Nothing inside (an image, an empty element): the flush above was all it could do.
    if (first === null && shadow === null) return;
    // Light children are pushed first so the shadow tree (pushed last) is walked first: a host's
    // rendering starts from its shadow tree, and slotted light children are walked after it.
    const closed = name === 'details' && !(node as Element).hasAttribute('open');
    this.stack.push({ next: first, owner: node, boundary: boundary || shadow !== null, closed });
    if (boundary || shadow) this.boundaries.push(node);
    if (shadow) {
      this.hooks.onShadowRoot?.(shadow);
      this.stack.push({ next: shadow.firstChild, owner: shadow, boundary: true });
      this.boundaries.push(shadow);
    }
  }

  private flush() {
    const nodes = this.nodes;
    if (nodes.length === 0) return;
    const text = this.text;
    const starts = this.starts;
    this.lineBreak = false;
    this.nodes = [];
    this.starts = [];
    this.text = '';
    // A block that began with a long run of whitespace may hold nothing else.
    if (!this.sure && !/\S/.test(text)) return;
    const container = this.boundaries[this.boundaries.length - 1] ?? (nodes[0] as Text).parentNode;
    this.out({ nodes, starts, text, container: container as Node });
  }
}

/** Walks a whole subtree at once (tests and small rescans). */
export function collectBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  new BlockWalker(root, (b) => blocks.push(b)).step(() => false);
  return blocks;
}
