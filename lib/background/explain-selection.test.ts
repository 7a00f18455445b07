import { describe, expect, it, vi } from 'vitest';
import type { ToContent } from '../messages';
import { createExplainer } from './explain-selection';

const lookup = (text: string) =>
  text === 'Pakistan'
    ? { text, term: 'pakistan', suggestions: ['uae'] }
    : { text: text.trim(), suggestions: ['pakistan'] };

function setup(sendFails: boolean) {
  const sent: Array<[number, ToContent, number | undefined]> = [];
  const opened: string[] = [];
  const explain = createExplainer({
    lookup,
    sendToTab: async (tabId, message, frameId) => {
      if (sendFails) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push([tabId, message, frameId]);
    },
    openTab: async (url) => opened.push(url),
    popupUrl: (hash) => `ext://popup.html#${hash}`,
  });
  return { explain, sent, opened };
}

describe('createExplainer', () => {
  it('sends the match to the page, which opens the card there', async () => {
    const { explain, sent, opened } = setup(false);
    const out = await explain('Pakistan', 3, 0);
    expect(out.shown).toBe('card');
    expect(sent).toEqual([
      [3, { type: 'explain-selection', text: 'Pakistan', term: 'pakistan', suggestions: ['uae'] }, 0],
    ]);
    expect(opened).toEqual([]);
  });

  it('sends a miss too, without a term, so the page can say there is no match', async () => {
    const { explain, sent } = setup(false);
    await explain('zzqx', 3);
    expect(sent[0]?.[1]).toEqual({ type: 'explain-selection', text: 'zzqx', suggestions: ['pakistan'] });
  });

  it('opens the term view in a tab when the page cannot host the card', async () => {
    const { explain, opened } = setup(true);
    const out = await explain('Pakistan', 3);
    expect(out.shown).toBe('tab');
    expect(opened).toEqual(['ext://popup.html#term=pakistan']);
  });

  it('opens a search for the text when there is no match and no page to host the card', async () => {
    const { explain, opened } = setup(true);
    await explain('no such thing', undefined);
    expect(opened).toEqual(['ext://popup.html#search=no%20such%20thing']);
  });

  it('does nothing for an empty selection', async () => {
    const send = vi.fn();
    const explain = createExplainer({ lookup, sendToTab: send, openTab: send, popupUrl: (h) => h });
    expect((await explain('   ', 1)).shown).toBe('nothing');
    expect(send).not.toHaveBeenCalled();
  });
});
