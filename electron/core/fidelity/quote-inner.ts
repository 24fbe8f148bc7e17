// The inner blocks of a quote that is written fresh (edited, or new). A block whose fields still read from
// its original source (QuoteChildOrigin) is that source, byte for byte; any other is written by the
// dialect's own block writer with the markup it was read with (delimiter attributes, element attributes).
// The whitespace around a block is kept where it still stands where it stood: first, after another
// block, last. So an edit of one paragraph in a quote changes only that paragraph's text.

import { canonicalJson } from './fingerprint.ts';
import { type QuoteBlock, type QuoteChild, type QuoteChildOrigin, quoteChildren } from './model.ts';
import { trimWs } from './read-html.ts';

export interface QuoteInnerStyle {
  /** Reads one original inner block back; a kept source is used only if it still says what the block says. */
  read: (source: string) => QuoteChild | undefined;
  /** Writes one inner block fresh, keeping the markup of its origin (empty for a new block). */
  write: (child: QuoteChild, origin: QuoteChildOrigin) => string;
  /** Whitespace for blocks without their own: after the opening tag, between blocks, before the `<cite>`. */
  leading: string;
  between: string;
  beforeCite: string;
}

/** What goes between `<blockquote …>` and `</blockquote>`: the blocks, then `cite` (the attribution written fresh, or ''). */
export function writeQuoteInner(b: QuoteBlock, style: QuoteInnerStyle, cite: string): string {
  const children = quoteChildren(b);
  const origins = b.childOrigins ?? [];
  let out = '';
  children.forEach((child, i) => {
    const origin = origins[i] ?? {};
    out += i === 0 ? (origin.leading ?? style.leading) : (origin.before ?? style.between);
    const read = origin.source === undefined ? undefined : style.read(origin.source);
    if (read && origin.source !== undefined && canonicalJson(read) === canonicalJson(child)) out += origin.source;
    // A block that became another kind (a paragraph made a heading) does not take the old kind's markup.
    else out += style.write(child, read && read.kind !== child.kind ? {} : origin);
  });
  const last = children.length ? origins[children.length - 1] : undefined;
  if (children.length) out += last?.trailing ?? (cite ? style.beforeCite : '');
  if (!cite) return out;
  const kept = last?.cite !== undefined && b.citation !== undefined && citeText(last.cite) === b.citation;
  return out + (kept ? last.cite : cite) + (last?.closing ?? '');
}

/** The attribution a `<cite>` element holds, read as both classifiers read it. */
function citeText(source: string): string | undefined {
  const m = /^<cite(?:\s[^>]*)?>([\s\S]*)<\/cite>$/i.exec(source);
  return m && !/<\/?cite\b/i.test(m[1]!) ? trimWs(m[1]!) : undefined;
}
