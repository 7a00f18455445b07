// @vitest-environment happy-dom
// The card's wiring with WXT's fake browser: the page is untouched until a card shows, messages are
// accepted only from the extension, actions reach the settings, and invalidation removes everything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fixtureGlossary } from '../../components/card/fixture-glossary';
import type { PageIndex, ShownMention } from '../page/types';
import { getSettings, isSitePaused, updateSettings } from '../settings';
import { startCardUi } from './start';

const HOST = 'briefing-lens-card';
const self = { id: fakeBrowser.runtime.id };

let ctx: ContentScriptContext;
let mentions: ShownMention[];
let active: Array<Range | undefined>;

function fakeIndex(): PageIndex {
  return {
    at: (node, offset) =>
      mentions.find(
        (m) => m.range.startContainer === node && offset >= m.range.startOffset && offset < m.range.endOffset,
      ),
    list: () => mentions,
    onChange: () => () => {},
  };
}

/** Sends a runtime message as if from `sender`; returns what the card's listener answered. */
async function send(message: unknown, sender: { id?: string } = self): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
  return answers.find((a: unknown) => a !== undefined);
}

const card = () => document.querySelector(HOST)?.shadowRoot?.querySelector('[role="dialog"]');
const cardTitle = () => card()?.querySelector('h2')?.textContent;

beforeEach(async () => {
  fakeBrowser.reset();
  document.body.innerHTML =
    '<p id="p">The Abraham Accords and Pakistan.</p><button id="page-button" type="button">Page</button>';
  const text = document.getElementById('p')?.firstChild as Text;
  const range = (start: number, end: number) => {
    const r = document.createRange();
    r.setStart(text, start);
    r.setEnd(text, end);
    return r;
  };
  mentions = [
    { id: 1, term: 'accords', range: range(4, 19), text: 'Abraham Accords' },
    { id: 2, term: 'pakistan', range: range(24, 32), text: 'Pakistan' },
  ];
  active = [];
  ctx = new ContentScriptContext('content');
  await startCardUi(ctx, { index: fakeIndex(), glossary: fixtureGlossary, setActive: (r) => active.push(r) });
});
afterEach(() => {
  ctx.notifyInvalidated();
});

