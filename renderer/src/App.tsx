import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppCommandId, Post } from '../../electron/common/models.ts';
import { blog } from './blog.ts';
import { PostListPane } from './desk/PostListPane.tsx';
import { ALL, type ListSelection } from './desk/selection.ts';
import { Sidebar } from './desk/Sidebar.tsx';
import { LiveInspector } from './desk/LiveInspector.tsx';
import { useLibraryOverview } from './desk/useLibraryData.ts';
import { PostPane } from './posts/PostPane.tsx';
import { onDidRequestAppCommand, requestAppCommand } from './commands/bus.ts';
import { PreviewDialog } from './preview/PreviewDialog.tsx';
import { SettingsDialog } from './settings/SettingsDialog.tsx';
import { usePreferences } from './settings/usePreferences.ts';
import { bindAppShortcuts } from './shortcuts.ts';
import { AddBlogDialog } from './sync/AddBlogDialog.tsx';
import { ConflictsView } from './sync/ConflictsView.tsx';
import { OutboxView } from './sync/OutboxView.tsx';
import { SyncStatusBar } from './sync/SyncStatusBar.tsx';
import { useSyncStatus } from './sync/useSync.ts';
import { ConfirmDialog } from './ui/ConfirmDialog.tsx';
import { Icon } from './ui/icons.tsx';

// Memoised: the desk re-renders for its own state (dialogs, the open post); these only when their props change.
const DeskSidebar = memo(Sidebar);
const StatusBar = memo(SyncStatusBar);

/** Commands that act through the publish bar, which lives in the inspector: they open it first. */
const PUBLISH_COMMANDS: readonly AppCommandId[] = ['publish-post', 'schedule-post', 'save-draft-to-blog', 'unpublish-post', 'trash-post'];
const GO: Partial<Record<AppCommandId, ListSelection>> = {
  'go-all': ALL,
  'go-drafts': { kind: 'status', status: 'draft' },
  'go-outbox': { kind: 'outbox' },
  'go-conflicts': { kind: 'conflicts' },
};

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
  const [previewPostId, setPreviewPostId] = useState<string | null>(null);
  const [inspectorOpen, setInspectorOpen] = useState(true);
  // Bumped by Find in List / Search All Posts: the list focuses its search field (also when it mounts for it).
  const [searchFocus, setSearchFocus] = useState(0);
  // What to do once the inspector is shown (a publish command, the history tab); see the effect below.
  const afterInspector = useRef<(() => void) | null>(null);
  const inspectorRef = useRef(inspectorOpen);
  // While a revision is restored the editor is unmounted, so its last unsaved keystrokes are flushed first and
  // the restored text is what it shows afterwards.
  const [paneHidden, setPaneHidden] = useState(false);
  const [restores, setRestores] = useState(0);
  const openRef = useRef(open);
  useLayoutEffect(() => {
    openRef.current = open;
    inspectorRef.current = inspectorOpen;
  });

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

  // Every command, however invoked (menu, keys, buttons), arrives here through the bus.
  const runCommand = useCallback(
    (command: AppCommandId) => {
      const current = openRef.current?.post ?? null;
      const go = GO[command];
      if (go) setSelection(go);
      else if (command === 'new-post') newPost();
      else if (command === 'sync-now') blog.syncNow().catch(report);
      else if (command === 'add-blog') setAddBlog({});
      else if (command === 'settings') setSettingsOpen(true);
      else if (command === 'find-in-list' || command === 'global-search') {
        setSelection((s) => (command === 'global-search' || s.kind === 'outbox' || s.kind === 'conflicts' ? ALL : s));
        setSearchFocus((n) => n + 1);
      }
      // The rest act on the open post; without one they do nothing. (Save: the post's pane flushes its
      // autosave when it hears the command; publishing: the publish bar runs its pre-flight.)
      else if (!current) return;
      else if (command === 'preview-post') setPreviewPostId(current.id);
      // The title in the question must be today's, not the one the post was opened with.
      else if (command === 'delete-post') blog.getPost(current.id).then(setConfirmDelete, report);
      else if (command === 'toggle-inspector') setInspectorOpen((shown) => !shown);
      else if ((command === 'show-history' || PUBLISH_COMMANDS.includes(command)) && !inspectorRef.current) {
        // The history tab and the publish bar are in the inspector: show it, and send the command again once
        // it listens.
        afterInspector.current = () => requestAppCommand(command);
        setInspectorOpen(true);
      }
    },
    [newPost, report],
  );

  useEffect(() => {
    if (inspectorOpen && open) runAfterInspector(afterInspector);
  }, [inspectorOpen, open]);

  // The shell's menu greys out the post commands while no post is open.
  const postOpen = open !== null;
  useEffect(() => {
    blog.setMenuContext({ postOpen }).catch(() => undefined);
  }, [postOpen]);

  useEffect(() => {
    const disposeBus = onDidRequestAppCommand(runCommand);
    const disposeKeys = bindAppShortcuts(blog.listCommands(), (listener) => blog.onDidRequestCommand(listener), requestAppCommand);
    return () => {
      disposeBus();
      disposeKeys();
    };
  }, [runCommand]);

  // Stable (refs and setters only), so the memoised inspector keeps its props.
  const restore = useCallback(async (revisionId: number) => {
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
  }, []);

  const requestDelete = useCallback(() => requestAppCommand('delete-post'), []);
  const openFromList = useCallback((id: string) => select(id), [select]);
  const addBlogClicked = useCallback(() => requestAppCommand('add-blog'), []);
  const reauthenticate = useCallback(
    (blogId: string) => void blog.listBlogs().then((blogs) => setAddBlog({ url: blogs.find((b) => b.id === blogId)?.url }), report),
    [report],
  );

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
            <button type="button" className="quiet" onClick={() => requestAppCommand('settings')} aria-label={t('app.settings')} title={t('app.settings')}>
              <Icon name="settings" />
            </button>
            <button type="button" className="primary" onClick={() => requestAppCommand('new-post')} title={t('app.newPostHint', { shortcut: /Mac/.test(navigator.platform) ? '⌘N' : 'Ctrl+N' })}>
              {t('app.newPost')}
            </button>
          </div>
        </header>
        <DeskSidebar selection={selection} onSelect={setSelection} overview={overview} sync={syncStatus} onAddBlog={addBlogClicked} />
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
        <PostListPane selection={selection} selectedId={open?.post.id ?? null} onOpen={openFromList} focusSearch={searchFocus} />
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
              onClick={() => requestAppCommand('toggle-inspector')}
            >
              <Icon name="sidebar" />
            </button>
            {!paneHidden && (
              <PostPane key={`${open.post.id}:${restores}`} post={open.post} focusTitle={open.fresh} onDelete={requestDelete} />
            )}
            {inspectorOpen && <LiveInspector post={open.post} onRestore={restore} onError={report} />}
          </div>
        ) : (
          <div className="no-post">
            <p>{t('app.noPost')}</p>
          </div>
        )}
      </main>
      <StatusBar overview={overview} status={syncStatus} progress={progress} onError={report} onReauthenticate={reauthenticate} />
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
      {previewPostId && <PreviewDialog postId={previewPostId} onClose={() => setPreviewPostId(null)} />}
      {settingsOpen && <SettingsDialog preferences={preferences} onChange={setPreferences} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}

/** Runs (once) what was waiting for the inspector to be shown; its panes subscribe in their own effects, which run first. */
function runAfterInspector(pending: { current: (() => void) | null }): void {
  const run = pending.current;
  pending.current = null;
  run?.();
}
