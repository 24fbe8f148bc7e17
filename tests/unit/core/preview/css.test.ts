// Reading a blog page for its stylesheets and post markup, and cleaning CSS so it names nothing on the network.
import { describe, expect, test } from 'vitest';
import { cleanCss, DEFAULT_MARKUP, findMarkup, findStyleSources, styleSafe, withMedia } from '../../../../electron/core/preview/css.ts';

const PAGE = `<!doctype html><html><head>
<link rel="alternate" type="application/rss+xml" href="/feed/">
<link rel='stylesheet' id='theme-css' href='/wp-content/themes/lugn/style.css?ver=1.2' media='all' />
<style id='global-styles-inline-css'>body{--wp--preset--color--base:#fff}</style>
<link rel="alternate stylesheet" href="/alt.css">
<link rel="stylesheet" href="https://cdn.example/fonts.css" media="screen and (min-width: 600px)">
</head><body class="home blog wp-embed-responsive theme-lugn"><div id="page" class="site hfeed">
<main id="main" class="site-main"><article id="post-7" class="post-7 post type-post status-publish hentry category-resor">
<header class="entry-header"><h2 class="entry-title"><a href="/x">Titel</a></h2></header><div class="entry-content"><p>Hej</p></div></article></main></div>
<style>.late{color:red}</style></body></html>`;

describe('findStyleSources', () => {
  test('linked and inline sheets in page order, links resolved, alternates skipped, media kept', () => {
    const sources = findStyleSources(PAGE, 'https://blogg.example/');
    expect(sources).toEqual([
      { kind: 'link', url: 'https://blogg.example/wp-content/themes/lugn/style.css?ver=1.2', media: 'all' },
      { kind: 'inline', css: 'body{--wp--preset--color--base:#fff}', media: '' },
      { kind: 'link', url: 'https://cdn.example/fonts.css', media: 'screen and (min-width: 600px)' },
      { kind: 'inline', css: '.late{color:red}', media: '' },
    ]);
  });
});

describe('findMarkup', () => {
  test("a classic theme's wrappers, without the page's own kind or the listed post's ids", () => {
    expect(findMarkup(PAGE)).toEqual({
      bodyClass: 'single single-post wp-embed-responsive theme-lugn',
      siteClass: 'site hfeed',
      mainClass: 'site-main',
      articleClass: 'post type-post status-publish hentry',
      titleClass: 'entry-title',
      titleWrap: { tag: 'header', className: 'entry-header' },
      contentClass: 'entry-content',
    });
  });

  test("a block theme's single-post template", () => {
    const page = `<body class="post-template-default single single-post postid-4 wp-embed-responsive"><div class="wp-site-blocks">
      <main class="is-layout-flow wp-block-group"><div class="has-global-padding is-layout-constrained wp-block-group"><h1 style="margin-bottom:var(--wp--preset--spacing--40);" class="wp-block-post-title">T</h1></div>
      <div class="entry-content wp-block-post-content is-layout-constrained"><p>x</p></div></main></div></body>`;
    const markup = findMarkup(page);
    expect(markup.siteClass).toBe('wp-site-blocks');
    expect(markup.titleClass).toBe('wp-block-post-title');
    expect(markup.titleStyle).toBe('margin-bottom:var(--wp--preset--spacing--40);');
    expect(markup.titleWrap).toEqual({ tag: 'div', className: 'has-global-padding is-layout-constrained wp-block-group' });
    expect(markup.contentClass).toBe('entry-content wp-block-post-content is-layout-constrained');
    expect(markup.bodyClass).toBe('single single-post post-template-default wp-embed-responsive');
  });

  test('a page without posts keeps the classic defaults', () => {
    expect(findMarkup('<body><p>Tomt</p></body>')).toEqual({ ...DEFAULT_MARKUP, bodyClass: 'single single-post' });
  });
});

describe('cleanCss', () => {
  test('every url() that is not data: becomes none; data: stays', () => {
    const css = `a{background:url(https://x.example/a.png) no-repeat}
b{background-image:url( "/rel/b.png" )} c{background:url('//cdn.example/c.gif')}
@font-face{font-family:F;src:url(fonts/f.woff2) format("woff2"),url("data:font/woff2;base64,AAAA") format("woff2")}
d{background:url(data:image/png;base64,iVBORw0KGgo=)} e{cursor:URL(x.cur),auto}`;
    const out = cleanCss(css, 'https://blogg.example/wp-content/themes/lugn/style.css').css;
    expect(out).not.toMatch(/url\((?!\s*"?data:)/i);
    expect(out).toContain('url("data:font/woff2;base64,AAAA")');
    expect(out).toContain('url(data:image/png;base64,iVBORw0KGgo=)');
    expect(out).toContain('a{background:none no-repeat}');
  });

  test('@import rules are taken out and resolved against the sheet', () => {
    const { css, imports } = cleanCss(`@import url("parent.css");\n@import 'print.css' print;\n@import url(https://fonts.example/x.css);\nbody{color:#222}`, 'https://blogg.example/wp-content/themes/barn/style.css');
    expect(css.trim()).toBe('body{color:#222}');
    expect(imports).toEqual([
      { url: 'https://blogg.example/wp-content/themes/barn/parent.css', media: '' },
      { url: 'https://blogg.example/wp-content/themes/barn/print.css', media: 'print' },
      { url: 'https://fonts.example/x.css', media: '' },
    ]);
  });

  test('escaped function names, image-set() and comments cannot smuggle a URL', () => {
    const out = cleanCss(`a{background:u\\72 l(https://x.example/a.png)} b{background:image-set("b.png" 1x, "b2.png" 2x)} /* url(https://c.example) */`, null).css;
    expect(out).not.toContain('x.example');
    expect(out).not.toContain('b.png');
    expect(out).not.toContain('c.example');
  });

  test('text that would close the <style> element is neutralised', () => {
    expect(styleSafe('a{content:"</style><script>x()</script>"}')).not.toMatch(/<\/style/i);
    expect(cleanCss('a{content:"</STYLE>"}', null).css).not.toMatch(/<\/style/i);
  });

  test('media conditions wrap the sheet, "all" needs none', () => {
    expect(withMedia('a{}', 'all')).toBe('a{}');
    expect(withMedia('a{}', 'print')).toBe('@media print {\na{}\n}');
  });
});
