import { BlogError } from './errors.ts';

/**
 * Hand-rolled runtime validators for what crosses a process boundary (the renderer is untrusted).
 * A validator returns the value typed, or throws `invalid-argument` naming the path that failed.
 * Small on purpose: the contract needs strings, numbers, optional fields and closed objects, nothing more.
 */
export type Validator<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new BlogError('invalid-argument', `${path}: expected ${expected}, got ${got}`);
}

export function string(options: { max?: number; min?: number; pattern?: RegExp } = {}): Validator<string> {
  return (value, path) => {
    if (typeof value !== 'string') fail(path, 'a string', value);
    if (options.max !== undefined && value.length > options.max) {
      throw new BlogError('invalid-argument', `${path}: too long (${value.length} characters, at most ${options.max})`);
    }
    if (options.min !== undefined && value.length < options.min) {
      throw new BlogError('invalid-argument', `${path}: too short (at least ${options.min} characters)`);
    }
    if (options.pattern && !options.pattern.test(value)) fail(path, `a string matching ${options.pattern}`, value);
    return value;
  };
}

export function integer(options: { min?: number; max?: number } = {}): Validator<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(path, 'an integer', value);
    if (options.min !== undefined && value < options.min) fail(path, `an integer ≥ ${options.min}`, value);
    if (options.max !== undefined && value > options.max) fail(path, `an integer ≤ ${options.max}`, value);
    return value;
  };
}

export function literal<const T extends string>(...allowed: readonly T[]): Validator<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      fail(path, `one of ${allowed.join(', ')}`, value);
    }
    return value as T;
  };
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return (value, path) => (value === null ? null : inner(value, path));
}

export function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  return (value, path) => (value === undefined ? undefined : inner(value, path));
}

type Shape = Record<string, Validator<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/** A closed object: unknown keys are refused (a typo must not be silently ignored). */
export function object<S extends Shape>(shape: S): Validator<FromShape<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(key in shape)) throw new BlogError('invalid-argument', `${path}: unknown field "${key}"`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const result = check(record[key], `${path}.${key}`);
      if (result !== undefined) out[key] = result;
    }
    return out as FromShape<S>;
  };
}

/** Validates a whole argument list: exact arity (missing optional trailing arguments are fine). */
export function args(validators: readonly Validator<unknown>[], values: unknown, method: string): unknown[] {
  if (!Array.isArray(values)) throw new BlogError('invalid-argument', `${method}: arguments must be an array`);
  if (values.length > validators.length) {
    throw new BlogError('invalid-argument', `${method}: expected at most ${validators.length} arguments, got ${values.length}`);
  }
  return validators.map((check, index) => check(values[index], `${method}[${index}]`));
}
