import type { SerializedError } from '../errors.ts';

/**
 * What a method call returns across a transport. Errors travel as data rather than as thrown exceptions
 * because Electron's ipcMain.handle flattens a thrown error into a message string and loses its code.
 */
export type Envelope = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: SerializedError };
