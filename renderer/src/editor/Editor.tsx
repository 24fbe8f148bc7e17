import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import type { RefObject } from 'react';
import { $loadHtml } from './html.ts';
import { LinkDialogPlugin } from './LinkDialogPlugin.tsx';
import { normalizeLinkUrl } from './links.ts';
import { EDITOR_NODES } from './nodes.ts';
import { editorTheme } from './theme.ts';
import { Toolbar } from './Toolbar.tsx';

export interface EditorProps {
  /** Serialized Lexical state; wins over `initialHtml` when both are there. */
  readonly initialState: string | null;
  readonly initialHtml: string;
  readonly editorRef: RefObject<LexicalEditor | null>;
  /** Called on every content change (not on selection moves). Must be cheap: it runs per keystroke. */
  readonly onChange: () => void;
  readonly ariaLabel: string;
  readonly placeholder: string;
}

/** The rich-text body. Mounted once per post (keyed by post id by its parent). */
export function Editor({ initialState, initialHtml, editorRef, onChange, ariaLabel, placeholder }: EditorProps) {
  const initialConfig: InitialConfigType = {
    namespace: 'longhand',
    theme: editorTheme,
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      // Surface, never swallow: a broken update must not silently drop text.
      console.error('Lexical error', error);
    },
    editorState: initialState ?? ((editor: LexicalEditor) => (initialHtml ? $loadHtml(editor, initialHtml) : undefined)),
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor-shell">
        <Toolbar />
        <div className="editor-scroll">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor-body"
                aria-label={ariaLabel}
                aria-placeholder={placeholder}
                spellCheck
                placeholder={<div className="editor-placeholder">{placeholder}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => normalizeLinkUrl(url) !== null} />
        <LinkDialogPlugin />
        <EditorRefPlugin editorRef={editorRef} />
        <OnChangePlugin ignoreSelectionChange onChange={onChange} />
      </div>
    </LexicalComposer>
  );
}
