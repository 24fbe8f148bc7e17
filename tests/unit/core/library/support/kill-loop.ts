import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE } from '../../../../../electron/core/core.ts';

/**
 * kill -9 at random moments, over and over, on one data dir: after each kill the database must pass
 * `integrity_check` (and the FTS index its own check) and hold the last acknowledged save — or the one right
 * after it, which may have committed in the instant before its ack was printed. Used by
 * durability.test.ts (≥ 50 rounds in `npm test`) and by the benchmark (more).
 */
const SAVER = fileURLToPath(new URL('./saver.ts', import.meta.url));

export interface KillReport {
  readonly rounds: number;
  readonly acknowledged: number;
  /** Rounds in which the kill landed before the child had acknowledged anything (during open/recovery). */
  readonly killedBeforeFirstAck: number;
}

import { seeded } from '../../../../support/seeded.ts';

export { seeded };

export async function killRounds(dataDir: string, rounds: number, seed = 17): Promise<KillReport> {
  const random = seeded(seed);
  let lastAck = -1;
  let acknowledged = 0;
  let killedBeforeFirstAck = 0;
  for (let round = 0; round < rounds; round++) {
    const child = spawn(process.execPath, [SAVER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: number[] = [];
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) acks.push(Number(line.slice(4)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // One round in five kills at a random moment from the start (open, WAL recovery, migrations); the others
    // wait for the first ack and then kill somewhere in the stream of saves.
    if (random() < 0.2) await sleep(random() * 250);
    else await Promise.race([until(() => acks.length > 0), exited]).then(() => sleep(random() * 60));
    if (child.exitCode !== null) throw new Error(`the saver exited by itself (${child.exitCode}): ${stderr}`);
    kill(child);
    await exited;
    if (acks.length === 0) killedBeforeFirstAck++;
    acknowledged += acks.length;
    if (acks.length > 0) lastAck = Math.max(lastAck, acks[acks.length - 1]!);
    check(dataDir, lastAck, round);
  }
  return { rounds, acknowledged, killedBeforeFirstAck };
}

function check(dataDir: string, lastAck: number, round: number): void {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  try {
    const integrity = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
      throw new Error(`round ${round}: integrity_check says ${JSON.stringify(integrity)}`);
    }
    db.exec(`INSERT INTO post_fts (post_fts) VALUES ('integrity-check')`);
    if (lastAck < 0) return;
    const row = db.prepare(`SELECT p.title FROM post_fts f JOIN posts p ON p.pk = f.rowid WHERE post_fts MATCH 'räknaren'`).get() as
      | { title: string }
      | undefined;
    const stored = Number(row?.title);
    if (!(stored === lastAck || stored === lastAck + 1)) {
      throw new Error(`round ${round}: the last acknowledged save was ${lastAck}, the library holds ${row?.title}`);
    }
  } finally {
    db.close();
  }
}

function kill(child: ChildProcess): void {
  // By pid, this one process only: the test never signals anything it did not start.
  child.kill('SIGKILL');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(2);
}
