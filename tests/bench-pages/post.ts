// The benchmark's long post: the project's own classic fixture blocks recombined with a fixed seed until
// the post has at least 20,000 words (as the corpus README says large synthetic posts are made).

import { parsePost, type SourceBlock, textContent } from '../../electron/core/fidelity/index.ts';
import { loadFixtures, prng } from '../unit/core/fidelity/fixtures.ts';

function words(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** The text a block shows (what the bare editor gets as one paragraph). */
export function blockText(b: SourceBlock): string {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return textContent(b.html);
    case 'list':
      return b.items.map((i) => textContent(i.html)).join(' ');
    case 'quote':
      return [...b.paragraphs, ...(b.children ?? []).flatMap((c) => (c.kind === 'list' ? c.items.map((i) => i.html) : [c.html])), b.citation ?? '']
        .map(textContent)
        .join(' ');
    case 'image':
      return textContent(b.caption ?? b.alt);
    case 'embed':
      return b.url;
    default:
      return textContent(b.source);
  }
}

export function longPost(minWords = 20_000, seed = 38): { html: string; paragraphs: string[]; words: number } {
  const pool = loadFixtures()
    .filter((f) => f.dialect === 'classic' && !f.name.includes('trasig'))
    .flatMap((f) => parsePost(f.raw).blocks);
  const random = prng(seed);
  const picked: SourceBlock[] = [];
  let total = 0;
  while (total < minWords) {
    const block = pool[Math.floor(random() * pool.length)]!;
    picked.push(block);
    total += words(blockText(block));
  }
  return { html: `${picked.map((b) => b.source).join('\n\n')}\n`, paragraphs: picked.map(blockText), words: total };
}
