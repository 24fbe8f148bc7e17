import type { LexicalEditor } from 'lexical';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDraft, ParsedDocument } from '../../../electron/common/document.ts';
import type { Media, Post } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';
import { onDidRequestAppCommand } from '../commands/bus.ts';
import { Editor } from '../editor/Editor.tsx';
import { DocumentTracker, withDraft } from '../editor/model/tracker.ts';
import { normalizeNewlines, restoreLineEndings } from '../editor/source.ts';
import type { EditorStats } from '../editor/plugins/StatsPlugin.tsx';
import type { EditorServices } from '../editor/services.ts';
import { TextDialog } from '../ui/TextDialog.tsx';
import { AutosaveController, type SaveStatus } from './autosave.ts';
import { DocStats } from './DocStats.tsx';
import { SaveIndicator, type SaveState } from './SaveIndicator.tsx';
import { createStore } from './store.ts';

export interface PostPaneProps {
  readonly post: Post;
  readonly focusTitle: boolean;
  readonly onDelete: () => void;
}

/** What one autosave writes: the title always, the body (as a draft of blocks) when it changed. */
interface Patch {
  title: string;
  document?: DocumentDraft;
}

interface Opened {
  readonly document: ParsedDocument;
  readonly tracker: DocumentTracker;
}

/**
 * One open post: title, body, and autosave. Mounted per post (keyed by id), so switching posts flushes the
 * old one's unsaved changes on unmount before the next loads.
 *
 * The body is opened as blocks (DocumentsApi.openDocument: core parses the post's HTML) and saved as a
 * draft of blocks (saveDocument: core writes untouched blocks as their original source), so an old post
 * opened and saved keeps its HTML byte for byte and an edit changes only the blocks it touched.
 */
