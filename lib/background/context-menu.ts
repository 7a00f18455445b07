// The "Explain “%s”" item on text selections. Created once per install/update (menus persist in
// Chrome); the click goes to the explainer.
import type { ExplainSelection } from './explain-selection';

export const MENU_ID = 'briefing-lens-explain';

export interface MenusApi {
  create(props: { id: string; title: string; contexts: ['selection'] }): unknown;
  removeAll(): Promise<void>;
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
}

export async function createMenu(menus: MenusApi): Promise<void> {
  // An update re-runs onInstalled while the old item still exists; creating it twice is an error.
  await menus.removeAll();
  menus.create({ id: MENU_ID, title: 'Explain “%s”', contexts: ['selection'] });
}

export function onMenuClick(explain: ExplainSelection) {
  return (info: MenuClick, tab?: { id?: number }) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return undefined;
    return explain(info.selectionText, tab?.id, info.frameId);
  };
}
