import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { LibraryFilter } from '../electron/common/api/library.ts';
import { VISIBLE_STATUSES } from '../electron/common/models.ts';
import { createStores, type Stores } from '../electron/core/core.ts';
import { optimizeSearchIndex } from '../electron/core/library/search-index.ts';
import { writePost } from '../electron/core/posts/post-writer.ts';
import { openDatabase, transaction } from '../electron/core/storage/database.ts';
import { killRounds } from '../tests/unit/core/library/support/kill-loop.ts';
import { pick, seeded } from './support/random.ts';
import { type BenchRow, report } from './support/report.ts';
import { SYNTHETIC_CATEGORIES, loadSourceText, syntheticPosts, syntheticTags } from './support/synthetic-archive.ts';
import { cycle, p50p95, timeEach } from './support/timing.ts';

/**
 * `npm run bench library`: the local library at 10,000 and 100,000 posts (LONGHAND_BENCH_SIZES overrides),
 * each built by the bulk path the importers use (writePost, 1,000 posts per transaction, then the index
 * merged as a large import ends; the insert rate includes that) from a seeded
 * synthetic archive (support/synthetic-archive.ts). Search figures carry a naive LIKE scan of the same words,
 * measured in the same run, as their baseline. Ends with kill -9 rounds (more than `npm test` runs).
 */
