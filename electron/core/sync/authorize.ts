/**
 * Signing in through WordPress' own "Authorize Application" page (WordPress ≥ 5.6), so the user never copies a
 * password by hand. The app opens the URL from buildAuthorizeUrl() in the browser; WordPress redirects to our
 * callback (`longhand://…` in the shell, a loopback URL in the harness) with `site_url`, `user_login` and
 * `password`, or to the reject URL.
 *
 * Facts from WordPress 6.1 (wp-admin/authorize-application.php, auth-app.js):
 * - success_url/reject_url need a scheme and a host; `http:` is refused unless the site's environment is
 *   `local`, so a custom scheme (`longhand://authorize`) is the portable callback.
 * - An explicit reject_url is used verbatim (WordPress adds `success=false` only to a reject URL it derives), so
 *   ours carries `success=false` itself; `error=disabled` is added when Application Passwords are off.
 * - The JavaScript page appends `site_url`, `user_login`, `password` with `&` or `?`, keeping our own parameters:
 *   `state` ties a callback to the request we made, so another page cannot inject credentials for its own site.
 */
import { randomBytes } from 'node:crypto';
import { redactText, SecretString } from '../secrets/redact.ts';

/** Longhand's fixed application id: WordPress groups the passwords it issues to us under it. */
export const LONGHAND_APP_ID = '61930f0e-5901-4fa5-8d8d-b76194d92373';
export const LONGHAND_APP_NAME = 'Longhand';

export interface AuthorizeRequest {
  /** Open this in the browser. */
  readonly url: string;
  /** Keep it until the callback arrives; parseAuthorizeCallback checks it. */
  readonly state: string;
  readonly callbackUrl: string;
}

export type AuthorizeResult =
  | { readonly kind: 'approved'; readonly siteUrl: string; readonly user: string; readonly password: SecretString }
  | { readonly kind: 'rejected'; readonly reason: 'user' | 'disabled' };

export class AuthorizeCallbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthorizeCallbackError';
  }
}

export function buildAuthorizeUrl(
  authorizationEndpoint: string,
  options: { callbackUrl: string; state?: string; appName?: string; appId?: string },
): AuthorizeRequest {
  const state = options.state ?? randomBytes(16).toString('hex');
  const callback = new URL(options.callbackUrl);
  if (!callback.host) throw new AuthorizeCallbackError('the callback URL needs a host (WordPress refuses it otherwise)');
  callback.searchParams.set('state', state);
  const reject = new URL(callback);
  reject.searchParams.set('success', 'false');
  const url = new URL(authorizationEndpoint);
  url.searchParams.set('app_name', options.appName ?? LONGHAND_APP_NAME);
  url.searchParams.set('app_id', options.appId ?? LONGHAND_APP_ID);
  url.searchParams.set('success_url', callback.href);
  url.searchParams.set('reject_url', reject.href);
  return { url: url.href, state, callbackUrl: options.callbackUrl };
}

/**
 * Reads the URL WordPress sent the browser to. Throws AuthorizeCallbackError (never showing the password) when
 * it is not the answer to `expected.state`, or reports a different site than the one being connected.
 */
export function parseAuthorizeCallback(callback: string, expected: { state: string; siteUrl?: string }): AuthorizeResult {
  let url: URL;
  try {
    url = new URL(callback);
  } catch {
    throw new AuthorizeCallbackError(`not a callback URL: ${redactText(callback)}`);
  }
  const params = url.searchParams;
  if (params.get('state') !== expected.state) {
    throw new AuthorizeCallbackError('this sign-in answer does not belong to the request Longhand made; start again');
  }
  if (params.get('success') === 'false' || params.has('error')) {
    return { kind: 'rejected', reason: params.get('error') === 'disabled' ? 'disabled' : 'user' };
  }
  const password = params.get('password');
  const user = params.get('user_login');
  const siteUrl = params.get('site_url');
  if (!password || !user || !siteUrl) {
    throw new AuthorizeCallbackError(`the sign-in answer lacks ${[!siteUrl && 'site_url', !user && 'user_login', !password && 'password'].filter(Boolean).join(', ')}`);
  }
  if (expected.siteUrl && !sameSite(siteUrl, expected.siteUrl)) {
    throw new AuthorizeCallbackError(`the password is for ${redactText(siteUrl)}, not for ${expected.siteUrl}`);
  }
  return { kind: 'approved', siteUrl, user, password: new SecretString(password) };
}

function sameSite(a: string, b: string): boolean {
  return comparableSite(a) === comparableSite(b);
}

function comparableSite(site: string): string {
  try {
    const url = new URL(site);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return site.replace(/\/+$/, '').toLowerCase();
  }
}
