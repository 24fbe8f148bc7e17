import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningHarness {
  readonly url: string;
  readonly process: ChildProcess;
  /** SIGTERM (clean close) or SIGKILL (crash); resolves when the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts tests/harness/server.ts on a data dir and waits until it prints its URL. `renderer`: a built renderer
 * of one's own (benchmarks build into a temp dir so a concurrent `npm run build` cannot pull dist/ from under them).
 */
export async function startHarness(dataDir: string, options: { renderer?: string } = {}): Promise<RunningHarness> {
  const args = ['tests/harness/server.ts', '--data-dir', dataDir, '--port', '0', ...(options.renderer ? ['--renderer', options.renderer] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start in 30 s\n${stderr}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /HARNESS_URL=(\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}\n${stderr}`));
    });
  });
  return {
    url,
    process: child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
