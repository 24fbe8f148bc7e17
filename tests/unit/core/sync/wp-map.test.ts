// WordPress JSON ⇄ adapter DTOs, and the names the adapter gives to posts and uploads.
import { describe, expect, test } from 'vitest';
import { mediaHashPrefix, provisionalSlug } from '../../../../electron/core/sync/adapter.ts';
import { isSyncError } from '../../../../electron/core/sync/errors.ts';
import {
  decodeEntities,
  fromWpGmt,
  toRemotePost,
  toRemoteRevision,
  toWpGmt,
  toWpPostBody,
  toWpQueryTime,
  uploadFilename,
} from '../../../../electron/core/sync/wordpress/wp-map.ts';

const WP_POST = {
  id: 12,
  title: { raw: 'Sjön' },
  content: { raw: '<p>Hej 🙂</p>' },
  excerpt: { raw: '' },
  slug: '',
  status: 'draft',
  date_gmt: '2026-01-02T03:04:05',
  modified_gmt: '2026-01-02T03:04:06',
  categories: [1, 5],
  tags: [],
  featured_media: 0,
  comment_status: 'open',
  sticky: false,
  format: 'standard',
  link: 'https://b.example/?p=12',
};

describe('posts', () => {
  test('raw fields, string ids, UTC times with Z, no featured image as null', () => {
    expect(toRemotePost(WP_POST)).toEqual({
      id: '12',
      title: 'Sjön',
      content: '<p>Hej 🙂</p>',
      excerpt: '',
      slug: '',
      status: 'draft',
      dateGmt: '2026-01-02T03:04:05Z',
      modifiedGmt: '2026-01-02T03:04:06Z',
      categories: ['1', '5'],
      tags: [],
      featuredMedia: null,
      commentStatus: 'open',
      sticky: false,
      format: 'standard',
      link: 'https://b.example/?p=12',
    });
  });

  test('a post without content.raw (no context=edit) is refused, never stored as rendered HTML', () => {
    let error: unknown;
    try {
      toRemotePost({ ...WP_POST, content: { rendered: '<p>Hej</p>' } });
    } catch (e) {
      error = e;
    }
    expect(isSyncError(error) && error.kind).toBe('bad-response');
  });

  test('a patch sends only what it sets, in WordPress names and types', () => {
    expect(toWpPostBody({ title: 'T', status: 'future', dateGmt: '2027-06-01T12:30:00.000Z', categories: ['3'], featuredMedia: null, sticky: true })).toEqual({
      title: 'T',
      status: 'future',
      date_gmt: '2027-06-01T12:30:00',
      categories: [3],
      featured_media: 0,
      sticky: true,
    });
    expect(toWpPostBody({})).toEqual({});
    expect(() => toWpPostBody({ tags: ['abc'] })).toThrow(/not a WordPress id/);
  });
});

describe('revisions', () => {
  test('raw title, body and excerpt of a revision (what the update-race check compares)', () => {
    const revision = { id: 31, modified_gmt: '2026-11-23T01:55:08', title: { raw: 'Sjön', rendered: 'Sjön' }, content: { raw: '<p>a</p>', rendered: '<p>a</p>\n' }, excerpt: { raw: '', rendered: '' } };
    expect(toRemoteRevision(revision)).toEqual({ id: '31', modifiedGmt: '2026-11-23T01:55:08Z', title: 'Sjön', content: '<p>a</p>', excerpt: '' });
  });
});

describe('times', () => {
  test('WordPress GMT fields ⇄ ISO with Z; modified_after carries its Z', () => {
    expect(fromWpGmt('2026-01-02T03:04:05')).toBe('2026-01-02T03:04:05Z');
    expect(fromWpGmt(null)).toBeNull();
    expect(toWpGmt('2026-01-02T05:04:05+02:00')).toBe('2026-01-02T03:04:05');
    expect(toWpQueryTime('2026-01-02T03:04:05.900Z')).toBe('2026-01-02T03:04:05Z');
    expect(() => toWpGmt('igår')).toThrow(/not an ISO date/);
  });
});

describe('names', () => {
  test('term names come back as typed', () => {
    expect(decodeEntities('Kaffe &amp; kaka')).toBe('Kaffe & kaka');
    expect(decodeEntities('&lt;b&gt; &#8211; &#x1F642; &bogus;')).toBe('<b> – 🙂 &bogus;');
  });

  test('provisional slugs: lh- plus a lower-case key; anything else is refused', () => {
    expect(provisionalSlug('3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toBe('lh-3f2504e0-4f89-11d3-9a0c-0305e82c3301');
    for (const bad of ['', 'short', '3f2504e0-4f89-11d3-9a0c-0305e82c3301-2', '3f2504e0_4f89_11d3_9a0c_0305e82c3301', 'åäö']) {
      expect(() => provisionalSlug(bad)).toThrow(/client key/);
    }
  });

  test('uploads are named <16 hex of the hash>-<ascii name>.<ext>', () => {
    const sha = 'ABCDEF0123456789'.toLowerCase() + '0'.repeat(48);
    const prefix = mediaHashPrefix(sha);
    expect(prefix).toBe('abcdef0123456789');
    expect(uploadFilename(prefix, 'Sjö bild.JPG')).toBe('abcdef0123456789-sjo-bild.jpg');
    expect(uploadFilename(prefix, 'Ångström "ö".tar.gz')).toBe('abcdef0123456789-angstrom-o-tar.gz');
    expect(uploadFilename(prefix, '🙂.png')).toBe('abcdef0123456789-file.png');
    expect(uploadFilename(prefix, 'README')).toBe('abcdef0123456789-readme');
    expect(() => mediaHashPrefix('not-hex')).toThrow(/SHA-256/);
  });
});
