import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompiledGlossary } from '../../glossary/types';
import { type GlossarySearch, type Marked, type SearchHit, segments } from '../../lib/search';

interface Props {
  glossary: CompiledGlossary;
  search: GlossarySearch;
  initialQuery: string;
  /** Put the caret in the field on mount (not when the reader arrived by arrowing through the tabs). */
  autoFocus: boolean;
  /** Called (debounced) with the query, so it can be kept in the URL. */
  onQuery: (query: string) => void;
  onOpen: (hit: Pick<SearchHit, 'kind' | 'id'>) => void;
}

const DEBOUNCE_MS = 120;

/** Search as you type: an ARIA 1.2 combobox over a listbox (arrows move, Enter opens, Esc clears). */
export function SearchPanel({ glossary, search, initialQuery, autoFocus, onQuery, onOpen }: Props) {
  const [input, setInput] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(-1);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(input);
      setActive(-1);
      onQuery(input.trim());
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const hits = useMemo(() => search.search(query), [search, query]);
  const suggestions = useMemo(
    () => (query.trim() && !hits.length ? search.suggest(query) : []),
    [search, query, hits],
  );
  const options = hits.length ? hits : suggestions;
  const open = options.length > 0;
  const activeId = active >= 0 && active < options.length ? `result-${active}` : undefined;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive((i) => (i + 1) % options.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (e.key === 'Home' && open && active >= 0) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && open && active >= 0) {
      e.preventDefault();
      setActive(options.length - 1);
    } else if (e.key === 'Enter') {
      // Enter before the debounce fires searches what is typed now, not what was typed 100 ms ago.
      const now = input === query ? options : search.search(input);
      const hit = now[Math.max(0, active)];
      if (hit) {
        e.preventDefault();
        onOpen(hit);
      }
    } else if (e.key === 'Escape' && input) {
      e.preventDefault();
      setInput('');
    }
  };

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const status = !query.trim()
    ? ''
    : hits.length
      ? `${hits.length} result${hits.length === 1 ? '' : 's'}`
      : `No match for “${query.trim()}”.${suggestions.length ? ' Closest terms below.' : ''}`;

  return (
    <div class="search">
      <label for="search-input" class="search-label">
        Search terms, explainers and questions
      </label>
      <input
        id="search-input"
        ref={field}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        placeholder="e.g. Abraham Accords, sovereignty"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls="search-results"
        aria-activedescendant={activeId}
        aria-describedby="search-status"
        value={input}
        onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <p id="search-status" class="search-status" role="status" aria-live="polite">
        {status}
      </p>
      {!hits.length && suggestions.length ? <h3 class="suggest-heading">Closest terms</h3> : null}
      <ul
        id="search-results"
        role="listbox"
        aria-label={hits.length ? 'Results' : 'Closest terms'}
        hidden={!open}
      >
        {options.map((hit, i) => (
          // Keys are handled on the combobox input (aria-activedescendant), so options need no key handlers.
          <li
            key={`${hit.kind}:${hit.id}`}
            id={`result-${i}`}
            role="option"
            aria-selected={i === active}
            class={`result ${i === active ? 'is-active' : ''}`}
            onClick={() => onOpen(hit)}
            onMouseMove={() => i !== active && setActive(i)}
          >
            <span class="result-kind">{hit.kind === 'term' ? topicName(glossary, hit.id) : 'Q&A'}</span>
            <span class="result-title">
              <Highlighted marked={hit.title} />
            </span>
            {hit.detail ? (
              <span class="result-detail">
                {hit.detail.field === 'alias' ? 'also ' : ''}
                <Highlighted marked={hit.detail} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Highlighted({ marked }: { marked: Marked }) {
  return <>{segments(marked).map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

function topicName(glossary: CompiledGlossary, termId: string): string {
  const term = glossary.terms.find((t) => t.id === termId);
  return glossary.topics.find((t) => t.id === term?.topic)?.name ?? 'Term';
}
