import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Type-checks every layer against its own tsconfig, which says what that layer may see (no Node in common or
 * the renderer, no DOM in core, …). A layer reaching for what it may not see fails here.
 */
const PROJECTS = [
  'electron/common/tsconfig.json',
  'electron/core/tsconfig.json',
  'electron/main/tsconfig.json',
  'electron/preload/tsconfig.json',
  'electron/cli/tsconfig.json',
  'renderer/tsconfig.json',
  'tsconfig.json',
];

const hasSources = (project: string) => {
  const dir = dirname(project);
  return dir === '.' || readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.ts') || String(f).endsWith('.tsx'));
};

function check(project: string): Promise<{ project: string; ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', project, '--pretty', 'false'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ project, ok: code === 0, output }));
  });
}

const projects = PROJECTS.filter((p) => existsSync(p) && hasSources(p));
const results = await Promise.all(projects.map(check));
let failed = false;
for (const result of results) {
  console.log(`${result.ok ? '✓' : '✗'} ${result.project}`);
  if (!result.ok) {
    failed = true;
    console.log(result.output.trim());
  }
}
process.exit(failed ? 1 : 0);
