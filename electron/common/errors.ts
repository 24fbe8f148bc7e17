/**
 * One error type crosses every boundary. The `code` is what callers branch on; the message is for people.
 * Transports carry `{ code, message }` and rebuild a BlogError on the other side, so `instanceof` and `code`
 * work the same in the renderer, the harness and core.
 */
export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'conflict'
  | 'storage'
  | 'database-too-new'
  | 'not-a-longhand-database'
  | 'internal';

export class BlogError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BlogError';
    this.code = code;
  }
}

export interface SerializedError {
  readonly code: ErrorCode;
  readonly message: string;
}

export function isBlogError(value: unknown): value is BlogError {
  return value instanceof BlogError;
}

/** Anything thrown becomes a SerializedError; unknown errors keep their message but are marked internal. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof BlogError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

export function deserializeError(error: SerializedError): BlogError {
  return new BlogError(error.code, error.message);
}