describe('startCardUi', () => {
  it('adds nothing to the page until a card is shown', () => {
    expect(document.querySelector(HOST)).toBeNull();
  });

  it('next-term opens the first term with focus in the card and marks it active; Esc closes and returns focus', async () => {
    (document.getElementById('page-button') as HTMLElement).focus();
    expect(await send({ type: 'next-term' })).toEqual({ opened: true, term: 'accords' });
    expect(cardTitle()).toBe('Abraham Accords');
    expect(document.activeElement?.tagName.toLowerCase()).toBe(HOST);
    expect(active.at(-1)).toBe(mentions[0]?.range);

    expect(await send({ type: 'next-term' })).toEqual({ opened: true, term: 'pakistan' });
    expect(cardTitle()).toBe('Pakistan');
    expect(document.querySelectorAll(HOST)).toHaveLength(1);

    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    window.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(true);
    expect(card()).toBeFalsy();
    expect(active.at(-1)).toBeUndefined();
    expect(document.activeElement?.id).toBe('page-button');
  });

  describe('Esc', () => {
    const pressEsc = (target: EventTarget = window) => {
      const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      target.dispatchEvent(esc);
      return esc.defaultPrevented;
    };
    const addField = (html: string) => {
      document.body.insertAdjacentHTML('beforeend', html);
      const field = document.body.lastElementChild as HTMLElement;
      field.focus();
      return field;
    };

    it('in a page field belongs to the page, even while a card opened from the keyboard is open', async () => {
      await send({ type: 'next-term' });
      // The page moves focus to its search box (e.g. on "/").
      const search = addField('<input type="search" aria-label="Search">');
      let pageSaw = 0;
      search.addEventListener('keydown', () => pageSaw++);
      expect(pressEsc(search)).toBe(false);
      expect(pageSaw).toBe(1);
      expect(cardTitle()).toBe('Abraham Accords');
    });

    it('closes a card the reader summoned when focus is on the page, not in a field', async () => {
      await send({ type: 'explain-selection', text: 'Abraham Accords', term: 'accords', suggestions: [] });
      expect(cardTitle()).toBe('Abraham Accords');
      expect(pressEsc()).toBe(true);
      expect(card()).toBeFalsy();
    });

    it('leaves a summoned card open while focus is in an editable element or a custom search box', async () => {
      await send({ type: 'explain-selection', text: 'Abraham Accords', term: 'accords', suggestions: [] });
      addField('<div contenteditable="true">draft</div>');
      expect(pressEsc()).toBe(false);
      addField('<div role="searchbox" tabindex="0"></div>');
      expect(pressEsc()).toBe(false);
      expect(cardTitle()).toBe('Abraham Accords');
      // Back on the page's body, Esc is the card's again.
      (document.activeElement as HTMLElement).blur();
      expect(pressEsc()).toBe(true);
      expect(card()).toBeFalsy();
    });
  });

  it('keeps keys typed in the card from the page’s shortcuts, while Esc there still closes it', async () => {
    await send({ type: 'next-term' });
    const seen: string[] = [];
    document.addEventListener('keydown', (e) => seen.push(e.key));
    const button = card()?.querySelector('button') as HTMLButtonElement;
    for (const key of ['j', ' ', 'Enter'])
      button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    expect(seen).toEqual([]);
    expect(cardTitle()).toBe('Abraham Accords');
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(card()).toBeFalsy();
    // Outside the card, the page hears its keys as always.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    expect(seen).toEqual(['j']);
  });

  it('leaves keys alone when no card is open', () => {
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    window.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(false);
  });

  it('ignores messages from anyone but the extension', async () => {
    expect(await send({ type: 'next-term' }, { id: 'another-extension' })).toBeUndefined();
    expect(await send({ type: 'next-term' }, {})).toBeUndefined();
    expect(card()).toBeFalsy();
  });

  it('focus-term goes to that term', async () => {
    expect(await send({ type: 'focus-term', id: 'pakistan' })).toEqual({ opened: true, term: 'pakistan' });
    expect(cardTitle()).toBe('Pakistan');
  });

  it('explain-selection without a term says there is no match and offers suggestions', async () => {
    await send({ type: 'explain-selection', text: 'Abrahm', suggestions: ['accords'] });
    expect(cardTitle()).toBe('No match for “Abrahm”');
    const chip = card()?.querySelector<HTMLButtonElement>('.bl-chip');
    expect(chip?.textContent).toBe('Abraham Accords');
  });

  it('"Hide this term" stores the term as hidden and closes the card', async () => {
    await send({ type: 'next-term' });
    const hide = [...(card()?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Hide this term',
    );
    hide?.click();
    expect(card()).toBeFalsy();
    await expect.poll(async () => (await getSettings()).hiddenTerms).toEqual(['accords']);
  });

  it('"Pause on this site" stores this host as paused and closes the card', async () => {
    await send({ type: 'next-term' });
    const pause = [...(card()?.querySelectorAll('button') ?? [])].find((b) =>
      b.textContent?.startsWith('Pause on this site'),
    );
    pause?.click();
    expect(card()).toBeFalsy();
    await expect.poll(async () => (await getSettings()).pausedSites).toEqual([location.hostname]);
  });

  it('toggle-site pauses and then resumes this host', async () => {
    expect(await send({ type: 'toggle-site' })).toEqual({ paused: true });
    await expect.poll(async () => (await getSettings()).pausedSites).toEqual([location.hostname]);
    // The same command resumes.
    expect(await send({ type: 'toggle-site' })).toEqual({ paused: false });
    await expect.poll(async () => (await getSettings()).pausedSites).toEqual([]);
  });

  it('toggle-site resumes only this host inside a paused wildcard', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://news.example.com/story',
    );
    await updateSettings(() => ({ pausedSites: ['*.example.com'] }));
    await expect.poll(async () => isSitePaused('news.example.com', await getSettings())).toBe(true);
    expect(await send({ type: 'toggle-site' })).toEqual({ paused: false });
    const after = await getSettings();
    // The wildcard stays for the other sites under it; this one becomes its exception.
    expect(after.pausedSites).toEqual(['*.example.com']);
    expect(after.pauseExceptions).toEqual(['news.example.com']);
    expect(isSitePaused('sport.example.com', after)).toBe(true);
    expect(isSitePaused('news.example.com', after)).toBe(false);
  });

  it('removes its host and stops listening when the context is invalidated', async () => {
    await send({ type: 'next-term' });
    expect(document.querySelector(HOST)).not.toBeNull();
    ctx.notifyInvalidated();
    expect(document.querySelector(HOST)).toBeNull();
    expect(await send({ type: 'next-term' })).toBeUndefined();
    expect(document.querySelector(HOST)).toBeNull();
  });

  it('still removes its host when the extension is gone and removing its listeners throws', async () => {
    await send({ type: 'next-term' });
    expect(document.querySelector(HOST)).not.toBeNull();
    const dead = () => {
      throw new Error('Extension context invalidated.');
    };
    const { onMessage } = fakeBrowser.runtime;
    const { onChanged } = fakeBrowser.storage;
    const restore = [onMessage.removeListener, onChanged.removeListener];
    onMessage.removeListener = dead;
    onChanged.removeListener = dead;
    try {
      expect(() => ctx.notifyInvalidated()).not.toThrow();
      expect(document.querySelector(HOST)).toBeNull();
    } finally {
      [onMessage.removeListener, onChanged.removeListener] = restore as [typeof dead, typeof dead];
    }
  });
});
