/**
 * Keeping secrets out of logs and error messages.
 *
 * Two tools, used together:
 * - SecretString wraps a password so that printing, JSON-encoding or string-concatenating the object that holds it
 *   shows `[redacted]`; only `reveal()` gives the value, and only the code that builds an Authorization header calls it.
 * - redactText() scrubs text that may have picked a secret up on the way (a URL with `password=`, an Authorization
 *   header echoed in a low-level error, a Basic token): every error message built in core/sync passes through it.
 */
import { inspect } from 'node:util';

export const REDACTED = '[redacted]';

export class SecretString {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself. Call it where the secret is used, never where it could be logged. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }
}

export type SecretLike = string | SecretString;

export function secretValue(secret: SecretLike): string {
  return typeof secret === 'string' ? secret : secret.reveal();
}

// Query parameters and header-ish fields whose values are secrets wherever they appear.
const SECRET_PARAMS = /([?&;\s"']?(?:password|pass|pwd|app_password|token|access_token|secret)=)([^&#\s"']+)/gi;
const AUTH_HEADER = /(authorization\s*[:=]\s*["']?)(basic|bearer)\s+[^\s"',}]+/gi;
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi;
const JSON_SECRET = /("(?:password|app_password|token|access_token|secret)"\s*:\s*")((?:[^"\\]|\\.)*)"/gi;

/**
 * Removes secrets from text meant for people or logs: `password=` style parameters, Authorization header values,
 * `user:pass@` in URLs, and every literal in `secrets` (the password itself, with and without the spaces WordPress
 * shows, and its Basic token).
 */
export function redactText(text: string, secrets: readonly SecretLike[] = []): string {
  let out = text;
  for (const literal of secretLiterals(secrets)) out = out.split(literal).join(REDACTED);
  return out
    .replace(JSON_SECRET, (_m, prefix: string) => `${prefix}${REDACTED}"`)
    .replace(AUTH_HEADER, (_m, prefix: string, scheme: string) => `${prefix}${scheme} ${REDACTED}`)
    .replace(SECRET_PARAMS, (_m, prefix: string) => `${prefix}${REDACTED}`)
    .replace(USERINFO, (_m, scheme: string) => `${scheme}${REDACTED}@`);
}

/** A URL fit for an error message: no user info, no secret query parameters. */
export function redactUrl(url: string | URL, secrets: readonly SecretLike[] = []): string {
  return redactText(String(url), secrets);
}

/**
 * The forms a secret can take in text: itself, without spaces (WordPress shows "abcd efgh …" and accepts both),
 * percent-encoded, and inside a Basic token for any user (the token is base64 of `user:password`, so we cannot
 * compute it without the user — callers pass the token itself as a secret too; see http.ts).
 */
function secretLiterals(secrets: readonly SecretLike[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    const value = secretValue(secret);
    // Very short values would redact ordinary words; a real password or token is never this short.
    if (value.length < 6) continue;
    out.add(value);
    out.add(value.replace(/\s+/g, ''));
    out.add(encodeURIComponent(value));
  }
  // Longest first, so a literal is never left half-replaced by a shorter one it contains.
  return [...out].filter((s) => s.length >= 6).toSorted((a, b) => b.length - a.length);
}
