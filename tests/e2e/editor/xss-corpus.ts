// Hostile HTML for the editor: each payload, if it ever ran, would set window.__xss to its number (or call
// alert, which the test also watches). Written for this test; the techniques are the well-known families.

const c = (n: number) => `window.__xss=${n}`;

export const XSS_PAYLOADS: readonly string[] = [
  `<script>${c(1)}</script>`,
  `<img src="x" onerror="${c(2)}">`,
  `<p>Läs <a href="javascript:${c(3)}">den här länken</a> nu.</p>`,
  `<svg onload="${c(4)}"><circle r="5"></circle></svg>`,
  `<svg><script>${c(5)}</script></svg>`,
  `<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>`,
  `<div style="background-image:url(javascript:${c(7)})">Bakgrund</div>`,
  `<style>@import 'javascript:${c(8)}'; .editor-body { display: none }</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${c(9)}"></style></mglyph></table></mtext></math>`,
  `<details open ontoggle="${c(10)}"><summary>Mer</summary>Text</details>`,
  `<object data="javascript:${c(11)}"></object><embed src="javascript:${c(12)}">`,
  `[caption id="attachment_1" align="alignleft" width="150"]<img src="https://example.se/a.jpg" alt="a" onerror="${c(13)}" width="150" height="100" /> Bild <img src=x onerror="${c(14)}">[/caption]`,
  `Text med <span onmouseover="${c(15)}" style="position:fixed;inset:0;z-index:9999">hovra</span> inuti.`,
  `<noscript><p title="</noscript><img src=x onerror=${c(16)}>"></p></noscript>`,
  `<form><button formaction="javascript:${c(17)}">Skicka</button></form>`,
  `<a href="  JaVaScRiPt:${c(18)}">blandade versaler</a>`,
  `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='parent.__xss=19'/>">`,
  `<table><tr><td background="javascript:${c(20)}">cell</td></tr></table>`,
  `<video poster="javascript:${c(21)}"><source onerror="${c(22)}"></video>`,
  `<base href="javascript:${c(23)}//"><a href="/relativ">bas</a>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${c(24)}">`,
  `<!-- wp:html -->\n<img src="x" onerror="${c(25)}"><script>${c(26)}</script>\n<!-- /wp:html -->`,
  `<!-- wp:paragraph -->\n<p>Stycke <a href="javascript:${c(27)}">länk</a> och <img src=x onerror="${c(28)}"></p>\n<!-- /wp:paragraph -->`,
  `<!-- wp:image -->\n<figure class="wp-block-image"><img src="javascript:${c(29)}" alt=""/><figcaption><img src=x onerror="${c(30)}">Bildtext</figcaption></figure>\n<!-- /wp:image -->`,
];

/** A classic post and a block post made of the payloads, with ordinary paragraphs between them. */
export function xssPost(dialect: 'classic' | 'blocks'): string {
  const plain = dialect === 'classic' ? XSS_PAYLOADS.filter((p) => !p.startsWith('<!-- wp:')) : XSS_PAYLOADS;
  const para = (i: number) => (dialect === 'classic' ? `Vanligt stycke nummer ${i}.` : `<!-- wp:paragraph -->\n<p>Vanligt stycke nummer ${i}.</p>\n<!-- /wp:paragraph -->`);
  return plain.map((p, i) => `${para(i)}\n\n${p}`).join('\n\n') + '\n';
}
