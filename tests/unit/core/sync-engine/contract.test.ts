// The SyncApi boundary: every payload is validated before it reaches core (the renderer is untrusted).
import { describe, expect, test } from 'vitest';
import { args } from '../../../../electron/common/validate.ts';
import { METHOD_ARGS } from '../../../../electron/common/ipc/contract.ts';
import { SYNC_CONTRACT } from '../../../../electron/common/ipc/contract/sync.ts';

const id = '0b6f6c4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const check = (method: keyof typeof SYNC_CONTRACT.methods, values: unknown[]) => args(METHOD_ARGS[method], values, method);

describe('sync contract', () => {
  test('every SyncApi method is in the contract table', () => {
    for (const method of Object.keys(SYNC_CONTRACT.methods)) expect(METHOD_ARGS).toHaveProperty(method);
  });

  test('accepts what the UI sends', () => {
    expect(check('connectBlog', [{ url: 'https://blogg.example', userName: 'anna', appPassword: 'abcd efgh ijkl mnop qrst uvwx' }])).toHaveLength(1);
    expect(check('requestAction', [id, 'schedule', { at: 1_900_000_000_000 }])).toHaveLength(3);
    expect(check('syncNow', [undefined, { mode: 'pull', sweep: true }])).toHaveLength(2);
    expect(check('resolveConflict', [id, { kind: 'merged', choices: ['mine', 'theirs', 'base'], title: 'T' }])).toHaveLength(2);
    expect(check('updateSyncSettings', [{ mediaDownloadMaxBytes: 0 }])).toHaveLength(1);
    expect(check('getPostSyncStates', [[id, id]])).toHaveLength(1);
  });

  test('refuses what it must not take, without echoing a password', () => {
    const refuse = (method: keyof typeof SYNC_CONTRACT.methods, values: unknown[]) => expect(() => check(method, values)).toThrow(/invalid|expected|unknown|too/i);
    refuse('requestAction', [id, 'delete-everything']);
    refuse('requestAction', [id, 'publish', { at: 'tomorrow' }]);
    refuse('resolveConflict', [id, { kind: 'merged', choices: ['ours'] }]);
    refuse('resolveConflict', [id, { kind: 'both' }]);
    refuse('syncNow', [undefined, { mode: 'everything' }]);
    refuse('connectBlog', [{ url: 'https://b.example', userName: 'anna', appPassword: 'x', extra: 1 }]);
    refuse('updateSyncSettings', [{ mediaDownloadMaxBytes: -1 }]);
    refuse('retryOutboxEntry', [0]);
    const secret = 'hemligt-lösenord-ärligt'.padEnd(300, 'x');
    let message = '';
    try {
      check('connectBlog', [{ url: 'https://b.example', userName: 'anna', appPassword: secret }]);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/Application Password/);
    expect(message).not.toContain('hemligt');
  });
});
