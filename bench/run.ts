import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [name…]`: runs bench/<name>.bench.ts (all of them without a name), one after another, each
 * printing its table and writing bench-results/<name>.json. Benchmarks are never part of `npm test`.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n▶ bench ${name}`);
  const module = (await import(`./${name}.bench.ts`)) as { run(): Promise<void> };
  await module.run();
}
