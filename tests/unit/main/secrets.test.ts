import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { type SafeStorageLike, SafeStorageSecretStore } from '../../../electron/main/secrets.ts';

vi.mock('electron', () => ({}));

/** A stand-in for safeStorage: reversible, but visibly not plaintext. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
    decryptString: (data) => Buffer.from(data.toString().slice(4), 'hex').toString(),
    getSelectedStorageBackend: () => backend,
  };
}

describe('secrets in the shell', () => {
  const password = 'abcd EFGH 1234 ijkl MNOP 5678';

  test('are encrypted with safeStorage, in their own 0600 file, and read back', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'longhand-secrets-')), 'secrets.json');
    const store = new SafeStorageSecretStore(path, fakeSafeStorage());
    await store.set('blog:1:admin', password);
    expect(await store.get('blog:1:admin')).toBe(password);
    expect(readFileSync(path, 'utf8')).not.toContain('EFGH');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await store.get('blog:2:admin')).toBeNull();
    expect(await store.delete('blog:1:admin')).toBe(true);
    expect(await store.get('blog:1:admin')).toBeNull();
    expect(store.protection).toBe('os-keychain');
  });

  test("Linux's basic_text fallback is reported, and no keychain at all refuses to store", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'longhand-secrets-')), 'secrets.json');
    expect(new SafeStorageSecretStore(path, fakeSafeStorage('basic_text')).protection).toBe('basic-text');
    const none = new SafeStorageSecretStore(path, fakeSafeStorage('unknown', false));
    expect(none.protection).toBe('unavailable');
    await expect(none.set('blog:1:admin', password)).rejects.toThrow(/keychain is not available/);
  });
});
