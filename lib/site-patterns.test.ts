import { describe, expect, it } from 'vitest';
import { hostMatchesPattern, validateSitePattern } from './site-patterns';

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
