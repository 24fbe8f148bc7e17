import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Post, PostStatus } from '../../electron/common/models.ts';
import { readWxr } from '../../electron/core/library/wxr/read.ts';
import { htmlToPlainText } from '../../electron/core/text/plain-text.ts';
import { between, pick, pickSkewed, seeded } from './random.ts';

/**
 * Large synthetic archives for benchmarks, recombined with a fixed seed from the project's own fixture texts
 * (tests/fixtures/posts/**, tests/fixtures/wxr/*.xml — Swedish we wrote ourselves).
 *
 * Realism that matters for search: post lengths are mixed (short link posts, medium notes, long weekly posts),
 * and every post gets a few Swedish compounds made of two words of the fixtures ("budget" + "samtal"), drawn
 * with a skew — so the vocabulary has a long tail of rare words next to the very common ones, as a real
 * ten-year archive does. Dates are spread evenly over 2000–2024.
 */
const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));

export interface SourceText {
  readonly paragraphs: string[];
  readonly titles: string[];
  readonly words: string[];
}

export function loadSourceText(): SourceText {
  const html: string[] = [];
  for (const kind of ['classic', 'blocks']) {
    const dir = join(FIXTURES, 'posts', kind);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) html.push(readFileSync(join(dir, file), 'utf8'));
  }
  const titles: string[] = [];
  for (const file of readdirSync(join(FIXTURES, 'wxr')).filter((f) => f.endsWith('.xml')).sort()) {
    for (const item of readWxr(readFileSync(join(FIXTURES, 'wxr', file), 'utf8')).items) {
      if (item.type !== 'post') continue;
      html.push(item.content);
      titles.push(item.title);
    }
  }
  const paragraphs: string[] = [];
  for (const doc of html) {
    const withoutBlocks = doc.replace(/<!--[\s\S]*?-->/g, '\n\n');
    for (const chunk of withoutBlocks.split(/\n\s*\n/)) {
      const text = chunk.trim();
      const plain = htmlToPlainText(text);
      if (plain.length < 40) continue;
      if (/^<h[1-6]/.test(text)) titles.push(plain);
      else paragraphs.push(/^<(p|ul|ol|blockquote|figure|table)\b/.test(text) ? text : `<p>${text}</p>`);
    }
  }
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    for (const w of htmlToPlainText(p).toLowerCase().match(/\p{L}{5,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  return { paragraphs, titles, words };
}

export interface SyntheticTerms {
  readonly categories: string[];
  readonly tags: string[];
}

const STATUSES: [PostStatus, number][] = [
  ['published', 0.85],
  ['draft', 0.08],
  ['pending', 0.02],
  ['scheduled', 0.01],
  ['private', 0.02],
  ['trashed', 0.02],
];
const START = Date.UTC(2000, 0, 1);
const END = Date.UTC(2025, 0, 1);

/** Post records (ids made from the seed) for the bulk writer; term ids are resolved by the caller's maps. */
export function* syntheticPosts(
  count: number,
  seed: number,
  source: SourceText,
  blogId: string,
  categoryIds: readonly string[],
  tagIds: readonly string[],
): Generator<Post> {
  const random = seeded(seed);
  const hex = () => Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  // Compound parts: the fixtures' longer words (mostly nouns in Swedish), most frequent first.
  const nouns = source.words.filter((w) => w.length >= 6).slice(0, 1500);
  for (let i = 0; i < count; i++) {
    const kind = random();
    const units = kind < 0.35 ? between(random, 1, 3) : kind < 0.8 ? between(random, 4, 7) : between(random, 8, 14);
    const body: string[] = [];
    for (let u = 0; u < units; u++) body.push(pick(random, source.paragraphs));
    const compounds = Array.from({ length: between(random, 1, 3) }, () => pickSkewed(random, nouns, 1.6) + pickSkewed(random, nouns, 1.6));
    body.splice(between(random, 0, body.length), 0, `<p>Vi pratade om ${compounds.join(', ')}.</p>`);
    let r = random();
    const status = STATUSES.find(([, share]) => (r -= share) < 0)?.[0] ?? 'published';
    const date = START + Math.floor(random() * (END - START));
    const tags = Array.from({ length: between(random, 0, 4) }, () => pickSkewed(random, tagIds, 2));
    yield {
      id: `${hex()}-${hex().slice(0, 4)}-4${hex().slice(0, 3)}-8${hex().slice(0, 3)}-${hex()}${hex().slice(0, 4)}`,
      blogId,
      remoteId: i + 1,
      title: `${pick(random, source.titles)}${random() < 0.3 ? ` – vecka ${between(random, 1, 52)}` : ''}`,
      html: body.join('\n\n'),
      editorState: null,
      slug: `inlagg-${i + 1}`,
      excerpt: random() < 0.2 ? htmlToPlainText(body[0]!).slice(0, 160) : '',
      status,
      publishedAt: status === 'draft' ? null : date,
      createdAt: date,
      modifiedAt: date,
      remoteModifiedAt: date,
      format: random() < 0.05 ? 'video' : 'standard',
      featuredMediaId: null,
      commentStatus: 'open',
      sticky: false,
      categoryIds: [...new Set([pickSkewed(random, categoryIds, 1.5), ...(random() < 0.3 ? [pick(random, categoryIds)] : [])])],
      tagIds: [...new Set(tags)],
      mediaIds: [],
      version: 1,
    };
  }
}

export const SYNTHETIC_CATEGORIES = ['Ledarskap', 'Kommunen', 'Sociala medier', 'Budget', 'Skola', 'Omsorg', 'Samhällsbyggnad', 'Kultur', 'Personligt', 'Demokrati', 'Näringsliv', 'Okategoriserade'];
/** Tags: the fixtures' frequent words, so tag names also occur in text, as on a real blog. */
export function syntheticTags(source: SourceText): string[] {
  return source.words.slice(20, 100);
}
