import { describe, expect, test } from 'vitest';
import { normalizeNewlines, restoreLineEndings } from '../../../renderer/src/editor/source.ts';

describe('the source view keeps line endings it did not touch', () => {
  const original = 'Rad ett.\r\n\r\nRad två.\r\n<ul>\r\n<li>a</li>\r\n</ul>\r\n';
  const shown = normalizeNewlines(original);

  test('unchanged text gives back the original bytes', () => {
    expect(restoreLineEndings(original, shown)).toBe(original);
  });

  test('an edit inside a line changes only that line', () => {
    expect(restoreLineEndings(original, shown.replace('Rad två.', 'Rad 2.'))).toBe(original.replace('Rad två.', 'Rad 2.'));
  });

  test('new lines typed in a CR LF post get CR LF', () => {
    expect(restoreLineEndings(original, shown.replace('<li>a</li>', '<li>a</li>\n<li>b</li>'))).toBe(original.replace('<li>a</li>', '<li>a</li>\r\n<li>b</li>'));
  });

  test('an LF post is taken as typed, and an emptied text stays empty', () => {
    expect(restoreLineEndings('a\nb', 'a\nc')).toBe('a\nc');
    expect(restoreLineEndings(original, '')).toBe('');
  });

  test('a lone CR counts as a line ending too', () => {
    expect(restoreLineEndings('x\ry\r\nz', 'x\ny\nz!')).toBe('x\ry\r\nz!');
  });
});
