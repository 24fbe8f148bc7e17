/**
 * Where blog credentials (Application Passwords) live. One interface, two homes:
 * - the shell's Electron `safeStorage` store (electron/main; it warns when Linux falls back to `basic_text`),
 * - MemorySecretStore below, for tests, the harness and the CLI's throwaway data dirs.
 *
 * Invariants every implementation keeps:
 * - a secret is never written to electron-store, the database or a log; the database keeps only the account key;
 * - errors never carry the secret (see redact.ts): callers can log any error they get from here.
 */
export interface SecretStore {
  /** The secret stored for `account`, or null when there is none. */
  get(account: string): Promise<string | null>;
  /** Stores (or replaces) the secret for `account`. */
  set(account: string, secret: string): Promise<void>;
  /** Forgets the secret; true when there was one. */
  delete(account: string): Promise<boolean>;
}

/**
 * The account key for a blog's credentials: stable per blog and login, free of the secret itself.
 * `blogId` is the local library's id of the blog (several blogs may share a site with different users).
 */
export function blogAccountKey(blogId: string, user: string): string {
  if (!blogId || !user) throw new Error('blogAccountKey needs a blog id and a user name');
  return `blog:${blogId}:${user}`;
}

/** A SecretStore in memory: the test double, and what the CLI uses when asked not to persist secrets. */
export class MemorySecretStore implements SecretStore {
  readonly #secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.#secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    if (!account) throw new Error('a secret needs an account key');
    this.#secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.#secrets.delete(account);
  }

  /** Account keys only (never the secrets), for tests that check what was stored. */
  accounts(): string[] {
    return [...this.#secrets.keys()];
  }

  // A store that ends up in a log or a snapshot shows its size, not its content.
  toJSON(): { accounts: number } {
    return { accounts: this.#secrets.size };
  }
}