function PostPaneView({ post, focusTitle, onDelete }: PostPaneProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(post.title);
  // Status and counts change while typing; leaf components subscribe to them (see store.ts).
  const [saveState] = useState(() => createStore<SaveState>({ status: 'saved', error: null }));
  const [statsStore] = useState(() => createStore<EditorStats | null>(null));
  const [problem, setProblem] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const titleRef = useRef(post.title);
  const editorRef = useRef<LexicalEditor | null>(null);
  const openedRef = useRef<Opened | null>(null);
  const bodyDirty = useRef(false);
  const autosaveRef = useRef<AutosaveController<Patch> | null>(null);
  const shownStatus = useRef<SaveStatus>('saved');
  const report = useCallback((error: unknown) => setProblem(describe(error)), []);

  useEffect(() => {
    let live = true;
    // Named phases of opening a post (the editor benchmark reads them; devtools show them).
    const asked = performance.now();
    blog.openDocument(post.id).then(({ document }) => {
      if (!live) return;
      performance.measure('longhand:open:core', { start: asked });
      const next = { document, tracker: new DocumentTracker(document) };
      openedRef.current = next;
      setOpened(next);
    }, report);
    return () => {
      live = false;
    };
  }, [post.id, report]);

  const collectDraft = (): DocumentDraft | undefined => {
    const editor = editorRef.current;
    const current = openedRef.current;
    return editor && current ? editor.getEditorState().read(() => current.tracker.$collect()) : undefined;
  };

  // One controller per mounted post. Unmounting (switching posts, closing) flushes what is unsaved first.
  useEffect(() => {
    const autosave = new AutosaveController<Patch>({
      collect: () => {
        const patch: Patch = { title: titleRef.current };
        if (bodyDirty.current) {
          const document = collectDraft();
          if (document) {
            bodyDirty.current = false;
            patch.document = document;
          }
        }
        return patch;
      },
      persist: async (patch) => {
        try {
          if (patch.document) await withDraft(patch.document, (document) => blog.saveDocument(post.id, { title: patch.title, document }));
          else await blog.savePost(post.id, { title: patch.title });
        } catch (error) {
          // The retry collects again: the body must still count as unsaved.
          if (patch.document) bodyDirty.current = true;
          throw error;
        }
      },
      onStatus: (next, error) => {
        // The controller reports 'dirty' on every keystroke; only a change may reach React.
        if (next === shownStatus.current && next !== 'error') return;
        shownStatus.current = next;
        saveState.set({ status: next, error: next === 'error' ? describe(error) : null });
      },
    });
    autosaveRef.current = autosave;
    const flushOnHide = () => {
      if (document.visibilityState === 'hidden') void autosave.flush().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', flushOnHide);
    window.addEventListener('pagehide', flushOnHide);
    // Save (Ctrl/Cmd+S, File › Save) writes what is pending now instead of after the pause; errors show as usual.
    const disposeSave = onDidRequestAppCommand((command) => {
      if (command === 'save-post') void autosave.flush().catch(() => undefined);
    });
    return () => {
      disposeSave();
      document.removeEventListener('visibilitychange', flushOnHide);
      window.removeEventListener('pagehide', flushOnHide);
      autosaveRef.current = null;
      void autosave
        .flush()
        .catch(() => undefined)
        .finally(() => autosave.dispose());
    };
  }, [post.id, saveState]);

  const services = useMemo(() => editorServices(post.id), [post.id]);

  const openSource = useCallback(() => {
    const draft = collectDraft();
    if (draft) withDraft(draft, (d) => blog.renderDocument(d)).then(setSource, report);
  }, [report]);

  // Stable, so the memoised editor does not re-render when the pane does.
  const onBodyChange = useCallback(() => {
    bodyDirty.current = true;
    autosaveRef.current?.markDirty();
  }, []);

  const applySource = (html: string) => {
    setSource(null);
    blog.parseDocument(html).then((document) => {
      const next = { document, tracker: new DocumentTracker(document) };
      openedRef.current = next;
      setOpened(next);
      bodyDirty.current = true;
      autosaveRef.current?.markDirty();
    }, report);
  };

  return (
    <section className="post-pane" aria-label={t('post.label')}>
      <header className="post-header">
        <span className="post-status">
          <SaveIndicator store={saveState} />
          <DocStats store={statsStore} />
        </span>
        <button type="button" className="quiet danger" onClick={onDelete}>
          {t('post.delete')}
        </button>
      </header>
      {problem ? (
        <div className="problem" role="alert">
          {problem}
          <button type="button" className="quiet" onClick={() => setProblem(null)} aria-label={t('app.close')}>
            ×
          </button>
        </div>
      ) : null}
      <input
        className="post-title"
        aria-label={t('post.title')}
        placeholder={t('post.title')}
        value={title}
        autoFocus={focusTitle}
        spellCheck
        onChange={(event) => {
          setTitle(event.target.value);
          titleRef.current = event.target.value;
          autosaveRef.current?.markDirty();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            // Lexical's focus() only moves the selection; the DOM focus must leave the <input> too.
            editorRef.current?.getRootElement()?.focus();
            editorRef.current?.focus();
          }
        }}
      />
      {opened ? (
        <Editor
          document={opened.document}
          tracker={opened.tracker}
          services={services}
          editorRef={editorRef}
          ariaLabel={t('post.body')}
          placeholder={t('post.bodyPlaceholder')}
          onStats={statsStore.set}
          onSourceView={openSource}
          onError={report}
          onChange={onBodyChange}
        />
      ) : (
        <div className="editor-loading" aria-busy="true" />
      )}
      {source !== null ? (
        <TextDialog
          title={t('editor.sourceTitle')}
          label={t('editor.sourceLabel')}
          initial={source}
          applyLabel={t('editor.apply')}
          cancelLabel={t('editor.cancel')}
          hint={t('editor.sourceHint')}
          code
          onCancel={() => setSource(null)}
          onApply={(html) => (html === normalizeNewlines(source) ? setSource(null) : applySource(restoreLineEndings(source, html)))}
        />
      ) : null}
    </section>
  );
}

/**
 * Memoised on the post: the window re-renders on every save (the post list changes), and a commit of this
 * pane while the editor has the focus costs React a walk over the post to save the selection. `onDelete`
 * is read through a ref, so a new function from the parent needs no re-render.
 */
export const PostPane = memo(
  function PostPane(props: PostPaneProps) {
    const onDelete = useRef(props.onDelete);
    useLayoutEffect(() => {
      onDelete.current = props.onDelete;
    });
    const stableDelete = useCallback(() => onDelete.current(), []);
    return <PostPaneView post={props.post} focusTitle={props.focusTitle} onDelete={stableDelete} />;
  },
  (a, b) => a.post.id === b.post.id && a.post.version === b.post.version && a.focusTitle === b.focusTitle,
);

/** What the editor's views may ask of the world, for one post. */
function editorServices(postId: string): EditorServices {
  // Every image of an old post asks for the post's media: one request answers them all (until a new file
  // is added).
  let media: Promise<readonly Media[]> | null = null;
  return {
    postId,
    addMedia: (file) => {
      media = null;
      return blog.addMedia({ ...file, postId });
    },
    listPostMedia: () => (media ??= blog.listMedia({ postId, limit: 1000 }).then((page) => page.items)),
    readMedia: (id) => blog.readMedia(id),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
