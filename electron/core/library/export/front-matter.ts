import { BlogError } from '../../../common/errors.ts';

/**
 * The header of an exported post file: `---`, one `key: value` per line, `---`, then the post's HTML exactly as
 * stored. Every value is written as JSON (strings quoted and escaped, lists as [...], null as null): JSON is a
 * subset of YAML, so static-site tools read the header as YAML, and we read it back without a YAML parser and
 * without losing a character (a title with ": " or a leading "#" needs no special casing).
 */
export function writeFrontMatter(fields: Readonly<Record<string, unknown>>, body: string): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

export function readFrontMatter(file: string, name: string): { fields: Record<string, unknown>; body: string } {
  const bad = (why: string) => new BlogError('invalid-argument', `${name} is not a Longhand post file: ${why}.`);
  if (!file.startsWith('---\n')) throw bad('it does not start with ---');
  const end = file.indexOf('\n---\n', 3);
  if (end === -1) throw bad('its header is not closed by ---');
  const fields: Record<string, unknown> = {};
  for (const line of file.slice(4, end).split('\n')) {
    const colon = line.indexOf(': ');
    if (colon <= 0) throw bad(`the header line ${JSON.stringify(line)} is not "key: value"`);
    try {
      fields[line.slice(0, colon)] = JSON.parse(line.slice(colon + 2));
    } catch {
      throw bad(`the value of ${line.slice(0, colon)} is not JSON`);
    }
  }
  return { fields, body: file.slice(end + 5) };
}
