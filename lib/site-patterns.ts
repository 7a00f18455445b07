// Site patterns for "pause on this site": a host name (`news.example.com`, `localhost`, `192.168.1.10`)
// or a wildcard over a domain (`*.example.com`). Pure, so the options page, popup and content script
// agree on what a pattern means.
//
// Decisions:
// - A pasted address (`https://news.example.com/a/b?c`) is reduced to its host: readers copy from the
//   address bar, and the path/port never matter because pausing applies to the whole host.
// - A bare `host:port` is rejected with a message (a port suggests the reader expects per-port pausing,
//   which does not exist); the fix is spelled out.
// - `example.com` matches `example.com` and `www.example.com` (the same site to a reader);
//   `*.example.com` matches `example.com` and every subdomain.
// - `*`, `*.com`, `*.co.uk` are rejected: a wildcard over a whole top-level domain pauses far more than
//   a reader means to. The list of two-level public suffixes is a short, common subset, not the PSL.
// - Anything a page can report as its host can be paused (the popup and card pause the current host):
//   single-label names (`localhost`, `intranet`), IPv4 and bracketed IPv6 literals. Wildcards need a
//   real domain.
// - Unicode domains are converted to punycode (what `location.hostname` reports).

export type SitePatternResult = { ok: true; pattern: string } | { ok: false; message: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const SECOND_LEVEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'co.in',
  'com.br',
  'com.cn',
  'co.za',
  'com.mx',
  'com.tr',
]);
const EXAMPLE = 'e.g. example.com or *.example.com';

/** Validates and normalises what a reader typed as a site to pause. */
export function validateSitePattern(input: string): SitePatternResult {
  let text = input.trim().toLowerCase();
  if (text === '') return { ok: false, message: `Type a site, ${EXAMPLE}.` };

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(text);
  if (scheme) {
    if (scheme[1] !== 'http' && scheme[1] !== 'https') {
      return { ok: false, message: `Only web addresses (http or https) can be paused, ${EXAMPLE}.` };
    }
    let host = '';
    try {
      host = new URL(text).hostname;
    } catch {
      // Falls through to the empty-host message.
    }
    if (host === '') return { ok: false, message: `That address has no site name after “${scheme[0]}”.` };
    text = host;
  }

  if (/\s/.test(text)) return { ok: false, message: 'A site name cannot contain spaces.' };
  if (text.includes('/')) {
    return { ok: false, message: `Type only the site's name, without a path, ${EXAMPLE}.` };
  }
  if (text.startsWith('[')) {
    // An IPv6 literal, as `location.hostname` reports it; URL parsing validates and canonicalises it.
    if (/\]:\d*$/.test(text)) {
      return { ok: false, message: 'Leave out the port: pausing applies to the whole site.' };
    }
    try {
      const host = new URL(`http://${text}/`).hostname;
      if (host.startsWith('[')) return { ok: true, pattern: host };
    } catch {
      // Falls through to the message.
    }
    return { ok: false, message: `“${text}” is not a valid IPv6 address.` };
  }
  if ((text.match(/:/g)?.length ?? 0) > 1) {
    return { ok: false, message: 'Put an IPv6 address in brackets, e.g. [2001:db8::1].' };
  }
  const port = /:(\d*)$/.exec(text);
  if (port) {
    return {
      ok: false,
      message: `Leave out the port (“${port[0]}”): pausing applies to the whole site.`,
    };
  }
  if (text.includes(':')) return { ok: false, message: `“:” is not allowed in a site name, ${EXAMPLE}.` };
  text = text.replace(/\.$/, '');

  let wildcard = false;
  if (text.startsWith('*.')) {
    wildcard = true;
    text = text.slice(2);
  }
  if (text.includes('*')) {
    return {
      ok: false,
      message: `A wildcard is allowed only at the start, as “*.” followed by a domain, ${EXAMPLE}.`,
    };
  }
  if (text === '') return { ok: false, message: `Add a domain after “*.”, ${EXAMPLE}.` };

  if (IPV4.test(text)) {
    if (wildcard) return { ok: false, message: 'A wildcard cannot be used with an IP address.' };
    return { ok: true, pattern: text };
  }
  if (/^[\d.]+$/.test(text)) return { ok: false, message: `“${text}” is not a valid IP address.` };

  // Non-ASCII names go through URL to get their punycode form, which is what pages report.
  if (/[^\x00-\x7f]/.test(text)) {
    try {
      text = new URL(`http://${text}`).hostname;
    } catch {
      return { ok: false, message: `“${text}” is not a valid site name.` };
    }
  }

  const labels = text.split('.');
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad !== undefined) {
    if (bad === '') return { ok: false, message: 'A site name cannot have empty parts (“..”).' };
    return {
      ok: false,
      message: `“${bad}” is not valid in a site name: use letters, digits and hyphens (not at either end).`,
    };
  }
  if (text.length > 253) return { ok: false, message: 'That site name is too long.' };

  if (wildcard && (labels.length < 2 || SECOND_LEVEL_SUFFIXES.has(text))) {
    return {
      ok: false,
      message: `“*.${text}” would pause every site ending in .${text}; use a domain such as *.example.${text}.`,
    };
  }
  return { ok: true, pattern: wildcard ? `*.${text}` : text };
}