const SIZES = (process.env.LONGHAND_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const KILL_ROUNDS = Number(process.env.LONGHAND_BENCH_KILLS ?? 200);
const SEED = 20100924;
const BATCH = 1_000;

export async function run(): Promise<void> {
  const rows: BenchRow[] = [];
  const notes: Record<string, unknown> = { seed: SEED, batch: BATCH };
  for (const size of SIZES) rows.push(...benchSize(size, notes));
  const killDir = mkdtempSync(join(tmpdir(), 'longhand-bench-kill-'));
  const started = performance.now();
  const kills = await killRounds(killDir, KILL_ROUNDS, SEED);
  rows.push({ metric: 'kill -9 rounds passed (integrity_check + last ack present)', value: kills.rounds, unit: 'rounds', goal: 'all', met: true });
  notes.kills = { ...kills, seconds: Math.round((performance.now() - started) / 1000) };
  rmSync(killDir, { recursive: true, force: true });
  report('library', rows, notes);
}

function benchSize(size: number, notes: Record<string, unknown>): BenchRow[] {
  const label = size >= 1000 ? `${size / 1000}k` : String(size);
  const dataDir = mkdtempSync(join(tmpdir(), `longhand-bench-${label}-`));
  const db = openDatabase(join(dataDir, 'longhand.sqlite'));
  const stores = createStores(db, dataDir, { timeZone: 'Europe/Stockholm' });
  try {
    const { insertMs, categoryIds } = build(stores, size);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const bytes = statSync(join(dataDir, 'longhand.sqlite')).size;
    const words = chooseWords(db, size);
    notes[label] = { insertSeconds: Math.round(insertMs / 100) / 10, words };
    console.log(`  ${label}: built in ${(insertMs / 1000).toFixed(1)} s; words ${JSON.stringify(words)}`);
    const rows = measure(stores, label, size, words, categoryIds);
    rows.unshift(
      { metric: `${label} · bulk insert`, value: Math.round(size / (insertMs / 1000)), unit: 'posts/s' },
      { metric: `${label} · database size`, value: Math.round(bytes / 1e6), unit: 'MB' },
    );
    return rows;
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function build({ db, library }: Stores, size: number): { insertMs: number; categoryIds: string[] } {
  const source = loadSourceText();
  const blog = library.addBlog({ url: 'https://kommunbloggen.example', name: 'Kommunbloggen' });
  const categoryIds = SYNTHETIC_CATEGORIES.map((name) => library.createTerm({ blogId: blog.id, taxonomy: 'category', name }).id);
  // Two levels, as on the seed blog: Budget and Skola under Kommunen, Personligt under Ledarskap.
  library.updateTerm(categoryIds[3]!, { parentId: categoryIds[1]! });
  library.updateTerm(categoryIds[4]!, { parentId: categoryIds[1]! });
  library.updateTerm(categoryIds[8]!, { parentId: categoryIds[0]! });
  const tagIds = syntheticTags(source).map((name) => library.createTerm({ blogId: blog.id, taxonomy: 'tag', name }).id);
  const posts = syntheticPosts(size, SEED, source, blog.id, categoryIds, tagIds);
  const start = performance.now();
  for (let done = 0; done < size; done += BATCH) {
    transaction(db, () => {
      for (let i = 0; i < BATCH && done + i < size; i++) writePost(db, posts.next().value!);
    });
    if ((done / BATCH) % 20 === 19) console.log(`    ${done + BATCH} posts…`);
  }
  // As an import of this size ends (wxr/import.ts): one merged index segment.
  transaction(db, () => optimizeSearchIndex(db));
  return { insertMs: performance.now() - start, categoryIds };
}

interface Words {
  /** In the most posts of all (a near stop-word): the worst case of ranking, reported without a goal. */
  top: string;
  common: string[];
  rare: string[];
  prefixes: string[];
}

/** Words picked from the index itself: common = in 5–50 % of posts, rare = in at most 0.05 % (≥ 2 posts). */
function chooseWords(db: DatabaseSync, size: number): Words {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, post_fts, row)`);
  const rows = db.prepare(`SELECT term, doc FROM temp.vocab WHERE length(term) >= 6 AND term NOT GLOB '*[0-9]*'`).all() as { term: string; doc: number }[];
  db.exec('DROP TABLE temp.vocab');
  const common = rows.filter((r) => r.doc >= size * 0.05 && r.doc <= size * 0.5).sort((a, b) => b.doc - a.doc);
  const rare = rows.filter((r) => r.doc >= 2 && r.doc <= Math.max(2, size * 0.0005)).sort((a, b) => (a.term < b.term ? -1 : 1));
  const random = seeded(SEED);
  const spread = <T>(items: T[], n: number) => Array.from({ length: Math.min(n, items.length) }, (_, i) => items[Math.floor((i * items.length) / n)]!);
  const commonWords = spread(common, 10).map((r) => r.term);
  const top = rows.filter((r) => r.term.length >= 3).sort((a, b) => b.doc - a.doc)[0]!;
  return {
    top: `${top.term} (${Math.round((100 * top.doc) / size)} %)`,
    common: commonWords,
    rare: spread(rare, 10).map((r) => r.term),
    prefixes: commonWords.map((w) => w.slice(0, 3 + Math.floor(random() * 3))),
  };
}

function measure({ db, library, posts }: Stores, label: string, size: number, words: Words, categoryIds: string[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const goal = size <= 10_000 ? 20 : 100;
  const reps = size <= 10_000 ? 5 : 3;
  const likeReps = size <= 10_000 ? 2 : 1;
  const now = Date.UTC(2025, 0, 1);
  const filter: LibraryFilter = { categoryId: categoryIds[1]!, statuses: ['published'], from: now - 5 * 365 * 86_400_000, to: now };
  const cases: [string, string[], LibraryFilter, boolean?][] = [
    ['search common word', words.common, {}],
    ['search rare word', words.rare, {}],
    ['search as you type (prefix)', words.prefixes, {}],
    ['search common word + filter (category, status, 5 years)', words.common, filter],
    ['search accent-insensitive', words.common.map(fold), {}, true],
  ];
  for (const [name, list, extra, folded] of cases) {
    const fts = p50p95(timeEach(cycle(list, list.length * reps), (text) => library.search({ text, ...extra, accentInsensitive: folded, prefix: name.includes('prefix') })));
    const like = p50p95(timeEach(cycle(list, list.length * likeReps), (text) => likeSearch(db, text, extra)));
    rows.push(
      { metric: `${label} · ${name} p50`, value: fts.p50, unit: 'ms', baseline: like.p50, baselineLabel: 'LIKE scan' },
      { metric: `${label} · ${name} p95`, value: fts.p95, unit: 'ms', baseline: like.p95, baselineLabel: 'LIKE scan', goal: `≤ ${goal} ms`, met: fts.p95 <= goal },
    );
  }
  const topWord = words.top.split(' ')[0]!;
  const worst = p50p95(timeEach(cycle([topWord], 10), (text) => library.search({ text, prefix: false })));
  rows.push({ metric: `${label} · search the most frequent word "${words.top}" p95`, value: worst.p95, unit: 'ms' });
  const random = seeded(SEED + 1);
  const counts = library.archiveCounts();
  const months = counts.years.flatMap((y) => y.months.map((m) => ({ year: y.year, month: m.month })));
  rows.push(p95Row(`${label} · month listing (50 posts) p95`, timeEach(cycle(months, 60).map(() => pick(random, months)), (m) => library.listArchive(m))));
  const deep = library.listArchive({ categoryId: categoryIds[1]!, limit: 1000 }).next!;
  rows.push(p95Row(`${label} · category page after 1,000 rows p95`, timeEach(cycle([deep], 30), (cursor) => library.listArchive({ categoryId: categoryIds[1]!, cursor }))));
  rows.push(p95Row(`${label} · archive counts by month p95`, timeEach(cycle([0], 30), () => library.archiveCounts())));
  rows.push(p95Row(`${label} · terms with counts p95`, timeEach(cycle([0], 10), () => library.listTerms())));
  const ids = (db.prepare('SELECT id FROM posts ORDER BY random() LIMIT 200').all() as { id: string }[]).map((r) => r.id);
  rows.push(p95Row(`${label} · open post p95`, timeEach(ids, (id) => posts.get(id))));
  rows.push(p95Row(`${label} · save post (durable, autosave path) p95`, timeEach(ids.slice(0, 100), (id) => posts.save(id, { html: `<p>Ändrad ${id}</p>` }))));
  return rows;
}

function p95Row(metric: string, samples: number[]): BenchRow {
  return { metric, value: p50p95(samples).p95, unit: 'ms' };
}

/**
 * The same search done the naive way: LIKE over title and body of every visible post, giving what our search
 * gives (how many match, and a first page — newest first, as LIKE cannot rank), so it reads every post.
 * It is also wrong for Swedish: SQLite's LIKE folds case for ASCII only ("Sårbarhet" ≠ "sårbarhet").
 */
function likeSearch(db: DatabaseSync, text: string, filter: LibraryFilter): unknown[] {
  const where = [`(p.title LIKE ? OR p.html LIKE ?)`, `p.status IN (${(filter.statuses ?? VISIBLE_STATUSES).map(() => '?').join(', ')})`];
  const params: (string | number)[] = [`%${text}%`, `%${text}%`, ...(filter.statuses ?? VISIBLE_STATUSES)];
  if (filter.categoryId) {
    where.push('EXISTS (SELECT 1 FROM post_terms pt JOIN terms t ON t.pk = pt.term_pk WHERE pt.post_pk = p.pk AND t.id = ?)');
    params.push(filter.categoryId);
  }
  if (filter.from !== undefined) {
    where.push('p.sort_date >= ? AND p.sort_date < ?');
    params.push(filter.from, filter.to!);
  }
  return db
    .prepare(`SELECT p.id, p.title, p.snippet, count(*) OVER () AS total FROM posts p WHERE ${where.join(' AND ')} ORDER BY p.sort_date DESC LIMIT 20`)
    .all(...params);
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}
