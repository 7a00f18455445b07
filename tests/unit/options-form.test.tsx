// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BehaviourSection, DWELL_SAVE_DELAY_MS } from '../../components/options/BehaviourSection';
import { DataSection } from '../../components/options/DataSection';
import { OptionsPage } from '../../components/options/OptionsPage';
import { SitesSection } from '../../components/options/SitesSection';
import { TermsSection } from '../../components/options/TermsSection';
import { TopicsSection } from '../../components/options/TopicsSection';
import type { TermSummary, TopicSummary } from '../../components/options/types';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings-types';

const TOPICS: TopicSummary[] = [
  {
    id: 'accords',
    name: 'Abraham Accords',
    description: 'Normalisation deals with Israel.',
    defaultOn: true,
  },
  { id: 'pakistan', name: 'Pakistan', description: 'Islamabad’s position.', defaultOn: true },
  { id: 'markets', name: 'Oil markets', description: 'Prices and supply.', defaultOn: false },
];
const TERMS: TermSummary[] = [
  { id: 'abraham-accords', label: 'Abraham Accords', topic: 'accords', aliases: ['the Accords'] },
  {
    id: 'normalization',
    label: 'Normalization',
    topic: 'accords',
    aliases: ['normalisation', 'normalize relations'],
  },
  { id: 'isi', label: 'Inter-Services Intelligence', topic: 'pakistan', aliases: ['ISI'] },
  { id: 'opec', label: 'OPEC+', topic: 'markets', aliases: ['OPEC plus'] },
];

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const mount = (vnode: preact.VNode) => act(() => render(vnode, root));
const $ = <T extends Element = HTMLElement>(sel: string) => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el;
};
const byLabel = <T extends HTMLElement = HTMLInputElement>(text: string): T => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label ${text}`);
  return document.getElementById(label.htmlFor) as T;
};
const type = async (input: HTMLInputElement, value: string) =>
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const click = (el: HTMLElement) => act(() => el.click());

describe('TopicsSection', () => {
  it('shows each topic with its name, description, term count and a labelled switch', async () => {
    await mount(
      <TopicsSection
        topics={TOPICS}
        termCounts={{ accords: 2, pakistan: 1 }}
        settings={{ ...DEFAULT_SETTINGS, topicsOff: ['pakistan'] }}
        onChange={() => undefined}
      />,
    );
    const switches = root.querySelectorAll<HTMLInputElement>('input[role="switch"]');
    expect(switches).toHaveLength(3);
    const accords = byLabel('Abraham Accords');
    expect(accords.getAttribute('role')).toBe('switch');
    expect(accords.checked).toBe(true);
    expect(byLabel('Pakistan').checked).toBe(false);
    expect(byLabel('Oil markets').checked).toBe(false);
    const desc = document.getElementById(accords.getAttribute('aria-describedby') ?? '');
    expect(desc?.textContent).toContain('Normalisation deals with Israel.');
    expect(desc?.textContent).toContain('2 terms');
    expect(root.textContent).toContain('1 of 3 on');
    expect(document.getElementById('topic-markets-desc')?.textContent).toContain('off unless you turn it on');
    expect(desc?.textContent).not.toContain('off unless');
  });

  it('toggling a switch reports the patch relative to the topic default', async () => {
    const onChange = vi.fn();
    await mount(
      <TopicsSection topics={TOPICS} termCounts={{}} settings={DEFAULT_SETTINGS} onChange={onChange} />,
    );
    await click(byLabel('Pakistan'));
    expect(onChange).toHaveBeenLastCalledWith({ topicsOff: ['pakistan'], topicsOn: [] });
    await click(byLabel('Oil markets'));
    expect(onChange).toHaveBeenLastCalledWith({ topicsOff: [], topicsOn: ['markets'] });
  });

  it('all on / all off', async () => {
    const onChange = vi.fn();
    await mount(
      <TopicsSection topics={TOPICS} termCounts={{}} settings={DEFAULT_SETTINGS} onChange={onChange} />,
    );
    await click(
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Turn all off') as HTMLElement,
    );
    expect(onChange).toHaveBeenLastCalledWith({ topicsOff: ['accords', 'pakistan'], topicsOn: [] });
    await click(
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Turn all on') as HTMLElement,
    );
    expect(onChange).toHaveBeenLastCalledWith({ topicsOff: [], topicsOn: ['markets'] });
  });
});

describe('TermsSection', () => {
  const setup = async (settings: Settings = DEFAULT_SETTINGS) => {
    const onChange = vi.fn();
    await mount(<TermsSection terms={TERMS} topics={TOPICS} settings={settings} onChange={onChange} />);
    return onChange;
  };
  const visibleLabels = () => [...root.querySelectorAll('.term-list label')].map((l) => l.textContent);

  it('filters by label, alias and topic, ignoring case and accents', async () => {
    await setup();
    expect(visibleLabels()).toHaveLength(4);
    await type($('#term-filter'), 'isi');
    expect(visibleLabels()).toEqual(['Inter-Services Intelligence']);
    await type($('#term-filter'), 'NORMALISATION');
    expect(visibleLabels()).toEqual(['Normalization']);
    await type($('#term-filter'), 'oil');
    expect(visibleLabels()).toEqual(['OPEC+']);
    await type($('#term-filter'), 'zzz');
    expect(root.textContent).toContain('No term matches “zzz”');
  });

  it('hides and shows terms, and says when a term’s topic is off', async () => {
    const onChange = await setup({ ...DEFAULT_SETTINGS, hiddenTerms: ['isi'], topicsOff: ['accords'] });
    const isi = byLabel('Inter-Services Intelligence');
    expect(isi.checked).toBe(false);
    await click(isi);
    expect(onChange).toHaveBeenLastCalledWith({ hiddenTerms: [] });
    await click(byLabel('OPEC+'));
    expect(onChange).toHaveBeenLastCalledWith({ hiddenTerms: ['isi', 'opec'] });
    expect(document.getElementById('term-normalization-desc')?.textContent).toContain('topic turned off');
    expect(document.getElementById('term-isi-desc')?.textContent).not.toContain('topic turned off');
  });
});

describe('BehaviourSection', () => {
  it('reflects the settings and reports each change', async () => {
    const onChange = vi.fn();
    await mount(
      <BehaviourSection settings={{ ...DEFAULT_SETTINGS, trigger: 'alt-hover' }} onChange={onChange} />,
    );
    expect(byLabel('Hover while holding Alt').checked).toBe(true);
    await click(byLabel('Click'));
    expect(onChange).toHaveBeenLastCalledWith({ trigger: 'click' });
    await click($('#style-background'));
    expect(onChange).toHaveBeenLastCalledWith({ highlightStyle: 'background' });
    await click(byLabel('First occurrence only'));
    expect(onChange).toHaveBeenLastCalledWith({ firstOccurrenceOnly: true });
    await click(byLabel('Show questions and answers in the card'));
    expect(onChange).toHaveBeenLastCalledWith({ showQA: false });
    await click(byLabel('Blue'));
    expect(onChange).toHaveBeenLastCalledWith({ highlightColor: '#1d4ed8' });
  });

  it('the delay slider shows its value at once, saves once it settles, within its bounds', async () => {
    vi.useFakeTimers();
    try {
      const onChange = vi.fn();
      await mount(<BehaviourSection settings={DEFAULT_SETTINGS} onChange={onChange} />);
      const dwell = $<HTMLInputElement>('#dwell');
      expect(dwell.min).toBe('100');
      expect(dwell.max).toBe('1500');
      expect(dwell.value).toBe('300');
      // Arrow keys: an input and a change event per press.
      for (const value of ['350', '400', '450']) {
        await act(() => {
          dwell.value = value;
          dwell.dispatchEvent(new Event('input', { bubbles: true }));
          dwell.dispatchEvent(new Event('change', { bubbles: true }));
        });
      }
      expect(root.querySelector('output')?.textContent).toBe('450 ms');
      expect(onChange).not.toHaveBeenCalled();
      await act(() => {
        vi.advanceTimersByTime(DWELL_SAVE_DELAY_MS);
      });
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange).toHaveBeenLastCalledWith({ dwellMs: 450 });

      // Leaving the slider saves at once; so does closing the page.
      await act(() => {
        dwell.value = '500';
        dwell.dispatchEvent(new Event('change', { bubbles: true }));
        dwell.dispatchEvent(new Event('blur'));
      });
      expect(onChange).toHaveBeenLastCalledWith({ dwellMs: 500 });
      await act(() => {
        dwell.value = '550';
        dwell.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await act(() => {
        render(null, root);
      });
      expect(onChange).toHaveBeenLastCalledWith({ dwellMs: 550 });
      expect(onChange).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the delay slider is disabled when cards open on click', async () => {
    await mount(<BehaviourSection settings={{ ...DEFAULT_SETTINGS, trigger: 'click' }} onChange={vi.fn()} />);
    expect($<HTMLInputElement>('#dwell').disabled).toBe(true);
  });
});

describe('SitesSection', () => {
  it('adds a valid pattern (normalised) and clears the field', async () => {
    const onChange = vi.fn();
    await mount(<SitesSection pausedSites={['example.org']} onChange={onChange} />);
    await type($('#site-input'), ' https://News.Example.com/world ');
    await act(() => {
      $('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith({ pausedSites: ['example.org', 'news.example.com'] });
    expect($<HTMLInputElement>('#site-input').value).toBe('');
  });

  it('shows a clear inline message for an invalid or duplicate site and changes nothing', async () => {
    const onChange = vi.fn();
    await mount(<SitesSection pausedSites={['*.example.com']} onChange={onChange} />);
    await type($('#site-input'), '*.com');
    await act(() => {
      $('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    const input = $<HTMLInputElement>('#site-input');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /every site ending in \.com/,
    );
    await type(input, 'news.example.com');
    expect(root.querySelector('[role="alert"]')).toBeNull();
    await act(() => {
      $('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect($('[role="alert"]').textContent).toBe('news.example.com is already paused by *.example.com.');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes a site with its labelled button', async () => {
    const onChange = vi.fn();
    await mount(<SitesSection pausedSites={['a.com', 'b.com']} onChange={onChange} />);
    await click($('button[aria-label="Unpause a.com"]'));
    expect(onChange).toHaveBeenLastCalledWith({ pausedSites: ['b.com'] });
  });
});

describe('SitesSection with exceptions made in the popup (“Resume on this site only”)', () => {
  const submit = () =>
    act(() => {
      $('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });

  it('a wildcard lists the sites resumed inside it', async () => {
    await mount(
      <SitesSection
        pausedSites={['*.example.com', 'other.org']}
        pauseExceptions={['news.example.com', 'weather.example.com']}
        onChange={() => undefined}
      />,
    );
    const rows = [...root.querySelectorAll('.site-list li .site')].map((r) => r.textContent?.trim());
    expect(rows).toEqual(['*.example.com except news.example.com, weather.example.com', 'other.org']);
  });

  it('pausing an excepted site again takes its exception back, rather than calling it a duplicate', async () => {
    const onChange = vi.fn();
    await mount(
      <SitesSection
        pausedSites={['*.example.com']}
        pauseExceptions={['news.example.com', 'weather.example.com']}
        onChange={onChange}
      />,
    );
    await type($('#site-input'), 'news.example.com');
    await submit();
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith({
      pausedSites: ['*.example.com'],
      pauseExceptions: ['weather.example.com'],
    });
    // A site the wildcard still covers is a duplicate, as before.
    await type($('#site-input'), 'sport.example.com');
    await submit();
    expect($('[role="alert"]').textContent).toBe('sport.example.com is already paused by *.example.com.');
  });
});

describe('DataSection', () => {
  const file = (text: string, name = 'settings.json') => new File([text], name, { type: 'application/json' });
  const choose = async (f: File) => {
    const input = $<HTMLInputElement>('#import-file');
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('.report')).not.toBeNull());
  };

  it('lists every problem of a rejected import', async () => {
    const onImport = vi.fn(async () => ({
      ok: false as const,
      errors: ['settings.dwellMs: too low', 'settings.x: unknown'],
    }));
    await mount(
      <DataSection onExport={() => undefined} onImport={onImport} onReset={async () => undefined} />,
    );
    await choose(file('{"bad":1}', 'bad.json'));
    expect(onImport).toHaveBeenCalledWith('{"bad":1}');
    const alert = $('[role="alert"]');
    expect(alert.textContent).toContain('Nothing was changed: bad.json has 2 problems');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'settings.dwellMs: too low',
      'settings.x: unknown',
    ]);
  });

  it('refuses a file far too large to be settings, without reading it', async () => {
    const onImport = vi.fn();
    await mount(
      <DataSection onExport={() => undefined} onImport={onImport} onReset={async () => undefined} />,
    );
    await choose(file('x'.repeat(300 * 1024), 'photo.json'));
    expect($('[role="alert"]').textContent).toContain('The file is 300 KB');
    expect(onImport).not.toHaveBeenCalled();
  });

  it('says what changed after a good import', async () => {
    const onImport = vi.fn(async () => ({ ok: true as const, changes: ['Hover delay: 300 → 600'] }));
    await mount(
      <DataSection onExport={() => undefined} onImport={onImport} onReset={async () => undefined} />,
    );
    await choose(file('{}'));
    expect($('.ok-report').textContent).toContain('Hover delay: 300 → 600');
  });

  it('reset asks for confirmation inline, focuses the confirm button, and can be cancelled', async () => {
    const onReset = vi.fn(async () => undefined);
    await mount(<DataSection onExport={() => undefined} onImport={vi.fn()} onReset={onReset} />);
    const button = (text: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
    await click(button('Reset to defaults…'));
    expect(onReset).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('Reset'));
    await click(button('Cancel'));
    expect(button('Reset')).toBeUndefined();
    expect(document.activeElement).toBe(button('Reset to defaults…'));
    await click(button('Reset to defaults…'));
    await act(() => {
      button('Reset').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(button('Reset')).toBeUndefined();
    expect(onReset).not.toHaveBeenCalled();
    await click(button('Reset to defaults…'));
    await act(async () => button('Reset').click());
    expect(onReset).toHaveBeenCalledOnce();
  });
});

describe('OptionsPage', () => {
  it('has one h1 with "options", landmarks, section headings and a live status', async () => {
    await mount(
      <OptionsPage
        settings={DEFAULT_SETTINGS}
        topics={TOPICS}
        terms={TERMS}
        status={{ kind: 'saved', message: 'Saved.', seq: 1 }}
        onChange={() => undefined}
        onExport={() => undefined}
        onImport={vi.fn()}
        onReset={async () => undefined}
      />,
    );
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect($('h1').textContent?.toLowerCase()).toContain('options');
    expect(root.querySelector('main')).not.toBeNull();
    expect(root.querySelector('nav[aria-label]')).not.toBeNull();
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Topics',
      'Terms',
      'Behaviour',
      'Paused sites',
      'Your data',
    ]);
    expect($('[role="status"][aria-live="polite"]').textContent).toBe('Saved.');
    // Every form control has an accessible label.
    for (const input of root.querySelectorAll<HTMLInputElement>('input')) {
      const labelled =
        input.labels?.length || input.getAttribute('aria-label') || input.getAttribute('aria-labelledby');
      expect(labelled, `input #${input.id}`).toBeTruthy();
    }
  });
});
