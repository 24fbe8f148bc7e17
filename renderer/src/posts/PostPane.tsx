import type { LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post, PostPatch } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';
import { $exportHtml } from '../editor/html.ts';
import { Editor } from '../editor/Editor.tsx';
import { AutosaveController, type SaveStatus } from './autosave.ts';
import { SaveIndicator } from './SaveIndicator.tsx';

export interface PostPaneProps {
  readonly post: Post;
  readonly focusTitle: boolean;
  readonly onDelete: () => void;
}

/**
 * One open post: title, body, and autosave. Mounted per post (keyed by id), so switching posts flushes the
 * old one's unsaved changes on unmount before the next loads.
 */
export function PostPane({ post, focusTitle, onDelete }: PostPaneProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(post.title);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const titleRef = useRef(post.title);
  const editorRef = useRef<LexicalEditor | null>(null);
  const bodyDirty = useRef(false);

  const autosaveRef = useRef<AutosaveController<PostPatch> | null>(null);

  // One controller per mounted post. Unmounting (switching posts, closing) flushes what is unsaved first.
  useEffect(() => {
    const autosave = new AutosaveController<PostPatch>({
      collect: () => {
        const patch: { title: string; html?: string; editorState?: string } = { title: titleRef.current };
        const editor = editorRef.current;
        if (bodyDirty.current && editor) {
          bodyDirty.current = false;
          const state = editor.getEditorState();
          patch.editorState = JSON.stringify(state.toJSON());
          patch.html = state.read(() => $exportHtml(editor));
        }
        return patch;
      },
      persist: async (patch) => {
        await blog.savePost(post.id, patch);
      },
      onStatus: (next, error) => {
        setStatus(next);
        setSaveError(next === 'error' ? describe(error) : null);
      },
    });
    autosaveRef.current = autosave;
    const flushOnHide = () => {
      if (document.visibilityState === 'hidden') void autosave.flush().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', flushOnHide);
    window.addEventListener('pagehide', flushOnHide);
    return () => {
      document.removeEventListener('visibilitychange', flushOnHide);
      window.removeEventListener('pagehide', flushOnHide);
      autosaveRef.current = null;
      void autosave
        .flush()
        .catch(() => undefined)
        .finally(() => autosave.dispose());
    };
  }, [post.id]);

  return (
    <section className="post-pane" aria-label={t('post.label')}>
      <header className="post-header">
        <SaveIndicator status={status} error={saveError} />
        <button type="button" className="quiet danger" onClick={onDelete}>
          {t('post.delete')}
        </button>
      </header>
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
      <Editor
        initialState={post.editorState}
        initialHtml={post.html}
        editorRef={editorRef}
        ariaLabel={t('post.body')}
        placeholder={t('post.bodyPlaceholder')}
        onChange={() => {
          bodyDirty.current = true;
          autosaveRef.current?.markDirty();
        }}
      />
    </section>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
