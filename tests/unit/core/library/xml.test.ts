import { describe, expect, test } from 'vitest';
import { child, childText, children, parseXml, text } from '../../../../electron/core/library/wxr/xml.ts';

describe('the WXR XML reader', () => {
  test('elements, attributes, entities, CDATA (also split around "]]>"), comments and processing instructions', () => {
    const doc = parseXml(`\uFEFF<?xml version="1.0"?>
      <!-- kommentar -->
      <rss a="1" b='två &amp; tre'>
        <title>Skatt &amp; budget &#8211; &#x1F642; &okänd;</title>
        <content><![CDATA[<p>Ett ]]]]><![CDATA[> mitt i</p>]]></content>
        <tom/>
        <tom></tom>
      </rss>`);
    expect(doc.name).toBe('rss');
    expect(doc.attributes).toEqual({ a: '1', b: 'två & tre' });
    expect(childText(doc, 'title')).toBe('Skatt & budget – 🙂 &okänd;');
    expect(childText(doc, 'content')).toBe('<p>Ett ]]> mitt i</p>');
    expect(children(doc, 'tom').map((e) => text(e))).toEqual(['', '']);
    expect(child(doc, 'saknas')).toBeUndefined();
  });

  test('malformed input fails with the line where it broke', () => {
    expect(() => parseXml('<a>\n<b>\n</a>')).toThrow(/line 3/);
    expect(() => parseXml('<a><![CDATA[ aldrig slut')).toThrow(/unterminated CDATA/);
    expect(() => parseXml('<a x=1></a>')).toThrow(/not quoted/);
    expect(() => parseXml('<a></a><b></b>')).toThrow(/one root element/);
    expect(() => parseXml('<a>\n<b>text')).toThrow(/ends inside <b>/);
  });
});
