import type { App } from 'electron';

/** Longhand's own URL scheme: WordPress' authorize page sends the Application Password back to longhand://authorize. */
export const DEEP_LINK_SCHEME = 'longhand';

export function isDeepLink(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${DEEP_LINK_SCHEME}://`);
}

/**
 * Delivers longhand:// links to `onLink`, however the OS hands them over: 'open-url' on macOS, the command line
 * of a second instance on Windows and Linux (the single-instance lock forwards it), or the first instance's own
 * command line when the link started the app.
 */
export function handleDeepLinks(app: Pick<App, 'on' | 'setAsDefaultProtocolClient'>, argv: readonly string[], onLink: (url: string) => void): void {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (isDeepLink(url)) onLink(url);
  });
  app.on('second-instance', (_event, commandLine) => {
    const link = commandLine.find(isDeepLink);
    if (link) onLink(link);
  });
  const initial = argv.find(isDeepLink);
  if (initial) onLink(initial);
}
