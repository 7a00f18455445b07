// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { locate, nodeSpan } from './block';
import {
  BlockWalker,
  blockRootOf,
  collectBlocks,
  isInsideSkipped,
  resetClosedRootReader,
  shadowRootOf,
} from './walk';

function texts(root: Node = document.body) {
  return collectBlocks(root).map((b) => b.text.replace(/\s+/g, ' ').trim());
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('walk: blocks', () => {
  it('joins inline elements into one block and splits at block elements', () => {
    document.body.innerHTML =
      '<p>The Abraham <em>Accords</em> and <a href="#">normal</a>ization.</p><div>Second <b>block</b></div>';
    expect(texts()).toEqual(['The Abraham Accords and normalization.', 'Second block']);
  });

  it('treats text before, inside and after a nested block as separate blocks', () => {
    document.body.innerHTML = '<div>Before <p>inside</p> after</div>';
    expect(texts()).toEqual(['Before', 'inside', 'after']);
  });

  it('splits at block-rendered custom elements rather than inventing a phrase across them', () => {
    document.body.innerHTML = '<p>Abraham<x-widget style="display:block">Accords</x-widget></p>';
    expect(texts()).toEqual(['Abraham', 'Accords']);
  });

  it('reads a <br> as a space between two lines of one block, held by no node', () => {
    document.body.innerHTML =
      '<h2>Washington ties the Abraham<br>Accords to Iran</h2><p><br>Lead<br><br>line</p><p>x<br></p>';
    const [headline, lead, last] = collectBlocks(document.body);
    expect(headline?.text).toBe('Washington ties the Abraham Accords to Iran');
    expect(lead?.text).toBe('Lead line');
    expect(last?.text).toBe('x');
    if (!headline) throw new Error('no headline block');
    const start = headline.text.indexOf('Abraham');
    const end = start + 'Abraham Accords'.length;
    const [first, second] = headline.nodes;
    // The phrase runs from the first line's text into the second's; the space maps to no node of its own.
    expect(locate(headline, start)).toEqual({ node: first, offset: 'Washington ties the '.length });
    expect(locate(headline, end, true)).toEqual({ node: second, offset: 'Accords'.length });
    expect(locate(headline, start + 'Abraham'.length, true)).toEqual({ node: first, offset: 27 });
    expect(locate(headline, start + 'Abraham '.length)).toEqual({ node: second, offset: 0 });
    expect(nodeSpan(headline, start, end)).toEqual([0, 1]);
  });

  it('reads an inline-rendered custom element with its sentence', () => {
    document.body.innerHTML =
      '<p>The Abraham <x-term style="display:inline">Accords</x-term> and <x-box style="display:contents">normalization</x-box>.</p>';
    expect(texts()).toEqual(['The Abraham Accords and normalization.']);
  });

  it('skips scripts, styles, form fields, code, editable and hidden regions, and its own UI', () => {
    document.body.innerHTML = `
      <p>visible one</p>
      <script>var normalization = 1;</script><style>.x{}</style><noscript>noscript text</noscript>
      <template><p>template text</p></template>
      <textarea>typed text</textarea><select><option>option text</option></select>
      <pre>pre text</pre><p>a <code>code text</code> b</p><kbd>kbd</kbd><samp>samp</samp>
      <div contenteditable="true">editable text</div><div contenteditable="false">not editable</div>
      <div hidden>hidden text</div>
      <details><summary>summary text</summary>folded <p>text</p></details>
      <details open><summary>open summary</summary>unfolded</details>
      <svg><text>svg text</text></svg>
      <briefing-lens-card>card text</briefing-lens-card>
      <p>visible two</p>`;
    expect(texts()).toEqual([
      'visible one',
      'a',
      'b',
      'not editable',
      'summary text',
      'open summary',
      'unfolded',
      'visible two',
    ]);
  });

  it('walks the shadow roots of every kind of element that can host one', () => {
    const hosts = ['article', 'section', 'span', 'h2', 'x-card'];
    document.body.innerHTML = hosts.map((name) => `<${name}></${name}>`).join('');
    for (const name of hosts) {
      const host = document.body.querySelector(name) as HTMLElement;
      host.attachShadow({ mode: 'open' }).innerHTML = `<p>inside ${name}</p>`;
    }
    expect(collectBlocks(document.body).map((b) => b.text)).toEqual(hosts.map((name) => `inside ${name}`));
  });

  it('walks open shadow roots, shadow tree first, as separate blocks', () => {
    document.body.innerHTML =
      '<p>light before</p><div id="host"><span>slotted</span></div><p>light after</p>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow <em>text</em></p><slot></slot>';
    const seen: ShadowRoot[] = [];
    const bare: Element[] = [];
    document.body.append(document.createElement('x-later'));
    const blocks: string[] = [];
    new BlockWalker(document.body, (b) => blocks.push(b.text.trim()), {
      onShadowRoot: (r) => seen.push(r),
      onBareCustomElement: (el) => bare.push(el),
    }).step(() => false);
    expect(blocks).toEqual(['light before', 'shadow text', 'slotted', 'light after']);
    expect(seen).toEqual([shadow]);
    expect(bare.map((el) => el.localName)).toEqual(['x-later']);
  });

  it('walks a custom element’s closed shadow root through the extension API, and only there', () => {
    document.body.innerHTML = '<x-note id="note"></x-note><div id="plain"></div>';
    const closed = new Map<Element, ShadowRoot>();
    for (const id of ['note', 'plain']) {
      const host = document.getElementById(id) as HTMLElement;
      const root = host.attachShadow({ mode: 'closed' });
      root.innerHTML = `<p>closed ${id}</p>`;
      closed.set(host, root);
    }
    const asked: string[] = [];
    const walk = () => {
      const seen: ShadowRoot[] = [];
      const blocks: string[] = [];
      new BlockWalker(document.body, (b) => blocks.push(b.text.trim()), {
        onShadowRoot: (r) => seen.push(r),
      }).step(() => false);
      return { blocks, seen: seen.length };
    };
    const global = globalThis as { chrome?: unknown };
    const before = global.chrome;
    try {
      // Without the API (a page script, or these tests), a closed root stays closed.
      global.chrome = undefined;
      resetClosedRootReader();
      expect(walk()).toEqual({ blocks: [], seen: 0 });
      // Chrome's `dom.openOrClosedShadowRoot`, asked about custom elements only.
      global.chrome = {
        dom: {
          openOrClosedShadowRoot(el: Element) {
            asked.push(el.localName);
            return closed.get(el) ?? null;
          },
        },
      };
      resetClosedRootReader();
      expect(walk()).toEqual({ blocks: ['closed note'], seen: 1 });
      expect(asked).toEqual(['x-note']);
      expect(shadowRootOf(document.getElementById('note') as Element)).toBe(
        closed.get(document.getElementById('note') as Element),
      );
    } finally {
      global.chrome = before;
      resetClosedRootReader();
    }
  });

  it('walks 5,000-deep nesting without recursion', () => {
    let html = '';
    for (let i = 0; i < 5000; i++) html += '<div>';
    html += 'deep Abraham Accords';
    for (let i = 0; i < 5000; i++) html += '</div>';
    document.body.innerHTML = html;
    expect(texts()).toEqual(['deep Abraham Accords']);
  });

  it('stops when the slice expires and resumes where it left off', () => {
    document.body.innerHTML = Array.from({ length: 1000 }, (_, i) => `<p>para ${i}</p>`).join('');
    const blocks: string[] = [];
    const walker = new BlockWalker(document.body, (b) => blocks.push(b.text));
    let steps = 0;
    while (!walker.step(() => true)) steps++;
    expect(steps).toBeGreaterThan(5);
    expect(blocks).toHaveLength(1000);
    expect(blocks[999]).toBe('para 999');
  });

  it('knows the skipped ancestry and block root of a node', () => {
    document.body.innerHTML =
      '<div id="d"><p id="p">a <em id="em">b</em></p></div><pre><span id="s">x</span></pre>';
    const em = document.getElementById('em') as HTMLElement;
    expect(blockRootOf(em.firstChild as Node)).toBe(document.getElementById('p'));
    expect(isInsideSkipped(document.getElementById('s') as Node)).toBe(true);
    expect(isInsideSkipped(em)).toBe(false);
  });
});

describe('block offsets', () => {
  it('maps block offsets back to text nodes, at node edges too', () => {
    document.body.innerHTML = '<p>The Abraham <em>Accords</em> were signed.</p>';
    const [block] = collectBlocks(document.body);
    if (!block) throw new Error('no block');
    const start = block.text.indexOf('Abraham');
    const end = block.text.indexOf('Accords') + 'Accords'.length;
    const s = locate(block, start);
    const e = locate(block, end, true);
    expect(s.node.data).toBe('The Abraham ');
    expect(s.offset).toBe(4);
    expect(e.node.data).toBe('Accords');
    expect(e.offset).toBe(7);
    // A start on a node boundary goes to the next node; an end on it stays in the previous one.
    const boundary = block.starts[1] as number;
    expect(locate(block, boundary).node.data).toBe('Accords');
    expect(locate(block, boundary, true).node.data).toBe('The Abraham ');
    expect(nodeSpan(block, start, end)).toEqual([0, 1]);
    const range = document.createRange();
    range.setStart(s.node, s.offset);
    range.setEnd(e.node, e.offset);
    expect(range.toString()).toBe('Abraham Accords');
  });
});

describe('walk: inline tags laid out apart', () => {
  it('splits a block where word meets word across a span styled as a block, not across a plain one', () => {
    document.body.innerHTML =
      '<p><span style="display:block">Riyadh says</span><span style="display:block">Abraham Accords</span></p>' +
      '<p>Abraham<em>Accords</em> joined</p>' +
      '<p><span style="float:left;display:block">P</span>akistan</p>';
    expect(collectBlocks(document.body).map((b) => b.text)).toEqual([
      'Riyadh says',
      'Abraham Accords',
      'AbrahamAccords joined',
      'Pakistan',
    ]);
  });
});
