/**
 * Character references in inline HTML. The table covers what Swedish posts written in WordPress editors
 * contain; other names are decoded by the browser when there is one (a detached <textarea> parses text
 * only), and left as written otherwise (Node tests).
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  deg: '°', euro: '€', pound: '£', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±', frac12: '½',
  aring: 'å', Aring: 'Å', auml: 'ä', Auml: 'Ä', ouml: 'ö', Ouml: 'Ö', eacute: 'é', Eacute: 'É', egrave: 'è',
  Egrave: 'È', uuml: 'ü', Uuml: 'Ü', aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', szlig: 'ß',
  aacute: 'á', agrave: 'à', acirc: 'â', ecirc: 'ê', iacute: 'í', oacute: 'ó', uacute: 'ú', ccedil: 'ç',
  ntilde: 'ñ', acute: '´', zwj: '\u200d', zwnj: '\u200c', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
};

function browserDecode(entity: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const area = document.createElement('textarea');
  area.innerHTML = entity;
  return area.value === entity ? undefined : area.value;
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? browserDecode(whole) ?? whole;
  });
}

/** Text for an HTML text node. A no-break space is written as &nbsp;, as WordPress' editors do (it is invisible otherwise). */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attributes of a start tag's attribute text (` href="x" target=_blank`), names lowercased, values decoded. */
export function readAttrs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}
