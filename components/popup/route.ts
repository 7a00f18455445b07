// The popup's views live in the URL hash, so deep links (`#term=<id>`, `#passage=<id>`: DESIGN.md
// contract 4, and the card's "open the full briefing" link) and the Back button in a full tab both work.

export type Route =
  | { view: 'page' }
  /** `id` picks one briefing when the glossary holds several (`#briefing=<id>`). */
  | { view: 'briefing'; passage?: string; id?: string }
  /** `qa` opens one of the term's questions (`#term=<id>&qa=<qa id>`, from a search hit on it). */
  | { view: 'term'; id: string; qa?: string }
  | { view: 'search'; query: string };

export type Tab = 'page' | 'briefing' | 'search';

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const eq = raw.indexOf('=');
  const key = eq < 0 ? raw : raw.slice(0, eq);
  const rest = eq < 0 ? '' : raw.slice(eq + 1);
  // Ids never contain '&'; split before decoding so an encoded one in a search query stays text.
  const value = key === 'term' ? rest.split('&qa=').map(safeDecode).join('&qa=') : safeDecode(rest);
  switch (key) {
    case 'term': {
      const [id = '', qa] = value.split('&qa=');
      if (!id) return { view: 'briefing' };
      return qa ? { view: 'term', id, qa } : { view: 'term', id };
    }
    case 'passage':
      return value ? { view: 'briefing', passage: value } : { view: 'briefing' };
    case 'briefing':
      return value ? { view: 'briefing', id: value } : { view: 'briefing' };
    case 'search':
      return { view: 'search', query: value };
    default:
      return { view: 'page' };
  }
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'term':
      return `#term=${encodeURIComponent(route.id)}${route.qa ? `&qa=${encodeURIComponent(route.qa)}` : ''}`;
    case 'briefing':
      if (route.passage) return `#passage=${encodeURIComponent(route.passage)}`;
      return route.id ? `#briefing=${encodeURIComponent(route.id)}` : '#briefing';
    case 'search':
      return route.query ? `#search=${encodeURIComponent(route.query)}` : '#search';
    case 'page':
      return '#page';
  }
}

/** The term view and passages belong to the briefing tab. */
export function tabOf(route: Route): Tab {
  return route.view === 'term' ? 'briefing' : route.view;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
