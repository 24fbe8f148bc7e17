import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from '../core/secrets/secret-store.ts';

/** The part of Electron's `safeStorage` we use (so tests can pass a stand-in). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring backs the encryption; 'basic_text' means a hard-coded key (no real protection). */
  getSelectedStorageBackend?(): string;
}

export type SecretProtection = 'os-keychain' | 'basic-text' | 'unavailable';

/**
 * Blog passwords, encrypted with the OS keychain through Electron's safeStorage and kept in their own file
 * (mode 0600) in the user-data folder — never in electron-store, the database, or a log. The file holds only
 * ciphertext (base64) by account key.
 *
 * On Linux without a keyring, safeStorage falls back to 'basic_text' (a fixed key): we still store, but
 * `protection` says so and the UI warns the user.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly #path: string;
  readonly #safeStorage: SafeStorageLike;

  constructor(path: string, safeStorage: SafeStorageLike) {
    this.#path = path;
    this.#safeStorage = safeStorage;
  }

  get protection(): SecretProtection {
    if (!this.#safeStorage.isEncryptionAvailable()) return 'unavailable';
    return this.#safeStorage.getSelectedStorageBackend?.() === 'basic_text' ? 'basic-text' : 'os-keychain';
  }

  async get(account: string): Promise<string | null> {
    const blob = this.#read()[account];
    if (blob === undefined) return null;
    try {
      return this.#safeStorage.decryptString(Buffer.from(blob, 'base64'));
    } catch {
      // A keychain change makes old secrets unreadable: treat as missing, the user re-authenticates.
      return null;
    }
  }

  async set(account: string, secret: string): Promise<void> {
    if (!account) throw new Error('a secret needs an account key');
    if (!this.#safeStorage.isEncryptionAvailable()) {
      throw new Error('The system keychain is not available, so the password cannot be stored safely.');
    }
    const all = this.#read();
    all[account] = this.#safeStorage.encryptString(secret).toString('base64');
    this.#write(all);
  }

  async delete(account: string): Promise<boolean> {
    const all = this.#read();
    if (!(account in all)) return false;
    delete all[account];
    this.#write(all);
    return true;
  }

  #read(): Record<string, string> {
    try {
      const parsed = JSON.parse(readFileSync(this.#path, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  #write(all: Record<string, string>): void {
    const temp = `${this.#path}.tmp`;
    writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.#path);
  }
}
