/**
 * A post body as the blog would show it, before sanitising (sanitize.ts): the stored HTML is what push sends
 * (local-form.ts swaps only media names), so the preview starts from it and does what WordPress' `the_content`
 * filters would do on the way out, as far as they matter for the look:
 *
 * - classic posts get paragraphs (wpautop: blank lines are paragraph breaks, single newlines `<br>`);
 * - `[caption]` becomes WordPress' `<figure class="wp-caption">`;
 * - embeds (a bare YouTube line, `[embed]`, an embed block, an old player `<iframe>`) become a link card —
 *   never a player, which would load the provider's page;
 * - `<!--more-->` shows nothing, as on a single-post page; block comments are dropped by the sanitiser.
 *
 * The blocks come from the fidelity parser, the same reading of the post the editor and push use.
 */
import { BLOCK_TAGS } from '../fidelity/html.ts';
import { escapeAttr, escapeHtml, parsePost, type SourceBlock } from '../fidelity/index.ts';

export function publishedBody(html: string): string {
  const post = parsePost(html);
  const classic = post.dialect === 'classic';
  // Classic: WordPress runs shortcodes after wpautop, so figures and cards wait behind markers meanwhile.
  const held: string[] = [];
  const pieces = post.blocks.map((block) => {
    const out = renderBlock(block, post.dialect);
    return classic && out !== block.source ? `<!--lh-held-${held.push(out) - 1}-->` : out;
  });
  let out = post.separators[0] ?? '';
  for (let i = 0; i < pieces.length; i++) out += (i > 0 ? (post.separators[i] ?? '\n\n') : '') + pieces[i];
  out += post.separators[pieces.length] ?? '';
  if (!classic) return out;
  return autop(out).replace(/<!--lh-held-(\d+)-->/g, (_m, i: string) => held[Number(i)]!);
}

function renderBlock(block: SourceBlock, dialect: 'classic' | 'blocks'): string {
  if (block.kind === 'embed') return embedCard(block.url, block.provider, block.caption);
  if (block.kind === 'more') return '';
  if (block.kind === 'image' && dialect === 'classic' && /^\s*\[(?:wp_)?caption/i.test(block.source)) {
    const align = block.align ? ` align${block.align}` : ' alignnone';
    const width = block.width ? ` style="width: ${block.width}px"` : '';
    const cls = [block.wpImageId ? `wp-image-${block.wpImageId}` : '', block.sizeSlug ? `size-${block.sizeSlug}` : ''].filter(Boolean).join(' ');
    const size = `${block.width ? ` width="${block.width}"` : ''}${block.height ? ` height="${block.height}"` : ''}`;
    const img = `<img src="${escapeAttr(block.src)}" alt="${escapeAttr(block.alt)}"${size}${cls ? ` class="${cls}"` : ''} />`;
    const linked = block.linkHref ? `<a href="${escapeAttr(block.linkHref)}">${img}</a>` : img;
    const caption = block.caption ? `<figcaption class="wp-caption-text">${block.caption}</figcaption>` : '';
    return `<figure class="wp-caption${align}"${width}>${linked}${caption}</figure>`;
  }
  return block.source;
}

/** What stands in for an embedded player: the provider and the address, as a block. */
export function embedCard(url: string, provider: string | undefined, caption?: string): string {
  const name = provider ? (PROVIDER_NAMES[provider] ?? provider.charAt(0).toUpperCase() + provider.slice(1)) : hostName(url);
  const figcaption = caption ? `<figcaption>${caption}</figcaption>` : '';
  return (
    `<figure class="wp-block-embed lh-embed"><div class="lh-embed-card"><span class="lh-embed-play" aria-hidden="true">▶</span>` +
    `<span class="lh-embed-text"><strong>${escapeHtml(name)}</strong><a href="${escapeAttr(url)}">${escapeHtml(url)}</a></span></div>${figcaption}</figure>`
  );
}

const PROVIDER_NAMES: Record<string, string> = { youtube: 'YouTube', tiktok: 'TikTok', soundcloud: 'SoundCloud', slideshare: 'SlideShare', ted: 'TED' };

function hostName(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

const BLOCKS = [...BLOCK_TAGS].join('|');
const OPEN_OR_CLOSE_BLOCK = new RegExp(`(<(?:${BLOCKS})[\\s/>])`, 'gi');
const CLOSE_BLOCK = new RegExp(`(</(?:${BLOCKS})>)`, 'gi');
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?(?:${BLOCKS})[\\s/>][^>]*>|</?(?:${BLOCKS})>)`, 'gi');
const P_AFTER_BLOCK = new RegExp(`(</?(?:${BLOCKS})(?:[\\s/][^>]*)?>)\\s*</p>`, 'gi');
const BR_AFTER_BLOCK = new RegExp(`(</?(?:${BLOCKS})(?:[\\s/][^>]*)?>)\\s*<br />`, 'gi');
const BR_BEFORE_BLOCK = /<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol|figure|figcaption|blockquote)[\s/>])/gi;

/**
 * WordPress' wpautop, the parts that decide the look: paragraphs from blank lines, `<br />` from single
 * newlines, block-level elements left unwrapped, `<pre>` untouched.
 */
export function autop(text: string): string {
  if (text.trim() === '') return '';
  const pres: string[] = [];
  let s = text.replace(/\r\n?/g, '\n').replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (pre) => `\n\n<!--lh-pre-${pres.push(pre) - 1}-->\n\n`);
  s = s.replace(OPEN_OR_CLOSE_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '$1\n\n');
  s = s.replace(/\n\s*\n+/g, '\n\n');
  const paragraphs = s.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  s = paragraphs.map((p) => `<p>${p.replace(/^\n+|\n+$/g, '')}</p>\n`).join('');
  s = s.replace(/<p>\s*<\/p>/g, '');
  s = s.replace(/<p>(\s*<!--lh-pre-\d+-->\s*)<\/p>/g, '$1');
  s = s.replace(P_BEFORE_BLOCK, '$1').replace(P_AFTER_BLOCK, '$1');
  s = s.replace(/<p>(\s*<!--[\s\S]*?-->\s*)<\/p>/g, '$1');
  s = s.replace(/(?<!<br \/>)\s*\n(?!$)/g, '<br />\n');
  s = s.replace(BR_AFTER_BLOCK, '$1').replace(BR_BEFORE_BLOCK, '$1');
  s = s.replace(/(<!--lh-(?:held|pre)-\d+-->)\s*<br \/>/g, '$1');
  s = s.replace(/\n<\/p>$/g, '</p>');
  return s.replace(/<!--lh-pre-(\d+)-->/g, (_m, i: string) => pres[Number(i)]!);
}
