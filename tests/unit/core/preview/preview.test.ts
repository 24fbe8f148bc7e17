// getPreview through the real core (SQLite, media store): the post as the blog would show it, in a document that
// runs nothing and names nothing on the network.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type Core, createCore } from '../../../../electron/core/core.ts';
import { autop, publishedBody } from '../../../../electron/core/preview/render.ts';
import { sanitizePreviewHtml } from '../../../../electron/core/preview/sanitize.ts';
import { STYLE_DIR } from '../../../../electron/core/preview/style-cache.ts';
import { solidPng } from '../../../support/png.ts';

const cores: { core: Core; dir: string }[] = [];
function freshCore(): { core: Core; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'longhand-preview-'));
  const core = createCore({ dataDir: dir });
  cores.push({ core, dir });
  return { core, dir };
}
afterEach(() => {
  for (const { core, dir } of cores.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const HOSTILE = `<p>Hej <strong>alla</strong> &amp; välkomna!</p>
<script>window.parent.canary = 1</script>
<img src="x" onerror="window.canary = 2" alt="Trasig">
<img src="http://127.0.0.1:9/wp-content/uploads/sjon.jpg" srcset="http://127.0.0.1:9/a.jpg 2x" alt="Sjön">
<iframe src="http://127.0.0.1:9/frame"></iframe>
<object data="http://127.0.0.1:9/x.swf"><embed src="http://127.0.0.1:9/x.swf"></object>
<p style="background:url(http://127.0.0.1:9/bg.png)" onclick="x()">Stil</p>
<a href="javascript:alert(1)">länk</a> <a href="https://example.se/sida">riktig länk</a>
<form action="http://127.0.0.1:9/post"><input name="q"><button>Skicka</button></form>
<video src="http://127.0.0.1:9/film.mp4" poster="http://127.0.0.1:9/p.jpg"></video>
<svg><image href="http://127.0.0.1:9/s.png"/></svg>
<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">
<link rel="stylesheet" href="http://127.0.0.1:9/x.css">
<style>@import url(http://127.0.0.1:9/y.css);</style>`;

/** Every attribute value that could make a browser fetch or navigate. */
function networkRefs(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href|srcset|poster|action|data|background|formaction|content)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)]
    .map((m) => m[1]!.replace(/^["']|["']$/g, ''))
    .filter((v) => !/^data:image\//i.test(v) && !v.startsWith('width=device-width') && !v.startsWith("default-src 'none'") && v !== 'utf-8');
}

describe('getPreview', () => {
  test('a hostile post: no script, no handler, no frame, no form, nothing that names the network', async () => {
    const { core } = freshCore();
    const post = await core.api.createPost({ title: 'Prov & <em>test</em>', html: HOSTILE });
    const { html, hasBlogStyle } = await core.api.getPreview(post.id);
    expect(hasBlogStyle).toBe(false);
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<form|<svg|<video|<link|http-equiv="refresh"/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('@import');
    expect(networkRefs(html)).toEqual([]);
    // The text is there, the images are labelled boxes, the link keeps its address only as a tooltip.
    expect(html).toContain('<p>Hej <strong>alla</strong> &amp; välkomna!</p>');
    expect(html).toMatch(/class="lh-placeholder lh-image" role="img" aria-label="Sjön"/);
    expect(html).toContain('<a title="https://example.se/sida">riktig länk</a>');
    expect(html).toContain('<h1 class="entry-title">Prov & <em>test</em></h1>');
    // The CSP comes first in <head>, before anything that could ask for a resource.
    expect(html).toMatch(/<head>\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;|<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
  });

  test('local media and downloaded copies of remote images are shown as data: URLs', async () => {
    const { core } = freshCore();
    const post = await core.api.createPost({ title: 'Bilder', html: '' });
    const png = Buffer.from(solidPng([200, 40, 40])).toString('base64');
    const media = await core.api.addMedia({ fileName: 'sjon.png', data: png, postId: post.id });
    await core.api.savePost(post.id, { html: `<p><img src="longhand://media/${media.id}" alt="Lokal"></p>` });
    const { html } = await core.api.getPreview(post.id);
    expect(html).toContain(`<img src="data:image/png;base64,${png}" alt="Lokal">`);
  });

  test("the blog's cached stylesheet and markup dress the post", async () => {
    const { core, dir } = freshCore();
    const blog = await core.api.addBlog({ url: 'https://blogg.example' });
    mkdirSync(join(dir, STYLE_DIR));
    writeFileSync(join(dir, STYLE_DIR, `${blog.id}.css`), '.entry-content{font-family:"Lugn Serif"}');
    const markup = { bodyClass: 'single single-post theme-lugn', siteClass: 'wp-site-blocks', mainClass: 'site-main', articleClass: 'post hentry', titleClass: 'wp-block-post-title', contentClass: 'entry-content wp-block-post-content' };
    writeFileSync(join(dir, STYLE_DIR, `${blog.id}.json`), JSON.stringify({ fetchedAt: '2026-11-20T08:00:00.000Z', pageUrl: 'https://blogg.example/', sources: [], skipped: [], bytes: 40, markup }));
    const post = await core.api.createPost({ title: 'Klädd', html: 'Ett stycke.', blogId: blog.id });
    const preview = await core.api.getPreview(post.id);
    expect(preview).toMatchObject({ hasBlogStyle: true, styleFetchedAt: '2026-11-20T08:00:00.000Z' });
    expect(preview.html).toContain('.entry-content{font-family:"Lugn Serif"}');
    expect(preview.html).toContain('<body class="single single-post theme-lugn">');
    expect(preview.html).toContain('<h1 class="wp-block-post-title">Klädd</h1>');
    expect(preview.html).toContain('<div class="entry-content wp-block-post-content"><p>Ett stycke.</p>\n</div>');
  });
});

describe('publishedBody', () => {
  test('classic text gets paragraphs and line breaks; blocks, lists and <pre> are left alone', () => {
    expect(autop('Första raden\nandra raden.\n\nNytt stycke.')).toBe('<p>Första raden<br />\nandra raden.</p>\n<p>Nytt stycke.</p>\n');
    const out = publishedBody('<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n\n<pre>a\n\nb</pre>\nSlut.');
    expect(out).toContain('<ul>\n<li>ett</li>\n<li>två</li>\n</ul>');
    expect(out).toContain('<pre>a\n\nb</pre>');
    expect(out).toContain('<p>Slut.</p>');
    expect(out).not.toMatch(/<p>\s*<(?:ul|pre)/);
  });

  test('[caption] becomes a figure, an embed a link card, <!--more--> nothing', () => {
    const out = publishedBody(
      '[caption id="attachment_5" align="alignright" width="300"]<img class="size-medium wp-image-5" src="https://blogg.example/sjon-300x200.jpg" alt="Sjön" width="300" height="200" /> Sjön i september[/caption]\n\nhttps://www.youtube.com/watch?v=abc123\n\nFöre<!--more-->\n\nEfter',
    );
    expect(out).toContain('<figure class="wp-caption alignright" style="width: 300px"><img src="https://blogg.example/sjon-300x200.jpg" alt="Sjön"');
    expect(out).toContain('<figcaption class="wp-caption-text">Sjön i september</figcaption></figure>');
    expect(out).toContain('<strong>YouTube</strong><a href="https://www.youtube.com/watch?v=abc123">');
    expect(out).not.toContain('<!--more-->');
    expect(out).not.toMatch(/<br \/>\s*<figure|<\/figure><br/);
  });

  test('a block post keeps its markup; an embed block becomes a card', () => {
    const out = publishedBody(
      '<!-- wp:paragraph -->\n<p>Hej</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:embed {"url":"https://vimeo.com/123","type":"video","providerNameSlug":"vimeo"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/123\n</div></figure>\n<!-- /wp:embed -->',
    );
    expect(sanitizePreviewHtml(out, { image: () => null })).toBe(
      '\n<p>Hej</p>\n\n\n<figure class="wp-block-embed lh-embed"><div class="lh-embed-card"><span class="lh-embed-play" aria-hidden="true">▶</span><span class="lh-embed-text"><strong>Vimeo</strong><a title="https://vimeo.com/123">https://vimeo.com/123</a></span></div></figure>',
    );
  });
});