/** Whether `host` (as in `location.hostname`) is covered by `pattern` (a validated pattern). */
export function hostMatchesPattern(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return h === domain || h.endsWith(`.${domain}`);
  }
  return h === pattern || h === `www.${pattern}`;
}

// ---------------------------------------------------------------------------------------------------
// Pausing and resuming a host. Exceptions let a reader resume one site inside a paused wildcard
// (`news.example.com` under `*.example.com`) without resuming its neighbours.
//
// Decisions:
// - An exception only lifts a wildcard. A host pattern that names the host (`news.example.com`, or
//   `example.com` for `www.example.com`) always pauses it: a pause the reader asked for on this very
//   site wins over an older "resume here".
// - Exceptions are host patterns (never wildcards), and one outside every paused wildcard means nothing:
//   `prunePauseExceptions` drops those, so removing `*.example.com` and adding it back later does not
//   bring back forgotten exceptions.

/** The two lists that decide where marking is paused (a subset of the settings). */
export interface SitePauseLists {
  /** Host names or `*.example.com` patterns where nothing is marked. */
  pausedSites: string[];
  /** Host names marked although a paused wildcard covers them. */
  pauseExceptions: string[];
}

const isWildcard = (pattern: string) => pattern.startsWith('*.');

/** The wildcard's domain, or the host itself: what a pattern stands for when it is inside another. */
const patternHost = (pattern: string) => (isWildcard(pattern) ? pattern.slice(2) : pattern);

export interface SitePauseStatus {
  paused: boolean;
  /** Host patterns in `pausedSites` that name this host (these pause it whatever the exceptions). */
  hostPatterns: string[];
  /** Paused wildcards covering this host, broadest first. */
  wildcards: string[];
  /** The exception that keeps this host marked inside a paused wildcard, if any. */
  exception?: string;
}

/** Why `host` is or is not paused, for the popup to say so. */
export function sitePauseStatus(host: string, lists: SitePauseLists): SitePauseStatus {
  const covering = lists.pausedSites.filter((p) => hostMatchesPattern(host, p));
  const hostPatterns = covering.filter((p) => !isWildcard(p));
  // A shorter domain covers more: `*.example.com` before `*.news.example.com`.
  const wildcards = covering.filter(isWildcard).sort((a, b) => a.length - b.length);
  const exception = wildcards.length
    ? lists.pauseExceptions.find((e) => hostMatchesPattern(host, e))
    : undefined;
  const paused = hostPatterns.length > 0 || (wildcards.length > 0 && exception === undefined);
  return { paused, hostPatterns, wildcards, ...(exception ? { exception } : {}) };
}

/** Whether marking is paused on `host` (as in `location.hostname`). */
export function isHostPaused(host: string, lists: SitePauseLists): boolean {
  return sitePauseStatus(host, lists).paused;
}

/** Exceptions that still lift a paused wildcard; the others are dropped. */
export function prunePauseExceptions(lists: SitePauseLists): string[] {
  const wildcards = lists.pausedSites.filter(isWildcard);
  return lists.pauseExceptions.filter((e) => wildcards.some((w) => hostMatchesPattern(e, w)));
}

/** The lists after pausing `host`: its exceptions go (a wildcard then covers it), else it is added. */
export function pauseHost(host: string, lists: SitePauseLists): SitePauseLists {
  const next = {
    pausedSites: lists.pausedSites,
    pauseExceptions: lists.pauseExceptions.filter((e) => !hostMatchesPattern(host, e)),
  };
  if (isHostPaused(host, next)) return next;
  const own = validateSitePattern(host);
  if (!own.ok) return lists;
  return { ...next, pausedSites: [...next.pausedSites, own.pattern] };
}

/**
 * The lists after resuming `host` only: the host patterns naming it go, and if a wildcard still
 * covers it, it becomes an exception to that wildcard. Its neighbours stay paused.
 */
export function resumeHostOnly(host: string, lists: SitePauseLists): SitePauseLists {
  const pausedSites = lists.pausedSites.filter((p) => isWildcard(p) || !hostMatchesPattern(host, p));
  const next = { pausedSites, pauseExceptions: lists.pauseExceptions };
  if (!isHostPaused(host, next)) return { pausedSites, pauseExceptions: prunePauseExceptions(next) };
  const own = validateSitePattern(host);
  if (!own.ok) return lists;
  return { pausedSites, pauseExceptions: [...next.pauseExceptions, own.pattern] };
}

/**
 * The lists after resuming everywhere under the broadest paused wildcard covering `host`: that
 * wildcard and every pattern inside it (`sport.example.com`, `*.news.example.com`) go, with their
 * exceptions. Without a covering wildcard, this is resuming the host only.
 */
export function resumeWildcard(host: string, lists: SitePauseLists): SitePauseLists {
  const broadest = sitePauseStatus(host, lists).wildcards[0];
  if (!broadest) return resumeHostOnly(host, lists);
  const pausedSites = lists.pausedSites.filter((p) => !hostMatchesPattern(patternHost(p), broadest));
  return resumeHostOnly(host, {
    pausedSites,
    pauseExceptions: prunePauseExceptions({ pausedSites, pauseExceptions: lists.pauseExceptions }),
  });
}
