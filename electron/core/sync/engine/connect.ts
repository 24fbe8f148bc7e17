/**
 * Connecting a blog: discovery, the credentials check (GET /users/me — a public GET would pass with a wrong
 * password), the library's blog row and its blog_sync row in one transaction, then the password into the
 * SecretStore (never the database). WordPress' own authorize page is the other way in: the app opens the URL,
 * the blog sends the browser to our callback with the password, completeAuthorization() takes it from there.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { AuthorizationStart, BlogDiscovery, ConnectBlogInput } from '../../../common/api/sync.ts';
import { BlogError } from '../../../common/errors.ts';
import type { Blog } from '../../../common/models.ts';
import { addBlog, getBlog, normalizeUrl } from '../../library/blogs.ts';
import { isValidTimeZone } from '../../library/time.ts';
import { blogAccountKey, type SecretStore } from '../../secrets/secret-store.ts';
import { transaction } from '../../storage/database.ts';
import { stmt } from '../../storage/statements.ts';
import { AuthorizeCallbackError, buildAuthorizeUrl, parseAuthorizeCallback } from '../authorize.ts';
import { connectWordPress, DiscoveryError, discoverBlog as discover } from '../discovery.ts';
import { deleteBlogRows } from './store-outbox.ts';
import { deleteBlogSync, upsertBlogSync } from './store-sync.ts';

export interface NetworkOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** Discovery and sign-in problems are the user's to fix: they cross the API as `invalid-argument` with the why. */
function userError(error: unknown): unknown {
  if (error instanceof DiscoveryError || error instanceof AuthorizeCallbackError) return new BlogError('invalid-argument', error.message);
  return error;
}

export async function discoverBlog(address: string, network: NetworkOptions): Promise<BlogDiscovery> {
  try {
    const found = await discover(address, network);
    return { siteUrl: found.homeUrl || found.siteUrl, name: found.name, restRoot: found.restRoot, authorizeUrl: found.authorizationEndpoint };
  } catch (error) {
    throw userError(error);
  }
}

export async function connectBlog(db: DatabaseSync, secrets: SecretStore, input: ConnectBlogInput, network: NetworkOptions, now: () => number): Promise<Blog> {
  let connected;
  try {
    connected = await connectWordPress(input.url, { user: input.userName.trim(), password: input.appPassword }, network);
  } catch (error) {
    throw userError(error);
  }
  const { discovery, user } = connected;
  const url = normalizeUrl(discovery.homeUrl || discovery.siteUrl || input.url);
  const blog = transaction(db, () => {
    // A blog first met in a WordPress export has no user yet: connecting it keeps its posts under the same blog.
    const imported = stmt(db, `SELECT id FROM blogs WHERE url = ? AND user_name = ''`).get(url) as { id: string } | undefined;
    const taken = stmt(db, `SELECT 1 FROM blogs WHERE url = ? AND user_name = ?`).get(url, user.login);
    if (imported && !taken) stmt(db, 'UPDATE blogs SET user_name = ? WHERE id = ?').run(user.login, imported.id);
    const added = addBlog(
      db,
      {
        url,
        name: discovery.name,
        userName: user.login,
        capabilities: Object.fromEntries(user.roles.map((role) => [role, true])),
        ...(isValidTimeZone(discovery.timezone) ? { timeZone: discovery.timezone } : {}),
      },
      now(),
    );
    upsertBlogSync(db, added.id, discovery.restRoot, blogAccountKey(added.id, user.login), now());
    return added;
  });
  await secrets.set(blogAccountKey(blog.id, user.login), input.appPassword);
  return blog;
}

export async function disconnectBlog(db: DatabaseSync, secrets: SecretStore, blogId: string): Promise<void> {
  const blog = getBlog(db, blogId);
  transaction(db, () => {
    deleteBlogRows(db, blogId);
    stmt(db, 'DELETE FROM sync_conflicts WHERE blog_id = ?').run(blogId);
    deleteBlogSync(db, blogId);
  });
  if (blog.userName) await secrets.delete(blogAccountKey(blogId, blog.userName));
}

interface PendingAuthorization {
  readonly url: string;
  readonly siteUrl: string;
  readonly createdAt: number;
}

/** Sign-ins started with beginAuthorization, by their `state`; forgotten after an hour or when completed. */
export class Authorizations {
  readonly #pending = new Map<string, PendingAuthorization>();
  readonly #callbackUrl: string;

  constructor(callbackUrl: string) {
    this.#callbackUrl = callbackUrl;
  }

  async begin(address: string, network: NetworkOptions, now: number): Promise<AuthorizationStart> {
    const found = await discoverBlog(address, network);
    if (!found.authorizeUrl) {
      throw new BlogError('invalid-argument', `${found.siteUrl || address} does not offer Application Passwords; type a user name and an Application Password instead.`);
    }
    const request = buildAuthorizeUrl(found.authorizeUrl, { callbackUrl: this.#callbackUrl });
    for (const [state, entry] of this.#pending) if (now - entry.createdAt > 3_600_000) this.#pending.delete(state);
    this.#pending.set(request.state, { url: address, siteUrl: found.siteUrl, createdAt: now });
    return { authorizeUrl: request.url, callbackUrl: request.callbackUrl };
  }

  /** The callback's answer → the user name and password to connect with. */
  take(callbackUrl: string): { url: string; userName: string; appPassword: string } {
    let state: string | null = null;
    try {
      state = new URL(callbackUrl).searchParams.get('state');
    } catch {
      // parseAuthorizeCallback explains below.
    }
    const pending = state === null ? undefined : this.#pending.get(state);
    if (!pending || state === null) throw new BlogError('invalid-argument', 'This sign-in answer does not belong to a sign-in Longhand started; start again.');
    try {
      const result = parseAuthorizeCallback(callbackUrl, { state, siteUrl: pending.siteUrl });
      this.#pending.delete(state);
      if (result.kind === 'rejected') {
        throw new BlogError('invalid-argument', result.reason === 'disabled' ? 'The blog has Application Passwords turned off.' : 'The sign-in was declined on the blog.');
      }
      return { url: pending.url, userName: result.user, appPassword: result.password.reveal() };
    } catch (error) {
      throw userError(error);
    }
  }
}
