// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Term } from '../../glossary/types';
import { fixtureGlossary as glossary } from './fixture-glossary';
import { NoMatchCard } from './NoMatchCard';
import { MAX_QUESTIONS, TermCard, type TermCardProps } from './TermCard';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(overrides: Partial<TermCardProps> = {}) {
  const props: TermCardProps = {
    glossary,
    term: glossary.terms[0] as Term,
    pinned: false,
    showQA: true,
    briefingHref: (p) => `chrome-extension://x/popup.html#passage=${p}`,
    onTogglePin: vi.fn(),
    onClose: vi.fn(),
    onSelectTerm: vi.fn(),
    onOpenBriefing: vi.fn(),
    onHideTerm: vi.fn(),
    onPauseSite: vi.fn(),
    site: 'news.example',
    ...overrides,
  };
  act(() => render(<TermCard {...props} />, root));
  return props;
}
const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const buttons = () => [...root.querySelectorAll('button')];
const byText = (text: string) => buttons().find((b) => b.textContent?.includes(text));
const click = (el: Element | null | undefined) => {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
};

describe('TermCard', () => {
  it('is a dialog named by the term label, with topic and short explainer', () => {
    show();
    const dialog = $('[role="dialog"]');
    const title = root.querySelector(`#${dialog?.getAttribute('aria-labelledby')}`);
    expect(title?.textContent).toBe('Abraham Accords');
    expect($('.bl-topic')?.textContent).toBe('Diplomacy');
    expect($('.bl-short')?.textContent).toBe('Abraham Accords in short.');
  });

  it('"More" expands the long explainer and says so with aria-expanded', () => {
    show();
    const long = $('.bl-long');
    expect(long?.hidden).toBe(true);
    const more = byText('More');
    expect(more?.getAttribute('aria-expanded')).toBe('false');
    click(more);
    expect(long?.hidden).toBe(false);
    expect(byText('Less')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('offers no "More" when the long text adds nothing', () => {
    show({ term: glossary.terms[1] as Term });
    expect(byText('More')).toBeUndefined();
  });

  it(`shows at most ${MAX_QUESTIONS} questions, each expandable to its answer`, () => {
    show();
    const questions = [...root.querySelectorAll('.bl-question')];
    expect(questions.map((q) => q.textContent)).toEqual(['›Question 1?', '›Question 2?', '›Question 3?']);
    const answer = root.querySelector<HTMLElement>(`#${questions[1]?.getAttribute('aria-controls')}`);
    expect(answer?.hidden).toBe(true);
    click(questions[1]);
    expect(answer?.hidden).toBe(false);
    expect(answer?.textContent).toBe('Answer 2.');
    expect(questions[1]?.getAttribute('aria-expanded')).toBe('true');
    expect(questions[0]?.getAttribute('aria-expanded')).toBe('false');
  });

  it('leaves questions out when Q&A is turned off', () => {
    show({ showQA: false });
    expect(root.querySelectorAll('.bl-question')).toHaveLength(0);
  });

  it('quotes the briefing and opens it at the cited passage', () => {
    const props = show();
    expect($('.bl-quote')?.textContent).toContain('a precondition for any Iran nuclear agreement');
    const link = $<HTMLAnchorElement>('a.bl-link');
    expect(link?.getAttribute('href')).toBe('chrome-extension://x/popup.html#passage=key-1');
    click(link);
    expect(props.onOpenBriefing).toHaveBeenCalledWith('key-1');
  });

  it('lists known related terms as chips that switch the card', () => {
    const props = show();
    const chips = [...root.querySelectorAll('.bl-chip')];
    expect(chips.map((c) => c.textContent)).toEqual(['Pakistan']);
    click(chips[0]);
    expect(props.onSelectTerm).toHaveBeenCalledWith('pakistan');
  });

  it('wires hide, pause, pin and close', () => {
    const props = show();
    click(byText('Hide this term'));
    expect(props.onHideTerm).toHaveBeenCalledWith('accords');
    click(byText('Pause on this site'));
    expect(props.onPauseSite).toHaveBeenCalled();
    expect(byText('Pause on this site')?.textContent).toContain('news.example');
    click($('[aria-label="Keep open"]'));
    expect(props.onTogglePin).toHaveBeenCalled();
    click($('[aria-label="Close"]'));
    expect(props.onClose).toHaveBeenCalled();
  });

  it('shows the pin state', () => {
    show({ pinned: true });
    expect($('[aria-label="Keep open"]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('Tab from the last control wraps to the first, Shift+Tab from the first to the last', () => {
    show();
    const dialog = $('[role="dialog"]') as HTMLElement;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button, a[href]')].filter(
      (el) => !el.closest('[hidden]'),
    );
    const first = focusable[0] as HTMLElement;
    const last = focusable.at(-1) as HTMLElement;
    last.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    act(() => {
      last.dispatchEvent(tab);
    });
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(first);
    const back = new KeyboardEvent('keydown', {
      key: 'Tab',
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    act(() => {
      first.dispatchEvent(back);
    });
    expect(document.activeElement).toBe(last);
  });
});

describe('NoMatchCard', () => {
  it('names the selection and offers suggestions as chips', () => {
    const onSelectTerm = vi.fn();
    act(() =>
      render(
        <NoMatchCard
          glossary={glossary}
          text={'  Abrahm   Acords '}
          suggestions={['accords', 'nope']}
          pinned={false}
          onTogglePin={vi.fn()}
          onClose={vi.fn()}
          onSelectTerm={onSelectTerm}
        />,
        root,
      ),
    );
    expect($('.bl-title')?.textContent).toBe('No match for “Abrahm Acords”');
    // The reader's selection, in whatever script, is isolated from the English around it.
    expect($('.bl-title bdi')?.textContent).toBe('Abrahm Acords');
    const chips = [...root.querySelectorAll('.bl-chip')];
    expect(chips.map((c) => c.textContent)).toEqual(['Abraham Accords']);
    click(chips[0]);
    expect(onSelectTerm).toHaveBeenCalledWith('accords');
  });
});
