import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlogSyncStatus } from '../../../electron/common/api/sync.ts';
import type { Blog } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';
import { AddBlogDialog } from '../sync/AddBlogDialog.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

/**
 * The blog accounts, in settings: rename (only here; the blog keeps its title), sign in again (the add-blog
 * wizard, prefilled: a new Application Password typed or via the authorize page), and remove. Removing only
 * disconnects: the password and the queue go, the posts stay on this computer (the question says so first),
 * and the blog is listed as not connected, with "Connect again".
 */
export function BlogAccounts() {
  const { t } = useTranslation();
  const [blogs, setBlogs] = useState<readonly Blog[]>([]);
  const [status, setStatus] = useState<readonly BlogSyncStatus[]>([]);
  const [signIn, setSignIn] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ blog: Blog; posts: number; outbox: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    Promise.all([blog.listBlogs(), blog.getSyncStatus()]).then(([list, sync]) => {
      setBlogs(list);
      setStatus(sync.blogs);
    }, (reason: unknown) => setError(String(reason)));
  }, []);

  useEffect(() => {
    refresh();
    const disposers = [
      blog.onDidChangeLibrary((event) => event.kind === 'blogs' && refresh()),
      blog.onDidChangeSyncStatus((next) => setStatus(next.blogs)),
    ];
    return () => disposers.forEach((dispose) => dispose());
  }, [refresh]);

  const askRemove = (target: Blog) => {
    const sync = status.find((s) => s.blogId === target.id);
    blog.statusCounts({ blogId: target.id }).then(
      (counts) => setRemoving({ blog: target, posts: Object.values(counts).reduce((a, b) => a + b, 0), outbox: (sync?.outbox ?? 0) + (sync?.failed ?? 0) }),
      (reason: unknown) => setError(String(reason)),
    );
  };

  return (
    <section className="settings-blogs" aria-labelledby="settings-blogs-title">
      <h3 id="settings-blogs-title">{t('sync.accounts.title')}</h3>
      {blogs.length === 0 && <p className="settings-note">{t('sync.accounts.none')}</p>}
      <ul className="blog-accounts">
        {blogs.map((b) => (
          <BlogAccount
            // Keyed by the name too: a rename (here or by a sync) starts the field over from the stored name.
            key={`${b.id}\u0000${b.name}`}
            account={b}
            connected={status.some((s) => s.blogId === b.id)}
            onSignIn={() => setSignIn(b.url)}
            onRemove={() => askRemove(b)}
            onError={setError}
          />
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {signIn !== null && <AddBlogDialog initialUrl={signIn} onClose={() => setSignIn(null)} />}
      {removing && (
        <ConfirmDialog
          title={t('sync.accounts.removeTitle', { name: removing.blog.name || removing.blog.url })}
          message={[
            t('sync.accounts.removeWhat'),
            t('sync.accounts.removeKeeps', { count: removing.posts }),
            ...(removing.outbox > 0 ? [t('sync.accounts.removeOutbox', { count: removing.outbox })] : []),
          ].join(' ')}
          confirmLabel={t('sync.accounts.removeConfirm')}
          cancelLabel={t('sync.accounts.cancel')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.blog.id;
            setRemoving(null);
            blog.disconnectBlog(id).then(refresh, (reason: unknown) => setError(String(reason)));
          }}
        />
      )}
    </section>
  );
}

interface BlogAccountProps {
  readonly account: Blog;
  readonly connected: boolean;
  readonly onSignIn: () => void;
  readonly onRemove: () => void;
  readonly onError: (message: string) => void;
}

function BlogAccount({ account, connected, onSignIn, onRemove, onError }: BlogAccountProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(account.name);
  const changed = name.trim() !== '' && name.trim() !== account.name;
  const rename = (event: React.FormEvent) => {
    event.preventDefault();
    if (changed) blog.renameBlog(account.id, name.trim()).catch((reason: unknown) => onError(String(reason)));
  };
  return (
    <li className="blog-account" aria-label={account.name || account.url}>
      <form className="blog-account-name" onSubmit={rename}>
        <input aria-label={t('sync.accounts.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!changed}>
          {t('sync.accounts.rename')}
        </button>
      </form>
      <small>{account.userName ? t('sync.accounts.account', { user: account.userName, url: account.url }) : account.url}</small>
      <small className={connected ? 'blog-state' : 'blog-state disconnected'}>{connected ? t('sync.accounts.connected') : t('sync.accounts.disconnected')}</small>
      <div className="blog-account-actions">
        <button type="button" onClick={onSignIn}>
          {connected ? t('sync.accounts.reauthenticate') : t('sync.accounts.reconnect')}
        </button>
        {connected && (
          <button type="button" className="danger" onClick={onRemove}>
            {t('sync.accounts.remove')}
          </button>
        )}
      </div>
    </li>
  );
}
