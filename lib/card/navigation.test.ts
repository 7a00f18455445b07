// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShownMention } from '../page/types';
import { stepMention } from './navigation';

let mentions: ShownMention[];

beforeEach(() => {
  // Three paragraphs, each mentioning one term at its start.
  document.body.innerHTML = '<p>Pakistan said</p><p>Accords said</p><p>Pakistan again</p>';
  const terms = ['pakistan', 'accords', 'pakistan'];
  mentions = [...document.querySelectorAll('p')].map((p, i) => {
    const range = document.createRange();
    const text = p.firstChild as Text;
    range.setStart(text, 0);
    range.setEnd(text, text.data.indexOf(' '));
    return { id: i, term: terms[i] as string, range, text: range.toString() };
  });
});

const ids = (m: ShownMention | undefined) => m?.id;

describe('stepMention', () => {
  it('starts at the first mention going forward and the last going back', () => {
    expect(ids(stepMention(mentions, undefined, 1))).toBe(0);
    expect(ids(stepMention(mentions, undefined, -1))).toBe(2);
  });

  it('moves to the neighbour and wraps around', () => {
    const at = (i: number) => mentions[i]?.range;
    expect(ids(stepMention(mentions, at(0), 1))).toBe(1);
    expect(ids(stepMention(mentions, at(2), 1))).toBe(0);
    expect(ids(stepMention(mentions, at(1), -1))).toBe(0);
    expect(ids(stepMention(mentions, at(0), -1))).toBe(2);
  });

  it('goes by position when the current mention is gone from the list', () => {
    const gone = document.createRange();
    const second = document.querySelectorAll('p')[1]?.firstChild as Text;
    gone.setStart(second, 8);
    gone.setEnd(second, 12);
    expect(ids(stepMention(mentions, gone, 1))).toBe(2);
    expect(ids(stepMention(mentions, gone, -1))).toBe(1);
  });

  it('keeps to document order when the index lists mentions in scan order', () => {
    const shuffled = [mentions[2], mentions[0], mentions[1]] as ShownMention[];
    expect(ids(stepMention(shuffled, undefined, 1))).toBe(0);
    expect(ids(stepMention(shuffled, undefined, -1))).toBe(2);
    expect(ids(stepMention(shuffled, mentions[0]?.range, 1))).toBe(1);
    expect(ids(stepMention(shuffled, mentions[2]?.range, -1))).toBe(1);
  });

  it('follows one term when asked', () => {
    expect(ids(stepMention(mentions, mentions[0]?.range, 1, 'pakistan'))).toBe(2);
    expect(ids(stepMention(mentions, undefined, 1, 'accords'))).toBe(1);
    expect(stepMention(mentions, undefined, 1, 'unknown')).toBeUndefined();
  });
});
