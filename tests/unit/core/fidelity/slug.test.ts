import { expect, test } from 'vitest';
import { decodeWpSlug, slugify } from '../../../../electron/core/fidelity/index.ts';

test.each([
  ['Nära mig – vecka 17', 'nara-mig-vecka-17'],
  ['Sårbarhet är styrka 🙂', 'sarbarhet-ar-styrka'],
  ['Öl & ärtsoppa på torsdag', 'ol-artsoppa-pa-torsdag'],
  ['Öl &amp; ärtsoppa på torsdag', 'ol-artsoppa-pa-torsdag'],
  ['Jag är inbjuden till Göta Priset!', 'jag-ar-inbjuden-till-gota-priset'],
  ['Svinarps starke man — Hot eller möjlighet?', 'svinarps-starke-man-hot-eller-mojlighet'],
  ['Twitter veckouppdateringar 2010-09-25', 'twitter-veckouppdateringar-2010-09-25'],
  ['Daniel Pink´s tre punkter', 'daniel-pinks-tre-punkter'],
  ['”Vi är vår värld”', 'vi-ar-var-varld'],
  ['Café Måns – crème brûlée', 'cafe-mans-creme-brulee'],
  ['Über-schön', 'uber-schon'],
  ['Smørrebrød og æbleskiver', 'smorrebrod-og-aebleskiver'],
  ['Straße', 'strasse'],
  ['Łódź och Kraków', 'lodz-och-krakow'],
  ['Kl. 17.30 i Plenisalen', 'kl-17-30-i-plenisalen'],
  ['inköp/upphandling/avtalstrohet', 'inkop-upphandling-avtalstrohet'],
  ['  --Många   mellanslag--  ', 'manga-mellanslag'],
  ['Sociala medier & Ledarskap', 'sociala-medier-ledarskap'],
  ['Hjälp – kommuner på sociala medier!!!', 'hjalp-kommuner-pa-sociala-medier'],
  ['½ dag ledigt', '12-dag-ledigt'],
  ['🙂🙂', ''],
  ['!!!', ''],
  ['Привет', ''],
  ['', ''],
])('slugify(%j) === %j', (title, slug) => {
  expect(slugify(title)).toBe(slug);
});

test('slugs are at most 200 characters and never end in a dash', () => {
  const s = slugify('Långt ord '.repeat(60));
  expect(s.length).toBeLessThanOrEqual(200);
  expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
});

test.each([
  ['n%c3%a4ra-mig-vecka-17', 'nära-mig-vecka-17'],
  ['s%C3%A5rbarhet', 'sårbarhet'],
  ['plain-slug', 'plain-slug'],
  ['trasig-%c3-sekvens', 'trasig-%c3-sekvens'],
  ['blandat-%c3%b6-%zz-%e2%80%93', 'blandat-ö-%zz-–'],
  ['halv-%e2%80', 'halv-%e2%80'],
])('decodeWpSlug(%j) === %j', (slug, decoded) => {
  expect(decodeWpSlug(slug)).toBe(decoded);
});
