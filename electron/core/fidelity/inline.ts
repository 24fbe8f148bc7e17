// Helpers for inline HTML strings: entities, escaping, plain text, shortcode attributes.
// Inline HTML stays a string in the model; these are for reading fields out of it and writing attributes.

import { tokenizeHtml } from './html.ts';

// The named entities a Swedish blog post written in a WordPress editor realistically contains.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  deg: '°', euro: '€', pound: '£', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±', frac12: '½',
  aring: 'å', Aring: 'Å', auml: 'ä', Auml: 'Ä', ouml: 'ö', Ouml: 'Ö', eacute: 'é', Eacute: 'É', egrave: 'è',
  Egrave: 'È', uuml: 'ü', Uuml: 'Ü', aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', szlig: 'ß',
  aacute: 'á', agrave: 'à', acirc: 'â', ecirc: 'ê', iacute: 'í', oacute: 'ó', uacute: 'ú', ccedil: 'ç',
  ntilde: 'ñ', acute: '´', zwj: '\u200d', zwnj: '\u200c',
};

/** Decode character references. Unknown names and invalid numbers are left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? whole;
  });
}

/** Escape text for an HTML text node. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text of an inline HTML string: tags and comments dropped, entities decoded, whitespace as written. */
export function textContent(html: string): string {
  let out = '';
  for (const t of tokenizeHtml(html)) {
    if (t.type === 'text') out += html.slice(t.start, t.end);
    else if (t.type === 'open' && t.name === 'br') out += '\n';
  }
  return decodeEntities(out);
}

/**
 * Shortcode attributes the way WordPress' shortcode_parse_atts reads them: name="v", name='v', name=v,
 * and positional values (stored under '0', '1', …). Names are lowercased; values are not decoded.
 */
export function parseShortcodeAttrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re =
    /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;
  const norm = text.replace(/[\u00a0\u200b]/g, ' ');
  let pos = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    if (m[1] !== undefined) out[m[1].toLowerCase()] = m[2]!;
    else if (m[3] !== undefined) out[m[3].toLowerCase()] = m[4]!;
    else if (m[5] !== undefined) out[m[5].toLowerCase()] = m[6]!;
    else out[String(pos++)] = m[7] ?? m[8] ?? m[9]!;
  }
  return out;
}

/** Collapse runs of whitespace that contain a blank line, so inline HTML cannot split a classic paragraph. */
export function noBlankLines(html: string): string {
  return html.replace(/\r?\n[ \t\f\v]*(?:\r?\n[ \t\f\v]*)+/g, '\n');
}
