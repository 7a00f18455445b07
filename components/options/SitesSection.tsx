import { useState } from 'preact/hooks';
import { hostMatchesPattern, pauseHost, validateSitePattern } from '../../lib/site-patterns';
import type { OnChange } from './types';

interface Props {
  pausedSites: string[];
  /** Hosts resumed from the popup inside a paused wildcard (shown with it). */
  pauseExceptions?: string[];
  onChange: OnChange;
}

/** Why `pattern` cannot be added to `list`, or null when it can. */
export function duplicateReason(pattern: string, list: string[], exceptions: string[] = []): string | null {
  if (list.includes(pattern)) return `${pattern} is already paused.`;
  if (!pattern.startsWith('*.') && !exceptions.some((e) => hostMatchesPattern(pattern, e))) {
    const cover = list.find((p) => p.startsWith('*.') && hostMatchesPattern(pattern, p));
    if (cover) return `${pattern} is already paused by ${cover}.`;
  }
  return null;
}

export function SitesSection({ pausedSites, pauseExceptions = [], onChange }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (e: Event) => {
    e.preventDefault();
    const r = validateSitePattern(text);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    const dup = duplicateReason(r.pattern, pausedSites, pauseExceptions);
    if (dup) {
      setError(dup);
      return;
    }
    setError(null);
    setText('');
    // A host resumed inside a wildcard is paused again by taking its exception back.
    const excepted = pauseExceptions.some((e) => hostMatchesPattern(r.pattern, e));
    onChange(
      excepted
        ? pauseHost(r.pattern, { pausedSites, pauseExceptions })
        : { pausedSites: [...pausedSites, r.pattern] },
    );
  };

  return (
    <section id="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Paused sites</h2>
      <p class="hint">
        Nothing is marked on these sites. <code>example.com</code> covers it and www.example.com;{' '}
        <code>*.example.com</code> covers every subdomain too. You can paste a page's address.
      </p>
      <form class="add-site" onSubmit={add} noValidate>
        <div class="field">
          <label for="site-input">Site to pause</label>
          <div class="inline">
            <input
              id="site-input"
              type="text"
              inputMode="url"
              autocomplete="off"
              spellcheck={false}
              placeholder="example.com or *.example.com"
              value={text}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'site-error' : undefined}
              onInput={(e) => {
                setText(e.currentTarget.value);
                if (error) setError(null);
              }}
            />
            <button type="submit">Pause site</button>
          </div>
          {error && (
            <p id="site-error" class="error" role="alert">
              {error}
            </p>
          )}
        </div>
      </form>
      {pausedSites.length === 0 ? (
        <p class="empty">No paused sites.</p>
      ) : (
        <ul class="rows site-list" aria-label="Paused sites">
          {pausedSites.map((p) => {
            const except = p.startsWith('*.') ? pauseExceptions.filter((e) => hostMatchesPattern(e, p)) : [];
            return (
              <li key={p} class="row">
                <span class="row-title site">
                  {p}
                  {except.length ? <span class="site-except"> except {except.join(', ')}</span> : null}
                </span>
                <button
                  type="button"
                  aria-label={`Unpause ${p}`}
                  onClick={() => onChange({ pausedSites: pausedSites.filter((x) => x !== p) })}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
