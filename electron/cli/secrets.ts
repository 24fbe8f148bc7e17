/**
 * The CLI's SecretStore: the Application Password comes from the environment (or stdin) for this one run and
 * is never written anywhere. Every connected blog gets the same password, so a run works on one blog's
 * credentials; with several blogs, run the CLI once per blog (`--blog ID`) with that blog's password.
 */
import type { SecretStore } from '../core/secrets/secret-store.ts';

export class EnvSecretStore implements SecretStore {
  readonly #password: string | null;
  readonly #set = new Map<string, string>();

  constructor(password: string | null) {
    this.#password = password;
  }

  async get(account: string): Promise<string | null> {
    return this.#set.get(account) ?? this.#password;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#set.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.#set.delete(account);
  }

  toJSON(): string {
    return '[EnvSecretStore]';
  }
}

/** The first line of stdin (a pipe or a typed line), without its newline. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/)[0] ?? '';
}
