import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../../electron/main/protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security.ts';

vi.mock('electron', () => ({}));

describe('the app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'longhand-proto-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');

  test('serves files under the renderer folder with the CSP header', async () => {
    const response = await serveAppRequest('app://longhand/index.html', root);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(await response.text()).toContain('<title>x</title>');
    expect((await serveAppRequest('app://longhand/assets/app.js', root)).headers.get('content-type')).toMatch(/javascript/);
    expect((await serveAppRequest('app://longhand/', root)).status).toBe(200);
  });

  test('refuses other hosts, traversal, unknown types and missing files', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://longhand/../../etc/passwd',
      'app://longhand/%2e%2e/%2e%2e/etc/passwd',
      'app://longhand/..%2f..%2fetc%2fpasswd',
      'app://longhand/assets/missing.js',
      'app://longhand/secret.sqlite',
      'app://longhand/%E0%A4%A',
      'https://longhand/index.html',
    ]) {
      expect((await serveAppRequest(url, root)).status, url).toBe(404);
    }
    expect(resolveAppFile('app://longhand/a\u0000.html', root)).toBeNull();
  });
});
