// Discovery's parsing, without a network: Link headers, the <link> in HTML, and what users type as an address.
import { describe, expect, test } from 'vitest';
import { DiscoveryError, findApiLinkInHtml, normalizeBlogUrl, parseLinkHeader } from '../../../../electron/core/sync/discovery.ts';

const API = 'https://api.w.org/';

describe('Link header', () => {
  test("WordPress' header on a post: the API root among other links", () => {
    const header =
      '<https://blogg.example/wp-json/>; rel="https://api.w.org/", <https://blogg.example/wp-json/wp/v2/posts/12>; rel="alternate"; type="application/json", <https://blogg.example/?p=12>; rel=shortlink';
    const links = parseLinkHeader(header, 'https://blogg.example/2026/01/sjon/');
    expect(links).toEqual([
      { url: 'https://blogg.example/wp-json/', rels: [API] },
      { url: 'https://blogg.example/wp-json/wp/v2/posts/12', rels: ['alternate'] },
      { url: 'https://blogg.example/?p=12', rels: ['shortlink'] },
    ]);
  });

  test('relative URLs, several rels, odd spacing and case, a ?rest_route root', () => {
    expect(parseLinkHeader('</wp-json/> ;REL="https://api.w.org/ other"', 'https://b.example/a/b')).toEqual([{ url: 'https://b.example/wp-json/', rels: [API, 'other'] }]);
    expect(parseLinkHeader('<https://b.example/?rest_route=/>; rel="https://api.w.org/"', 'https://b.example/')[0]?.url).toBe('https://b.example/?rest_route=/');
  });

  test('nothing, garbage, or a broken entry among good ones', () => {
    expect(parseLinkHeader(null, 'https://b.example/')).toEqual([]);
    expect(parseLinkHeader('no links here', 'https://b.example/')).toEqual([]);
    expect(parseLinkHeader('<http://[bad>; rel="x", <https://b.example/wp-json/>; rel="https://api.w.org/"', 'https://b.example/')).toEqual([
      { url: 'https://b.example/wp-json/', rels: [API] },
    ]);
  });
});

describe('<link> in the HTML head', () => {
  test("wp_head's single-quoted tag, relative and entity-escaped hrefs", () => {
    const head = `<head><link rel="stylesheet" href="/s.css"><link rel='https://api.w.org/' href='https://b.example/wp-json/' /></head>`;
    expect(findApiLinkInHtml(head, 'https://b.example/')).toBe('https://b.example/wp-json/');
    expect(findApiLinkInHtml('<LINK HREF="/?rest_route=/&amp;x=1" REL="https://api.w.org/">', 'https://b.example/blogg/')).toBe('https://b.example/?rest_route=/&x=1');
    expect(findApiLinkInHtml('<link rel="alternate" href="/feed/">', 'https://b.example/')).toBeNull();
  });
});

describe('the address the user typed', () => {
  test('a bare host gets https; credentials and fragments are dropped', () => {
    expect(normalizeBlogUrl('  blogg.example ').href).toBe('https://blogg.example/');
    expect(normalizeBlogUrl('blogg.example:8080/2026/01/sjon/').href).toBe('https://blogg.example:8080/2026/01/sjon/');
    expect(normalizeBlogUrl('http://u:p@blogg.example/x#kommentarer').href).toBe('http://blogg.example/x');
  });

  test('empty, non-web and broken addresses are invalid-url errors', () => {
    for (const input of ['', '   ', 'ftp://blogg.example/', 'https://', 'http://exa mple.com']) {
      let error: unknown;
      try {
        normalizeBlogUrl(input);
      } catch (e) {
        error = e;
      }
      expect(error, input).toBeInstanceOf(DiscoveryError);
      expect((error as DiscoveryError).kind).toBe('invalid-url');
    }
  });
});
