// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageTermsResponse } from '../../lib/messages';
import { createSearch } from '../../lib/search';
import {
  pauseHost,
  resumeHostOnly,
  resumeWildcard,
  type SitePauseLists,
  sitePauseStatus,
} from '../../lib/site-patterns';
import { popupGlossary, popupSearchIndex } from '../../tests/fixtures/popup-glossary';
import { App, type PopupServices } from './App';
import type { PageState } from './OnThisPage';
import { groupByTopic } from './OnThisPage';
import { formatRoute, parseRoute } from './route';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  history.replaceState(null, '', '#');
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const TERMS: PageTermsResponse = {
  ready: true,
  host: 'news.example.com',
  paused: false,
  terms: [
    { id: 'pakistan', label: 'Pakistan', topic: 'pakistan', count: 4, samples: ['Pakistan', 'Islamabad'] },
    { id: 'normalization', label: 'Normalization', topic: 'accords', count: 1, samples: ['normalization'] },
    {
      id: 'abraham-accords',
      label: 'Abraham Accords',
      topic: 'accords',
      count: 3,
      samples: ['Abraham Accords'],
    },
  ],
};

/** Popup services over `state`; the site settings live in memory and follow the real pause rules. */
function services(
  state: PageState,
  overrides: Partial<PopupServices> = {},
  paused: SitePauseLists = { pausedSites: [], pauseExceptions: [] },
) {
  let stored = paused;
  const s = {
    glossary: popupGlossary,
    search: createSearch(popupSearchIndex),
    page: { load: vi.fn(async () => state), focus: vi.fn(async () => undefined) },
    site: {
      status: vi.fn(async (host: string) => sitePauseStatus(host, stored)),
      pause: vi.fn(async (host: string) => {
        stored = pauseHost(host, stored);
      }),
      resume: vi.fn(async (host: string, scope: 'site' | 'wildcard') => {
        stored = scope === 'site' ? resumeHostOnly(host, stored) : resumeWildcard(host, stored);
      }),
      watch: vi.fn(() => () => undefined),
    },
    openOptions: vi.fn(),
    ...overrides,
    /** The site lists as the popup left them. */
    stored: () => stored,
  };
  return s;
}

async function mount(s: PopupServices, hash = '') {
  history.replaceState(null, '', hash || '#');
  await act(async () => {
    render(<App services={s} />, root);
  });
  // Let the page state load.
  await act(async () => {
    await Promise.resolve();
  });
}

/** Lets pending promises (a settings write, then the re-read status) finish and render. */
const settle = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

