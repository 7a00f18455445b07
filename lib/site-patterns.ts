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
