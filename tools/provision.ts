import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * What the test suite needs besides node_modules: Debian's Chromium (for e2e) and the real WordPress fixture
 * (for integration). On Debian as root it installs them; elsewhere it says what to install. Under CI a
 * missing piece is an error, never a silent skip.
 */
const CI = process.env.CI === 'true';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';

export function provisionChromium(): boolean {
  if (existsSync(CHROMIUM)) {
    // Screenshots of Swedish posts show 🙂: an emoji font makes them readable (nice to have, never required).
    if (!existsSync(EMOJI_FONT) && isRoot && hasApt) run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'fonts-noto-color-emoji']);
    return true;
  }
  if (isRoot && hasApt) {
    console.log('▶ installing Chromium and fonts from Debian (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-q'], env) === 0 && run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-noto-color-emoji', 'fonts-dejavu-core'], env) === 0) {
      return existsSync(CHROMIUM);
    }
  }
  console.error(
    `✗ Chromium is missing at ${CHROMIUM}. Install it (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH.`,
  );
  return false;
}

export function provisionWordPress(): boolean {
  console.log('▶ starting the WordPress fixture (tests/fixtures/wordpress/start.sh)…');
  const result = spawnSync('bash', ['tests/fixtures/wordpress/start.sh'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status === 0) return true;
  console.error('✗ The WordPress fixture could not start; see tests/fixtures/wordpress/README.md for what it needs.');
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ok = provisionChromium() && provisionWordPress();
  process.exit(ok || !CI ? 0 : 1);
}
