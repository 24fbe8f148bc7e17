// parsePost: content.raw → ParsedPost. Total (never throws) and lossless: joinSource(parsePost(raw)) === raw
// for every string, because blocks and separators are slices of raw that tile it exactly.

import { classifyBlockNode } from './blocks-classify.ts';
import { hasBlockDelimiters, splitBlocks } from './blocks-parse.ts';
import { classifyClassic } from './classic-classify.ts';
import { splitClassic } from './classic-split.ts';
import type { Dialect, ParsedPost, SourceBlock } from './model.ts';

/**
 * 'blocks' if the text holds a block delimiter (as WordPress' has_blocks() decides), else 'classic'.
 * An empty post is 'classic' here; a caller creating a new post chooses its dialect itself.
 */
export function detectDialect(raw: string): Dialect {
  return hasBlockDelimiters(raw) ? 'blocks' : 'classic';
}

/**
 * The dialect a new (empty) post is written in: that of the blog's posts, so a blog on the block editor
 * gets block markup (`<!-- wp:paragraph -->`) and a classic blog bare paragraphs. Given the bodies of the
 * blog's most recent posts, newest first: the first non-empty one decides (the blog's current habit);
 * none at all, classic (the safe default: both editors open classic HTML).
 */
export function dialectForNewPost(recentBodies: Iterable<string>): Dialect {
  for (const body of recentBodies) if (body.trim() !== '') return detectDialect(body);
  return 'classic';
}

export function parsePost(raw: string): ParsedPost {
  const dialect = detectDialect(raw);
  const blocks: SourceBlock[] = [];
  let separators: string[];
  if (dialect === 'blocks') {
    const l = splitBlocks(raw);
    l.blocks.forEach((span, i) => {
      blocks.push(classifyBlockNode(raw, l.nodes[i], raw.slice(span.start, span.end)));
    });
    separators = l.separators.map((s) => raw.slice(s.start, s.end));
  } else {
    const l = splitClassic(raw);
    for (const span of l.blocks) blocks.push(classifyClassic(raw.slice(span.start, span.end)));
    separators = l.separators.map((s) => raw.slice(s.start, s.end));
  }
  blocks.forEach((b, i) => {
    b.index = i;
  });
  return { dialect, blocks, separators };
}

/** The original text: separators[0] + blocks[0].source + separators[1] + … + separators[n]. */
export function joinSource(post: Pick<ParsedPost, 'blocks' | 'separators'>): string {
  let out = post.separators[0] ?? '';
  post.blocks.forEach((b, i) => {
    out += b.source + (post.separators[i + 1] ?? '');
  });
  return out;
}
