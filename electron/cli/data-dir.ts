import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the app keeps its library: Electron's userData for productName "Longhand", per system. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Longhand');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Longhand');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Longhand');
}
