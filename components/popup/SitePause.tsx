import { useEffect, useRef } from 'preact/hooks';
import type { SitePauseStatus } from '../../lib/site-patterns';
import { SiteSwitch } from './SiteSwitch';

export type ResumeScope = 'site' | 'wildcard';

interface Props {
  host: string;
  status: SitePauseStatus;
  onPause: () => void;
  onResume: (scope: ResumeScope) => void;
}

/**
 * The popup's pause control. A host paused by its own pattern (or not paused) gets a switch. A host
 * paused by a wildcard gets the two ways out, named: this site only, or the whole wildcard, so a reader
 * never resumes `sport.example.com` while meaning `news.example.com`.
 */
export function SitePause({ host, status, onPause, onResume }: Props) {
  const wildcard = status.paused ? status.wildcards[0] : undefined;
  // Resumed here inside a paused wildcard: say that the rest of it is still paused.
  const resumedIn = !status.paused && status.exception ? status.wildcards[0] : undefined;
  const kind = wildcard ? 'choices' : 'switch';
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef(kind);
  useEffect(() => {
    // The control the reader used is replaced (switch <-> buttons): keep focus in the footer rather
    // than dropping it on the body.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (shown.current !== kind && lost) box.current?.querySelector<HTMLElement>('button, input')?.focus();
    shown.current = kind;
  }, [kind]);
  return (
    <div ref={box}>
      {wildcard ? (
        <fieldset class="site-pause">
          <legend>
            Paused on all of <span class="host">{wildcard}</span>
          </legend>
          <div class="site-pause-actions">
            <button type="button" class="primary" onClick={() => onResume('site')}>
              Resume on this site only
            </button>
            <button type="button" onClick={() => onResume('wildcard')}>
              Resume everywhere on {wildcard}
            </button>
          </div>
        </fieldset>
      ) : (
        <SiteSwitch
          host={host}
          paused={status.paused}
          onChange={(paused) => (paused ? onPause() : onResume('site'))}
        />
      )}
      {resumedIn ? (
        <p class="site-note">
          Resumed on this site only; the rest of <span class="host">{resumedIn}</span> stays paused.
        </p>
      ) : null}
    </div>
  );
}

/** How the popup's page view names what pauses the site. */
export function pausedWhere(host: string | undefined, status: SitePauseStatus | undefined): string {
  const wildcard = status?.paused ? status.wildcards[0] : undefined;
  if (wildcard) return `all of ${wildcard}`;
  return host ?? 'this site';
}
