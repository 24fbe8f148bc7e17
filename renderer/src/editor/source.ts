/**
 * The source view edits a post's HTML in a <textarea>, and a textarea's value turns every CR LF (and lone
 * CR) into LF. Posts written on Windows keep CR LF, so applying the view as is would rewrite every line
 * ending of the post. Instead, what the user left alone (the common start and end of the text before and
 * after editing) is taken from the original bytes, and only the edited middle from the textarea, with the
 * original's line endings.
 */
export function normalizeNewlines(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

/** Index in `original` after `count` characters of its newline-normalised form. */
function originalIndex(original: string, count: number): number {
  let i = 0;
  for (let k = 0; k < count && i < original.length; k++) i += original[i] === '\r' && original[i + 1] === '\n' ? 2 : 1;
  return i;
}

export function restoreLineEndings(original: string, edited: string): string {
  const normalized = normalizeNewlines(original);
  if (normalized === original) return edited;
  let prefix = 0;
  while (prefix < normalized.length && prefix < edited.length && normalized[prefix] === edited[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < normalized.length - prefix &&
    suffix < edited.length - prefix &&
    normalized[normalized.length - 1 - suffix] === edited[edited.length - 1 - suffix]
  ) {
    suffix++;
  }
  const start = originalIndex(original, prefix);
  const end = originalIndex(original, normalized.length - suffix);
  const crlf = (original.match(/\r\n/g)?.length ?? 0) * 2 >= (original.match(/\n/g)?.length ?? 0);
  const middle = edited.slice(prefix, edited.length - suffix);
  return original.slice(0, start) + (crlf ? middle.replace(/\n/g, '\r\n') : middle) + original.slice(end);
}
