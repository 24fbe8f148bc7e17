// The preview's copy of the blog's look, cached by a real sync against the real WordPress: after a pull the
// theme's CSS (cleaned: nothing in it names the network) and its post markup are on disk, and the preview uses
// them; a later sync within the day does not fetch them again.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readBlogStyle, STYLE_DIR } from '../../../electron/core/preview/style-cache.ts';
import { connectedCore, syncClean, useWordPressFixture, web, webPost } from './support.ts';

const wp = useWordPressFixture();

describe('blog style for the preview', () => {
  test("a pull caches the theme's stylesheet and markup; the preview wears them and loads nothing", async () => {
    await webPost(web(wp()), { title: 'Höst vid sjön', content: '<!-- wp:paragraph -->\n<p>Löven faller.</p>\n<!-- /wp:paragraph -->' });
    const pages: string[] = [];
    const counting: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/wp-json/') && !url.includes('rest_route=')) pages.push(url);
      return fetch(input, init);
    };
    const { core, blog, dataDir } = await connectedCore(wp(), { sync: { fetch: counting } });
    await syncClean(core);

    expect(readdirSync(join(dataDir, STYLE_DIR)).toSorted()).toEqual([`${blog.id}.css`, `${blog.id}.json`]);
    const cached = readBlogStyle(dataDir, blog.id)!;
    // Twenty Twenty-Three: global styles (inline) and block styles, from the single post's page.
    expect(cached.css).toContain('--wp--preset--color--base');
    expect(cached.css).toMatch(/\.wp-site-blocks|\.is-layout-constrained/);
    expect(cached.css).not.toMatch(/url\((?!\s*["']?data:)/i);
    expect(cached.meta.pageUrl).toMatch(new RegExp(`^${wp().url}/\\?p=\\d+$`));
    expect(cached.meta.markup.titleClass).toContain('wp-block-post-title');
    expect(cached.meta.markup.contentClass).toContain('entry-content');
    expect(pages.length).toBeGreaterThan(0);

    const post = (await core.api.listArchive({ blogId: blog.id, statuses: ['published'], limit: 10 })).items[0]!;
    const preview = await core.api.getPreview(post.id);
    expect(preview.hasBlogStyle).toBe(true);
    expect(preview.styleFetchedAt).toBe(cached.meta.fetchedAt);
    expect(preview.html).toMatch(/<div class="has-global-padding is-layout-constrained wp-block-group"><h1 class="wp-block-post-title"[^>]*>Höst vid sjön<\/h1><\/div>/);
    expect(preview.html).toContain('<p>Löven faller.</p>');

    // Within the day, another sync asks the blog's pages for nothing.
    pages.length = 0;
    await syncClean(core);
    expect(pages).toEqual([]);
  });
});
