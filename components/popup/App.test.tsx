// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageTermsResponse } from '../../lib/messages';
import { createSearch } from '../../lib/search';
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

function services(state: PageState, overrides: Partial<PopupServices> = {}) {
  let paused = false;
  const s = {
    glossary: popupGlossary,
    search: createSearch(popupSearchIndex),
    page: { load: vi.fn(async () => state), focus: vi.fn(async () => undefined) },
    site: {
      isPaused: vi.fn(async () => paused),
      setPaused: vi.fn(async (_host: string, p: boolean) => {
        paused = p;
      }),
      watch: vi.fn(() => () => undefined),
    },
    openOptions: vi.fn(),
    ...overrides,
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
    const s = services({ status: 'ready', response: { ...TERMS, paused: true, terms: [] } });
    await mount(s);
    expect(text('.empty')).toContain('paused on news.example.com');
    const resume = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Resume'));
    await act(async () => resume?.click());
    expect(s.site.setPaused).toHaveBeenCalledWith('news.example.com', false);
  });

  it('the pause switch pauses the page’s host', async () => {
    const s = services({ status: 'ready', response: TERMS });
    await mount(s);
    const input = root.querySelector<HTMLInputElement>('[role="switch"]');
    expect(input?.checked).toBe(false);
    await act(async () => input?.click());
    expect(s.site.setPaused).toHaveBeenCalledWith('news.example.com', true);
    expect(input?.checked).toBe(true);
  });

  it('puts the switch back and says why when the setting cannot be saved', async () => {
    const s = services({ status: 'ready', response: TERMS });
    s.site.setPaused = vi.fn(async () => {
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
