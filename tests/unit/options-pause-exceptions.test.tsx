// @vitest-environment happy-dom
// The options page's paused sites with exceptions made in the popup ("Resume on this site only").
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SitesSection } from '../../components/options/SitesSection';

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
const rows = () => [...root.querySelectorAll('.site-list li .site')].map((r) => r.textContent?.trim());
const add = async (value: string) => {
  const input = root.querySelector<HTMLInputElement>('#site-input');
  if (!input) throw new Error('no #site-input');
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
};

describe('paused sites with exceptions', () => {
  it('a wildcard lists the sites resumed inside it', async () => {
    await mount(
      <SitesSection
        pausedSites={['*.example.com', 'other.org']}
        pauseExceptions={['news.example.com', 'weather.example.com']}
        onChange={() => undefined}
      />,
    );
    expect(rows()).toEqual(['*.example.com except news.example.com, weather.example.com', 'other.org']);
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
    await add('news.example.com');
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith({
      pausedSites: ['*.example.com'],
      pauseExceptions: ['weather.example.com'],
    });
    // A site the wildcard still covers is a duplicate, as before.
    await add('sport.example.com');
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'sport.example.com is already paused by *.example.com.',
    );
  });
});
