import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppCommand } from '../../electron/common/commands.ts';
import type { AppCommandId, Post, PostSummary } from '../../electron/common/models.ts';
import { blog } from './blog.ts';
import { PostList } from './posts/PostList.tsx';
import { PostPane } from './posts/PostPane.tsx';
import { commandForKey } from './shortcuts.ts';
import { Icon } from './ui/icons.tsx';
import { SettingsDialog } from './settings/SettingsDialog.tsx';
import { usePreferences } from './settings/usePreferences.ts';
import { ConfirmDialog } from './ui/ConfirmDialog.tsx';

/** The window: the post list on the left, the open post on the right. */
export function App() {
  const { t } = useTranslation();
  const [preferences, setPreferences] = usePreferences();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [posts, setPosts] = useState<PostSummary[]>([]);
  const [open, setOpen] = useState<{ post: Post; fresh: boolean } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<Post | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  }, [open]);

  const report = useCallback((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)), []);

  const refresh = useCallback(() => blog.listPosts().then(setPosts, report), [report]);

  const select = useCallback(
    (id: string, fresh = false) => {
      if (openRef.current?.post.id === id) return;
      blog.getPost(id).then((post) => setOpen({ post, fresh }), report);
    },
    [report],
  );

  const newPost = useCallback(() => {
    blog.createPost().then((post) => setOpen({ post, fresh: true }), report);
  }, [report]);

  const runCommand = useCallback(
    (command: AppCommandId) => {
      if (command === 'new-post') newPost();
      else if (command === 'delete-post' && openRef.current) setConfirmDelete(openRef.current.post);
    },
    [newPost],
  );

  useEffect(() => {
    void refresh();
    const disposeChanges = blog.onDidChangePost(() => void refresh());
    const disposeCommands = blog.onDidRequestCommand(({ command }) => runCommand(command));
    let commands: AppCommand[] = [];
    blog.listCommands().then((list) => (commands = list), report);
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event, commands);
      if (!command) return;
      event.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      disposeChanges();
      disposeCommands();
      window.removeEventListener('keydown', onKey);
    };
  }, [refresh, runCommand, report]);

  const deletePost = (post: Post) => {
    setConfirmDelete(null);
    const index = posts.findIndex((p) => p.id === post.id);
    const neighbour = posts[index + 1] ?? posts[index - 1];
    blog.deletePost(post.id).then(() => {
      setOpen(null);
      if (neighbour && neighbour.id !== post.id) select(neighbour.id);
    }, report);
  };

  return (
    <div className="app">
      <aside className="sidebar">
        <header className="sidebar-header">
          <span className="brand">Longhand</span>
          <div className="sidebar-actions">
            <button type="button" className="quiet" onClick={() => setSettingsOpen(true)} aria-label={t('app.settings')} title={t('app.settings')}>
              <Icon name="settings" />
            </button>
            <button type="button" className="primary" onClick={newPost} title={t('app.newPostHint', { shortcut: /Mac/.test(navigator.platform) ? '⌘N' : 'Ctrl+N' })}>
              {t('app.newPost')}
            </button>
          </div>
        </header>
        <PostList posts={posts} selectedId={open?.post.id ?? null} onSelect={(id) => select(id)} />
      </aside>
      <main className="main">
        {problem && (
          <div className="problem" role="alert">
            {problem}
            <button type="button" className="quiet" onClick={() => setProblem(null)} aria-label={t('app.close')}>
              ×
            </button>
          </div>
        )}
        {open ? (
          <PostPane key={open.post.id} post={open.post} focusTitle={open.fresh} onDelete={() => setConfirmDelete(open.post)} />
        ) : (
          <div className="no-post">
            <p>{t('app.noPost')}</p>
          </div>
        )}
      </main>
      {confirmDelete && (
        <ConfirmDialog
          title={t('deleteDialog.title')}
          message={t('deleteDialog.message', { title: confirmDelete.title.trim() || t('list.untitled') })}
          confirmLabel={t('deleteDialog.confirm')}
          cancelLabel={t('deleteDialog.cancel')}
          onConfirm={() => deletePost(confirmDelete)}
          onCancel={() => setConfirmDelete(null)}
        />
      )}
      {settingsOpen && <SettingsDialog preferences={preferences} onChange={setPreferences} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
