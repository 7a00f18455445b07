import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App, type PopupServices } from '../../components/popup/App';
import { glossary } from '../../glossary';
import { searchIndex } from '../../glossary/search-index';
import { createSearch } from '../../lib/search';
import { resolveActivePage } from './active-tab';
import { sitePause } from './site-pause';
import './style.css';

async function start(root: HTMLElement) {
  const page = await resolveActivePage();
  document.documentElement.dataset.mode = page.inPopup ? 'popup' : 'tab';
  const services: PopupServices = {
    glossary,
    search: createSearch(searchIndex),
    page,
    site: sitePause,
    openOptions: () => {
      void browser.runtime.openOptionsPage();
      if (page.inPopup) window.close();
    },
  };
  services.shortcuts = async () => {
    const commands = await browser.commands.getAll();
    // An unbound command has an empty shortcut: then there is nothing to suggest.
    const key = (name: string) => commands.find((c) => c.name === name)?.shortcut || undefined;
    return { next: key('next-term'), previous: key('previous-term') };
  };
  if (page.inPopup) {
    services.openInTab = () => {
      const query = page.tabId === undefined ? '' : `?tab=${page.tabId}`;
      void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}${query}${location.hash}` });
      window.close();
    };
  }
  render(<App services={services} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
