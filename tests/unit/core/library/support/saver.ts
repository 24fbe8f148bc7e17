import { writeSync } from 'node:fs';
import { createCore } from '../../../../../electron/core/core.ts';

/**
 * The child of the durability test: saves a counter post as fast as it can and prints `ack N` (synchronously,
 * to fd 1) after each save's promise resolved — i.e. after the API acknowledged it. Every 20th save also
 * creates a longer post with a tag, so WAL checkpoints, index merges and multi-table transactions happen
 * while the parent's SIGKILL may land. Runs until killed.
 *
 *   node saver.ts <dataDir>
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: saver.ts <dataDir>');
const core = createCore({ dataDir, timeZone: 'Europe/Stockholm' });
const { api } = core;
const say = (line: string) => writeSync(1, `${line}\n`);

let counter = (await api.search({ text: 'räknaren', prefix: false })).items[0]?.post.id;
if (!counter) counter = (await api.createPost({ title: '0', html: '<p>räknaren 0</p>' })).id;
const start = Number((await api.getPost(counter)).title);
say(`ready ${start}`);
const filler = 'Kommunstyrelsen antog riktlinjerna för sociala medier efter en kort diskussion. '.repeat(40);
const tag = (await api.listTerms({ taxonomy: 'tag' }))[0] ?? (await api.createTerm({ blogId: null, taxonomy: 'tag', name: 'hållbarhet' }));
for (let n = start + 1; ; n++) {
  await api.savePost(counter, { title: String(n), html: `<p>räknaren ${n}</p><p>${n % 7 === 0 ? filler : ''}</p>` });
  say(`ack ${n}`);
  if (n % 20 === 0) await api.createPost({ title: `Längre inlägg ${n}`, html: `<p>${filler}</p>`.repeat(5), tagIds: [tag.id] });
}
