import { describe, expect, it } from 'vitest';
import {
  hostMatchesPattern,
  isHostPaused,
  pauseHost,
  resumeHostOnly,
  resumeWildcard,
  type SitePauseLists,
  sitePauseStatus,
  validateSitePattern,
} from './site-patterns';

const ok = (input: string) => {
  const r = validateSitePattern(input);
  if (!r.ok) throw new Error(`expected ${input} to be accepted: ${r.message}`);
  return r.pattern;
};
const rejected = (input: string) => {
  const r = validateSitePattern(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected, got ${r.pattern}`);
  return r.message;
};

describe('validateSitePattern', () => {
  it('accepts host names and wildcard domains, trimmed and lower-cased', () => {
    expect(ok('example.com')).toBe('example.com');
    expect(ok('  News.Example.CO.UK ')).toBe('news.example.co.uk');
    expect(ok('*.example.com')).toBe('*.example.com');
    expect(ok('example.com.')).toBe('example.com');
    expect(ok('localhost')).toBe('localhost');
    expect(ok('127.0.0.1')).toBe('127.0.0.1');
    expect(ok('my-site.example')).toBe('my-site.example');
    // Hosts a page can report, so the popup and card can pause them.
    expect(ok('intranet')).toBe('intranet');
    expect(ok('[::1]')).toBe('[::1]');
    expect(ok('[2001:DB8:0:0::1]')).toBe('[2001:db8::1]');
  });

  it('reduces a pasted address to its host', () => {
    expect(ok('https://www.nytimes.com/2026/11/01/world/middleeast/story.html?x=1#y')).toBe(
      'www.nytimes.com',
    );
    expect(ok('http://news.example.com:8080/path')).toBe('news.example.com');
  });

  it('converts unicode names to punycode, as pages report them', () => {
    expect(ok('bücher.de')).toBe('xn--bcher-kva.de');
  });

  it('rejects what is not a site, each with a message that says why', () => {
    expect(rejected('')).toMatch(/Type a site/);
    expect(rejected('*')).toMatch(/\*\./);
    expect(rejected('*.com')).toMatch(/every site ending in \.com/);
    expect(rejected('*.co.uk')).toMatch(/every site ending in \.co\.uk/);
    expect(rejected('exa mple.com')).toMatch(/spaces/);
    expect(rejected('http://')).toMatch(/no site name/);
    expect(rejected('ftp://example.com')).toMatch(/http or https/);
    expect(rejected('example.com:8080')).toMatch(/port/);
    expect(rejected('example.com/news')).toMatch(/without a path/);
    expect(rejected('foo.*.com')).toMatch(/only at the start/);
    expect(rejected('*example.com')).toMatch(/only at the start/);
    expect(rejected('*.1.2.3.4')).toMatch(/IP address/);
    expect(rejected('300.1.1.1')).toMatch(/not a valid IP/);
    expect(rejected('::1')).toMatch(/brackets/);
    expect(rejected('[::1]:8080')).toMatch(/port/);
    expect(rejected('[nope]')).toMatch(/not a valid IPv6/);
    expect(rejected('example..com')).toMatch(/empty parts/);
    expect(rejected('-bad.example.com')).toMatch(/“-bad”/);
    expect(rejected('under_score.com')).toMatch(/“under_score”/);
    expect(rejected(`${'a'.repeat(64)}.com`)).toMatch(/not valid/);
  });
});

describe('hostMatchesPattern', () => {
  it('a host pattern covers the host and its www. form only', () => {
    expect(hostMatchesPattern('example.com', 'example.com')).toBe(true);
    expect(hostMatchesPattern('www.example.com', 'example.com')).toBe(true);
    expect(hostMatchesPattern('news.example.com', 'example.com')).toBe(false);
    expect(hostMatchesPattern('notexample.com', 'example.com')).toBe(false);
  });

  it('a wildcard covers the domain and every subdomain, not look-alikes', () => {
    expect(hostMatchesPattern('example.com', '*.example.com')).toBe(true);
    expect(hostMatchesPattern('a.b.example.com', '*.example.com')).toBe(true);
    expect(hostMatchesPattern('badexample.com', '*.example.com')).toBe(false);
    expect(hostMatchesPattern('example.com.evil.net', '*.example.com')).toBe(false);
  });
});

const lists = (pausedSites: string[], pauseExceptions: string[] = []): SitePauseLists => ({
  pausedSites,
  pauseExceptions,
});
/** Which of `hosts` are paused under `l`. */
const pausedAmong = (l: SitePauseLists, hosts: string[]) => hosts.filter((h) => isHostPaused(h, l));
const HOSTS = ['example.com', 'news.example.com', 'www.news.example.com', 'sport.example.com', 'other.org'];

describe('sitePauseStatus', () => {
  it('names what pauses a host: its own patterns, and the covering wildcards broadest first', () => {
    const l = lists(['*.news.example.com', 'other.org', '*.example.com', 'news.example.com']);
    expect(sitePauseStatus('www.news.example.com', l)).toEqual({
      paused: true,
      hostPatterns: ['news.example.com'],
      wildcards: ['*.example.com', '*.news.example.com'],
    });
    expect(sitePauseStatus('sport.example.com', l)).toEqual({
      paused: true,
      hostPatterns: [],
      wildcards: ['*.example.com'],
    });
    expect(sitePauseStatus('elsewhere.net', l)).toEqual({ paused: false, hostPatterns: [], wildcards: [] });
  });

  it('an exception lifts the wildcard for its host (and www.), and says so', () => {
    const l = lists(['*.example.com'], ['news.example.com']);
    expect(sitePauseStatus('news.example.com', l)).toEqual({
      paused: false,
      hostPatterns: [],
      wildcards: ['*.example.com'],
      exception: 'news.example.com',
    });
    expect(pausedAmong(l, HOSTS)).toEqual(['example.com', 'sport.example.com']);
  });

  it('a host pattern pauses even where an exception stands', () => {
    const l = lists(['*.example.com', 'news.example.com'], ['news.example.com']);
    expect(isHostPaused('news.example.com', l)).toBe(true);
  });
});

describe('pausing and resuming', () => {
  it('resuming one site inside a paused wildcard leaves its neighbours paused', () => {
    const before = lists(['*.example.com', 'other.org']);
    const after = resumeHostOnly('news.example.com', before);
    expect(after).toEqual(lists(['*.example.com', 'other.org'], ['news.example.com']));
    expect(pausedAmong(after, HOSTS)).toEqual(['example.com', 'sport.example.com', 'other.org']);
  });

  it('resuming one site removes its own pattern, and adds an exception only if a wildcard remains', () => {
    expect(resumeHostOnly('www.example.com', lists(['example.com', 'other.org']))).toEqual(
      lists(['other.org']),
    );
    const both = resumeHostOnly('news.example.com', lists(['*.example.com', 'news.example.com']));
    expect(both).toEqual(lists(['*.example.com'], ['news.example.com']));
    expect(isHostPaused('news.example.com', both)).toBe(false);
  });

  it('resuming everywhere on the wildcard removes it and every pattern inside it, with their exceptions', () => {
    const before = lists(
      ['*.example.com', 'sport.example.com', '*.news.example.com', 'example.com.evil.net', 'other.org'],
      ['weather.example.com'],
    );
    const after = resumeWildcard('www.news.example.com', before);
    expect(after).toEqual(lists(['example.com.evil.net', 'other.org']));
    expect(pausedAmong(after, HOSTS)).toEqual(['other.org']);
  });

  it('resuming everywhere where no wildcard covers the host is resuming the host', () => {
    expect(resumeWildcard('other.org', lists(['other.org', '*.example.com']))).toEqual(
      lists(['*.example.com']),
    );
  });

  it('pausing a host resumed inside a wildcard removes its exception; otherwise adds the host once', () => {
    const resumed = lists(['*.example.com'], ['news.example.com', 'weather.example.com']);
    expect(pauseHost('news.example.com', resumed)).toEqual(lists(['*.example.com'], ['weather.example.com']));
    const once = pauseHost('news.example.com', lists([]));
    expect(once).toEqual(lists(['news.example.com']));
    expect(pauseHost('news.example.com', once)).toEqual(once);
    // Already paused by a wildcard: nothing to add.
    expect(pauseHost('sport.example.com', lists(['*.example.com']))).toEqual(lists(['*.example.com']));
  });

  it('pause then resume-here round-trips for every host and leaves the other sites as they were', () => {
    const start = lists(['*.example.com', 'other.org'], ['news.example.com']);
    // `www.` is the same site as the bare name, to a reader and to the patterns.
    const site = (h: string) => h.replace(/^www\./, '');
    for (const host of HOSTS) {
      const paused = pauseHost(host, start);
      expect(isHostPaused(host, paused), host).toBe(true);
      const resumed = resumeHostOnly(host, paused);
      expect(isHostPaused(host, resumed), host).toBe(false);
      const others = HOSTS.filter((h) => site(h) !== site(host));
      expect(pausedAmong(paused, others), host).toEqual(pausedAmong(start, others));
      expect(pausedAmong(resumed, others), host).toEqual(pausedAmong(start, others));
    }
  });
});
