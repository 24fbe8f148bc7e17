/**
 * HTML → readable plain text, for snippets, counts and the search index. Not a sanitizer and not a
 * renderer: it only has to be right about where words begin and end.
 */
const BLOCK_TAGS = /<\/?(p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|pre|table|tr|td|th|br|hr)\b[^>]*>/gi;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  rdquo: '”',
  ldquo: '“',
  rsquo: '’',
  lsquo: '‘',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function htmlToPlainText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(BLOCK_TAGS, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\[\/?[a-z_-]+[^\]]*\]/gi, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}
