import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppCommand } from '../../electron/common/commands.ts';
import type { AppCommandId, Post } from '../../electron/common/models.ts';
import { blog } from './blog.ts';
import { PostListPane } from './desk/PostListPane.tsx';
import { ALL, type ListSelection } from './desk/selection.ts';
import { Sidebar } from './desk/Sidebar.tsx';
import { useLibraryOverview } from './desk/useLibraryData.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { PostPane } from './posts/PostPane.tsx';
import { SettingsDialog } from './settings/SettingsDialog.tsx';
import { usePreferences } from './settings/usePreferences.ts';
import { commandForKey } from './shortcuts.ts';
import { AddBlogDialog } from './sync/AddBlogDialog.tsx';
import { ConflictsView } from './sync/ConflictsView.tsx';
import { OutboxView } from './sync/OutboxView.tsx';
import { SyncStatusBar } from './sync/SyncStatusBar.tsx';
import { useSyncStatus } from './sync/useSync.ts';
import { ConfirmDialog } from './ui/ConfirmDialog.tsx';
import { Icon } from './ui/icons.tsx';

/** The writer's desk: the archive's map on the left, the posts of the chosen view in the middle, the open post on the right. */
export function App() {
  const { t } = useTranslation();
  const [preferences, setPreferences] = usePreferences();
  const overview = useLibraryOverview();
  const { status: syncStatus, progress } = useSyncStatus();
  const [addBlog, setAddBlog] = useState<{ url?: string } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [selection, setSelection] = useState<ListSelection>(ALL);
  const [open, setOpen] = useState<{ post: Post; fresh: boolean } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<Post | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [inspectorOpen, setInspectorOpen] = useState(true);
  // While a revision is restored the editor is unmounted, so its last unsaved keystrokes are flushed first and
  // the restored text is what it shows afterwards.
  const [paneHidden, setPaneHidden] = useState(false);
  const [restores, setRestores] = useState(0);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  }, [open]);

  const report = useCallback((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)), []);

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

  // The inspector and the publish bar follow the open post as it changes (saves, settings, sync); the editor
  // keeps its own state and is not remounted by this.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const dispose = blog.onDidChangePost((event) => {
      const current = openRef.current;
      if (!current || event.kind === 'deleted' || (event.kind !== 'bulk' && event.post.id !== current.post.id)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        blog.getPost(current.post.id).then((post) => {
          if (openRef.current?.post.id === post.id) setOpen({ post, fresh: false });
        }, () => undefined);
      }, 200);
    });
    return () => {
      clearTimeout(timer);
      dispose();
    };
  }, []);

  useEffect(() => {
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
      disposeCommands();
      window.removeEventListener('keydown', onKey);
    };
  }, [runCommand, report]);

  const restore = async (revisionId: number) => {
    const current = openRef.current;
    if (!current) return;
    setPaneHidden(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      const post = await blog.restoreRevision(current.post.id, revisionId);
      setOpen({ post, fresh: false });
      setRestores((n) => n + 1);
    } finally {
      setPaneHidden(false);
    }
  };

  const deletePost = (post: Post) => {
    setConfirmDelete(null);
    blog.deletePost(post.id).then(() => setOpen(null), report);
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
        <Sidebar selection={selection} onSelect={setSelection} overview={overview} sync={syncStatus} onAddBlog={() => setAddBlog({})} />
      </aside>
      {selection.kind === 'outbox' || selection.kind === 'conflicts' ? (
        <main className="main special-view">
          {selection.kind === 'outbox' ? (
            <OutboxView onOpenPost={(id) => (setSelection(ALL), select(id))} onError={report} />
          ) : (
            <ConflictsView onResolved={(id) => (setSelection(ALL), select(id))} onError={report} />
          )}
        </main>
      ) : (
        <PostListPane selection={selection} selectedId={open?.post.id ?? null} onOpen={(id) => select(id)} />
      )}
      <main className="main" hidden={selection.kind === 'outbox' || selection.kind === 'conflicts'}>
        {problem && (
          <div className="problem" role="alert">
            {problem}
            <button type="button" className="quiet" onClick={() => setProblem(null)} aria-label={t('app.close')}>
              ×
            </button>
          </div>
        )}
        {open ? (
          <div className={inspectorOpen ? 'workspace with-inspector' : 'workspace'}>
            <button
              type="button"
              className="quiet inspector-toggle"
              aria-pressed={inspectorOpen}
              aria-label={inspectorOpen ? t('inspector.hide') : t('inspector.show')}
              title={inspectorOpen ? t('inspector.hide') : t('inspector.show')}
              onClick={() => setInspectorOpen(!inspectorOpen)}
            >
              <Icon name="sidebar" />
            </button>
            {!paneHidden && (
              <PostPane key={`${open.post.id}:${restores}`} post={open.post} focusTitle={open.fresh} onDelete={() => setConfirmDelete(open.post)} />
            )}
            {inspectorOpen && <Inspector key={open.post.id} post={open.post} onRestore={restore} onError={report} />}
          </div>
        ) : (
          <div className="no-post">
            <p>{t('app.noPost')}</p>
          </div>
        )}
      </main>
      <SyncStatusBar
        overview={overview}
        status={syncStatus}
        progress={progress}
        onError={report}
        onReauthenticate={(blogId) => void blog.listBlogs().then((blogs) => setAddBlog({ url: blogs.find((b) => b.id === blogId)?.url }), report)}
      />
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
      {addBlog && <AddBlogDialog initialUrl={addBlog.url} onClose={() => setAddBlog(null)} />}
      {settingsOpen && <SettingsDialog preferences={preferences} onChange={setPreferences} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