const text = (sel: string) => root.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('On this page', () => {
  it('groups the tab’s terms by topic in glossary order, most mentioned first, and focuses one on click', async () => {
    const s = services({ status: 'ready', response: TERMS });
    await mount(s);
    const headings = [...root.querySelectorAll('.on-page h3')].map((h) => h.textContent);
    expect(headings).toEqual(['Abraham Accords and normalization', 'Pakistan']);
    const rows = [...root.querySelectorAll<HTMLButtonElement>('button.term-row')];
    expect(rows.map((r) => r.dataset.term)).toEqual(['abraham-accords', 'normalization', 'pakistan']);
    expect(rows[2]?.textContent).toContain('as Islamabad');
    await act(async () => rows[2]?.click());
    expect(s.page.focus).toHaveBeenCalledWith('pakistan');
  });

  it('tells keyboard readers their shortcuts for moving between terms', async () => {
    const s = {
      ...services({ status: 'ready', response: TERMS }),
      shortcuts: async () => ({ next: 'Alt+Shift+J' }),
    };
    await mount(s);
    await act(async () => {
      await Promise.resolve();
    });
    expect(text('.tip')).toBe('On the page, Alt+Shift+J goes to the next term.');
  });

  it('explains a page it cannot read, and one with nothing found, without a pause switch for the former', async () => {
    await mount(services({ status: 'unavailable' }));
    expect(text('.empty')).toContain('cannot read this kind of page');
    expect(root.querySelector('[role="switch"]')).toBeNull();
    render(null, root);
    await mount(services({ status: 'ready', response: { ...TERMS, terms: [] } }));
    expect(text('.empty')).toContain('No terms from the briefing on this page');
    expect(root.querySelector('[role="switch"]')).not.toBeNull();
  });

  it('on a paused site says so and resumes on the response’s host', async () => {
    const s = services(
      { status: 'ready', response: { ...TERMS, paused: true, terms: [] } },
      {},
      {
        pausedSites: ['news.example.com'],
        pauseExceptions: [],
      },
    );
    await mount(s);
    expect(text('.empty')).toContain('paused on news.example.com');
    expect(root.querySelector<HTMLInputElement>('[role="switch"]')?.checked).toBe(true);
    const resume = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Resume'));
    await act(async () => resume?.click());
    expect(s.site.resume).toHaveBeenCalledWith('news.example.com', 'site');
    expect(s.stored().pausedSites).toEqual([]);
    expect(root.querySelector<HTMLInputElement>('[role="switch"]')?.checked).toBe(false);
  });

  describe('a site paused by a wildcard', () => {
    const paused = () =>
      services(
        { status: 'ready', response: { ...TERMS, paused: true, terms: [] } },
        {},
        {
          pausedSites: ['*.example.com', 'other.org'],
          pauseExceptions: [],
        },
      );
    const button = (name: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === name);

    it('names the wildcard, and offers resuming here only or everywhere on it (no bare switch)', async () => {
      await mount(paused());
      expect(text('.empty')).toContain('paused on all of *.example.com');
      expect(text('.site-pause legend')).toBe('Paused on all of *.example.com');
      expect(root.querySelector('[role="switch"]')).toBeNull();
      expect(button('Resume on this site only')).toBeDefined();
      expect(button('Resume everywhere on *.example.com')).toBeDefined();
    });

    it('“Resume on this site only” keeps the wildcard and says the rest stays paused', async () => {
      const s = paused();
      await mount(s);
      await act(async () => button('Resume on this site only')?.click());
      await settle();
      expect(s.site.resume).toHaveBeenCalledWith('news.example.com', 'site');
      expect(s.stored()).toEqual({
        pausedSites: ['*.example.com', 'other.org'],
        pauseExceptions: ['news.example.com'],
      });
      expect(root.querySelector<HTMLInputElement>('[role="switch"]')?.checked).toBe(false);
      expect(text('.site-note')).toBe('Resumed on this site only; the rest of *.example.com stays paused.');
      // Pausing again takes the exception back: the wildcard covers this site once more.
      await act(async () => root.querySelector<HTMLInputElement>('[role="switch"]')?.click());
      await settle();
      expect(s.stored()).toEqual({ pausedSites: ['*.example.com', 'other.org'], pauseExceptions: [] });
      expect(text('.site-pause legend')).toBe('Paused on all of *.example.com');
    });

    it('“Resume everywhere on *.example.com” removes the wildcard only', async () => {
      const s = paused();
      await mount(s);
      await act(async () => button('Resume everywhere on *.example.com')?.click());
      await settle();
      expect(s.site.resume).toHaveBeenCalledWith('news.example.com', 'wildcard');
      expect(s.stored()).toEqual({ pausedSites: ['other.org'], pauseExceptions: [] });
      expect(root.querySelector<HTMLInputElement>('[role="switch"]')?.checked).toBe(false);
      expect(root.querySelector('.site-note')).toBeNull();
    });
  });

  it('the pause switch pauses the page’s host', async () => {
    const s = services({ status: 'ready', response: TERMS });
    await mount(s);
    const input = root.querySelector<HTMLInputElement>('[role="switch"]');
    expect(input?.checked).toBe(false);
    await act(async () => input?.click());
    expect(s.site.pause).toHaveBeenCalledWith('news.example.com');
    expect(input?.checked).toBe(true);
  });

  it('puts the switch back and says why when the setting cannot be saved', async () => {
    const s = services({ status: 'ready', response: TERMS });
    s.site.pause = vi.fn(async () => {
      throw new Error('Not saved: sync storage is full.');
    });
    await mount(s);
    const input = root.querySelector<HTMLInputElement>('[role="switch"]');
    await act(async () => input?.click());
    await act(async () => {
      await Promise.resolve();
    });
    expect(input?.checked).toBe(false);
    expect(text('[role="alert"]')).toBe('Not saved: sync storage is full.');
  });
});

