import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import type { ArchiveEntry, ArchiveQuery } from '../../../../../electron/common/api/library.ts';
import type { BlogApi } from '../../../../../electron/common/api.ts';
import { BlogError } from '../../../../../electron/common/errors.ts';
import { type Core, type CoreOptions, createCore } from '../../../../../electron/core/core.ts';

/** Test cores on real SQLite in temp dirs, closed and removed after each test. */
const cores: Core[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'longhand-lib-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Archive months in tests follow Stockholm's wall clock, whatever this machine's zone is. */
export function freshCore(options: Partial<CoreOptions> = {}): Core {
  const core = createCore({ dataDir: options.dataDir ?? tempDir(), timeZone: 'Europe/Stockholm', ...options });
  cores.push(core);
  return core;
}

export const WXR_FIXTURE = fileURLToPath(new URL('../../../../fixtures/wxr/kommunbloggen.wxr.xml', import.meta.url));

export async function rejection(promise: Promise<unknown>): Promise<BlogError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BlogError);
  return error as BlogError;
}

/** Stockholm wall time → epoch ms, for readable test data (CET/CEST offsets of the dates used). */
export function stockholm(iso: string): number {
  const local = Date.parse(`${iso}Z`);
  const month = Number(iso.slice(5, 7));
  const summer = month > 3 && month < 11;
  return local - (summer ? 2 : 1) * 3_600_000;
}

/** Every page of an archive list, following the cursors to the end. */
export async function everything(api: BlogApi, query: ArchiveQuery): Promise<ArchiveEntry[]> {
  const out: ArchiveEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listArchive({ ...query, cursor });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}
