/**
 * Slugs as WordPress makes them for Swedish text: lower case, å ä ö (and every other accent) lose their marks,
 * anything else that is not a letter or digit becomes a dash. Made locally for offline terms; the blog may
 * still change them on sync.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 190);
}

/** `base`, or `base-2`, `base-3`, … — the first that `taken` says is free. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  const root = base === '' ? 'namnlos' : base;
  if (!taken(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
