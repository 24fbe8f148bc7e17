import { describe, expect, test, vi } from 'vitest';
import { hardenWebContents, isAllowedExternalUrl, isAppUrl } from '../../../electron/main/security.ts';
import { FakeWebContents, fakeEvent } from './fake-electron.ts';

vi.mock('electron', () => ({}));

describe('a window can never leave the app', () => {
  test('navigation, redirects and webviews are refused', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, { openExternal: vi.fn(async () => undefined) });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      contents.emit(name, event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
    }
  });

  test('window.open is always denied; allow-listed links go to the OS browser, others nowhere', () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(async () => undefined);
    hardenWebContents(contents as never, { openExternal });
    const open = (url: string) => contents.windowOpenHandler!({ url });

    expect(open('https://kommun.example.se/nyheter')).toEqual({ action: 'deny' });
    expect(open('mailto:redaktion@example.se')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://kommun.example.se/nyheter'], ['mailto:redaktion@example.se']]);

    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://longhand/index.html', 'data:text/html,x', 'https://user:pw@example.se/', 'smb://host/share']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(2);
  });

  test('the allow-list and the app origin check', () => {
    expect(isAllowedExternalUrl('http://exempel.se')).toBe(true);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
    expect(isAllowedExternalUrl('vbscript:x')).toBe(false);
    expect(isAppUrl('app://longhand/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://longhand/')).toBe(false);
  });
});