describe('views', () => {
  it('routes #term= to the term view and #passage= to the highlighted passage', async () => {
    await mount(services({ status: 'no-page' }), '#term=pakistan');
    expect(text('.term-view h2')).toBe('Pakistan');
    expect(root.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('Briefing');
    await act(async () => {
      location.hash = '#passage=key-2';
      dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(root.querySelector('.is-target')?.getAttribute('data-passage')).toBe('key-2');
  });

  it('links terms in the briefing text to their term view', async () => {
    await mount(services({ status: 'no-page' }), '#briefing');
    const hrefs = [...root.querySelectorAll('.key-points a.term-link')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('#term=abraham-accords');
    expect(hrefs).toContain('#term=pakistan');
  });

  it('search: arrows choose a result and Enter opens it; nothing found says so with suggestions', async () => {
    vi.useFakeTimers();
    await mount(services({ status: 'no-page' }), '#search');
    const input = root.querySelector<HTMLInputElement>('[role="combobox"]');
    if (!input) throw new Error('no combobox');
    const type = async (value: string) => {
      await act(async () => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => {
        vi.advanceTimersByTime(200);
      });
    };
    const key = (k: string) =>
      act(async () => {
        input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      });

    await type('pakistan coercien');
    expect(text('#search-status')).toContain('No match');
    expect(text('[role="listbox"]')).toContain('Pakistan');

    await type('abraham acords');
    expect(root.querySelector('[role="option"] mark')).not.toBeNull();
    await key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('result-0');
    await key('Enter');
    expect(location.hash).toBe('#term=abraham-accords');
  });
});

describe('several briefings', () => {
  const second = {
    ...popupGlossary,
    briefings: [
      ...popupGlossary.briefings,
      {
        ...(popupGlossary.briefings[0] as (typeof popupGlossary.briefings)[number]),
        id: 'other',
        headline: 'other-h',
        keyPoints: [],
        analysis: [],
        report: [],
        quotes: [],
        conversation: [],
      },
    ],
    passages: {
      ...popupGlossary.passages,
      'other-h': { id: 'other-h', briefing: 'other', part: 'headline' as const, text: 'A second story' },
    },
  };

  it('offers a picker, and a passage opens the briefing it belongs to', async () => {
    await mount({ ...services({ status: 'no-page' }), glossary: second }, '#passage=other-h');
    expect([...root.querySelectorAll('.briefing-picker a')].map((a) => a.textContent)).toHaveLength(2);
    expect(text('.briefing h2')).toBe('A second story');
    expect(root.querySelector('.briefing-picker [aria-current="page"]')?.textContent).toBe('A second story');
  });
});

describe('route and grouping helpers', () => {
  it('round-trips routes through the hash', () => {
    for (const hash of [
      '#term=pakistan',
      '#term=pakistan&qa=qa-1',
      '#passage=report-4',
      '#search=abraham%20acords',
      '#briefing',
      '#page',
    ]) {
      expect(formatRoute(parseRoute(hash))).toBe(hash);
    }
    expect(parseRoute('')).toEqual({ view: 'page' });
    expect(parseRoute('#term=')).toEqual({ view: 'briefing' });
    expect(parseRoute('#term=pakistan&qa=qa-1')).toEqual({ view: 'term', id: 'pakistan', qa: 'qa-1' });
    expect(parseRoute('#search=%E0%A4%A')).toEqual({ view: 'search', query: '%E0%A4%A' });
  });

  it('puts terms of unknown topics last rather than dropping them', () => {
    const groups = groupByTopic(
      [{ id: 'x', label: 'X', topic: 'zz', count: 1, samples: [] }],
      popupGlossary.topics,
    );
    expect(groups.map((g) => g.topic.id)).toEqual(['zz']);
  });
});
