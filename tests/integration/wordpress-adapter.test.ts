// The BlogAdapter contract against the real WordPress fixture (tests/fixtures/wordpress), through the REST API.
import { SecretString } from '../../electron/core/secrets/redact.ts';
import { connectWordPress } from '../../electron/core/sync/discovery.ts';
import { WordPressAdapter } from '../../electron/core/sync/wordpress/wp-rest-adapter.ts';
import { runAdapterContract } from './adapter-contract.ts';
import { requireWordPress, resetWordPress } from './wp-fixture.ts';

runAdapterContract('WordPress REST', async () => {
  // Under CI=true a fixture that cannot start throws here and fails the suite; elsewhere null skips it.
  const wp = await requireWordPress();
  if (!wp) return null;
  const adapter = (password: string): WordPressAdapter =>
    new WordPressAdapter({ restRoot: wp.restUrl, credentials: { user: wp.user, password: new SecretString(password) }, timeoutMs: 20_000 });
  return {
    reset: () => resetWordPress(wp),
    adapter: () => adapter(wp.appPassword),
    // Well-formed (24 alphanumerics) but wrong; the login password is tested in wordpress-discovery.test.ts.
    adapterWithBadCredentials: () => adapter('abcdEFGHijklMNOPqrstUVWX'),
    connect: async (pageUrl) => (await connectWordPress(pageUrl, { user: wp.user, password: wp.appPassword })).adapter,
    clockResolutionMs: 1100,
  };
});
