#!/usr/bin/env node
/**
 * `longhand`: the headless CLI over the same core as the app (scripts, servers, tests).
 *
 *   longhand [--data-dir DIR] [--json] <command> …
 *     blog add <url> --user NAME [--password-env VAR | --password-stdin]
 *     blog list
 *     pull [--blog ID] [--sweep]      the archive, then what changed
 *     push [--blog ID]                drain the outbox
 *     sync [--blog ID] [--sweep]      pull, then push
 *     queue <post-id> <action> [--at ISO-TIME]   publish, schedule, update, save-draft, unpublish, make-private, trash
 *     status                          blogs, outbox, conflicts
 *     search <words…> [--limit N]
 *     export <dir>
 *
 * Passwords: never on the command line (it shows in `ps` and shell history). The CLI keeps NO password on disk:
 * every command that talks to a blog reads the Application Password from the environment (LONGHAND_APP_PASSWORD,
 * or the variable named by --password-env) or from stdin (--password-stdin). The app keeps its passwords in the
 * OS keychain, which the CLI cannot read; so the two can share a data dir without the CLI weakening it.
 */
import { parseArgs } from 'node:util';
import type { PostAction } from '../common/api/sync.ts';
import { isBlogError } from '../common/errors.ts';
import { createCore } from '../core/core.ts';
import { defaultDataDir } from './data-dir.ts';
import { EnvSecretStore, readStdin } from './secrets.ts';
import { printStatus, printSyncReport } from './print.ts';

const ACTIONS: readonly PostAction[] = ['publish', 'schedule', 'update', 'save-draft', 'unpublish', 'make-private', 'trash'];

const USAGE = `usage: longhand [--data-dir DIR] [--json] <command>
  blog add <url> --user NAME [--password-env VAR | --password-stdin]
  blog list
  pull [--blog ID] [--sweep] | push [--blog ID] | sync [--blog ID] [--sweep]
  queue <post-id> <action> [--at ISO-TIME]
  status | search <words…> [--limit N] | export <dir>
The Application Password comes from $LONGHAND_APP_PASSWORD (or --password-env VAR, or --password-stdin); it is never stored by the CLI.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      password: { type: 'string' },
      blog: { type: 'string' },
      sweep: { type: 'boolean', default: false },
      at: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.password !== undefined) throw new UsageError('Refusing --password: a password on the command line shows in `ps` and shell history. Use --password-env VAR or --password-stdin.');
  const envName = values['password-env'] ?? 'LONGHAND_APP_PASSWORD';
  // An empty variable counts as no password.
  const password = (values['password-stdin'] ? await readStdin() : process.env[envName]) || null;
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const core = createCore({ dataDir, secrets: new EnvSecretStore(password) });
  const out = (human: string, data: unknown) => console.log(values.json ? JSON.stringify(data, null, 2) : human);
  const api = core.api;
  let lastProgress = 0;
  api.onDidSyncProgress((p) => {
    if (values.json || Date.now() - lastProgress < 500) return;
    lastProgress = Date.now();
    process.stderr.write(`  ${p.phase}: ${p.done}${p.total === null ? '' : `/${p.total}`}\n`);
  });
  try {
    const [command, ...rest] = positionals;
    switch (command) {
      case 'blog': {
        if (rest[0] === 'list') {
          const blogs = await api.listBlogs();
          out(blogs.map((b) => `${b.id}  ${b.url}  ${b.userName || '(not connected)'}  ${b.name}`).join('\n') || 'No blogs.', blogs);
          return 0;
        }
        if (rest[0] !== 'add' || !rest[1]) throw new UsageError('blog add <url> --user NAME, or blog list');
        if (!values.user) throw new UsageError('blog add needs --user NAME');
        if (password === null) throw new UsageError(`No password: set ${envName} (or use --password-stdin).`);
        const blog = await api.connectBlog({ url: rest[1], userName: values.user, appPassword: password });
        out(`Connected ${blog.name || blog.url} (${blog.id}) as ${blog.userName}.\nThe password was checked but not saved: give it again (${envName}) to pull or push.`, blog);
        return 0;
      }
      case 'pull':
      case 'push':
      case 'sync': {
        if (password === null) throw new UsageError(`No password: set ${envName} (or use --password-stdin).`);
        const mode = command === 'sync' ? 'both' : command;
        const report = await api.syncNow(values.blog, { mode, sweep: values.sweep });
        const status = await api.getSyncStatus();
        out(printSyncReport(report, status), { report, status });
        return status.blogs.some((b) => b.problem && b.problem.kind !== 'server-error') || report.failed > 0 ? 1 : 0;
      }
      case 'queue': {
        const [postId, action] = rest;
        if (!postId || !action || !ACTIONS.includes(action as PostAction)) throw new UsageError(`queue <post-id> <${ACTIONS.join('|')}> [--at ISO-TIME]`);
        const at = values.at === undefined ? undefined : Date.parse(values.at);
        if (at !== undefined && Number.isNaN(at)) throw new UsageError(`--at: not a time: ${values.at}`);
        const entry = await api.requestAction(postId, action as PostAction, at === undefined ? {} : { at });
        out(`Queued ${entry.action} of “${entry.postTitle}” (entry ${entry.id}).`, entry);
        return 0;
      }
      case 'status': {
        const [status, outbox, conflicts, blogs] = await Promise.all([api.getSyncStatus(), api.listOutbox(), api.listConflicts(), api.listBlogs()]);
        out(printStatus(status, outbox, conflicts, blogs), { status, outbox, conflicts });
        return 0;
      }
      case 'search': {
        if (rest.length === 0) throw new UsageError('search <words…>');
        const limit = values.limit === undefined ? 20 : Number(values.limit);
        const page = await api.search({ text: rest.join(' '), limit, prefix: false });
        const lines = page.items.map((hit) => `${hit.post.id}  ${new Date(hit.post.date).toISOString().slice(0, 10)}  ${hit.post.status.padEnd(9)}  ${hit.post.title}`);
        out([...lines, `${page.total}${page.totalIsLowerBound ? '+' : ''} found.`].join('\n'), page);
        return 0;
      }
      case 'export': {
        if (!rest[0]) throw new UsageError('export <dir>');
        const report = await api.exportArchive({ path: rest[0] });
        out(`Exported ${report.posts} posts and ${report.media} media files to ${report.path}.`, report);
        return 0;
      }
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } finally {
    core.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`longhand: ${(error as Error).message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(`longhand: ${isBlogError(error) ? error.message : error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
