import { AutoLinkPlugin } from '@lexical/react/LexicalAutoLinkPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { autoLinkEmailMatcher, autoLinkUrlMatcher } from '@lexical/link';
import type { LexicalEditor } from 'lexical';
import { memo, type RefObject, useState } from 'react';
import type { ParsedPost } from '../../../electron/common/document.ts';
import { LinkDialogPlugin } from './LinkDialogPlugin.tsx';
import { normalizeLinkUrl } from './links.ts';
import type { DocumentTracker } from './model/tracker.ts';
import { EDITOR_NODES } from './nodes.ts';
import { BlocksPlugin } from './plugins/BlocksPlugin.tsx';
import { DocumentPlugin } from './plugins/DocumentPlugin.tsx';
import { HistoryPlugin } from './plugins/HistoryPlugin.tsx';
import { ListTabPlugin } from './plugins/ListTabPlugin.tsx';
import { OffscreenBlocksPlugin } from './plugins/OffscreenBlocksPlugin.tsx';
import { MARKDOWN_TRANSFORMERS } from './plugins/markdown.ts';
import { PastePlugin } from './plugins/PastePlugin.tsx';
import { PlaceholderPlugin } from './plugins/PlaceholderPlugin.tsx';
import { QuotePlugin } from './plugins/QuotePlugin.tsx';
import { ReactSelectionPlugin } from './plugins/ReactSelectionPlugin.tsx';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin.tsx';
import { type EditorStats, StatsPlugin } from './plugins/StatsPlugin.tsx';
import { type EditorServices, EditorServicesContext } from './services.ts';
import { editorTheme } from './theme.ts';
import { Toolbar } from './Toolbar.tsx';

export interface EditorProps {
  /** The post's body as blocks; a new object (the source view applied) reloads the editor. */
  readonly document: ParsedPost;
  /** Turns the editor back into a draft at save time; made for this document. */
  readonly tracker: DocumentTracker;
  readonly services: EditorServices;
  readonly editorRef: RefObject<LexicalEditor | null>;
  /** Called on every content change (not on selection moves). Must be cheap: it runs per keystroke. */
  readonly onChange: () => void;
  readonly onStats: (stats: EditorStats) => void;
  readonly onSourceView: () => void;
  readonly onError: (error: unknown) => void;
  readonly ariaLabel: string;
  readonly placeholder: string;
}

const URL_MATCHERS = [autoLinkUrlMatcher, autoLinkEmailMatcher];
// Module-level on purpose: a new function per render would make LinkPlugin re-register, and registering a
// node transform marks every link in the post dirty (an extra pass over a long post on every re-render).
const validateUrl = (url: string) => normalizeLinkUrl(url) !== null;

/**
 * The rich-text body. Mounted once per post (keyed by post id by its parent), and memoised: the pane
 * around it re-renders on every save-status change, the editor must not (its props are stable).
 */
export const Editor = memo(function Editor(props: EditorProps) {
  const { document, tracker, services, editorRef, onChange, onStats, onSourceView, onError, ariaLabel, placeholder } = props;
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'longhand',
    theme: editorTheme,
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      // Surface, never swallow: a broken update must not silently drop text.
      console.error('Lexical error', error);
    },
    // DocumentPlugin loads the post (tagged, so loading is not counted as an edit).
    editorState: null,
  }));
  return (
    <EditorServicesContext value={services}>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="editor-shell">
          <Toolbar onSourceView={onSourceView} />
          <div className="editor-scroll">
            <RichTextPlugin
              contentEditable={
                <ContentEditable className="editor-body" aria-label={ariaLabel} spellCheck />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
            <PlaceholderPlugin text={placeholder} />
          </div>
          <HistoryPlugin />
          <ListPlugin />
          <ListTabPlugin />
          <QuotePlugin />
          <LinkPlugin validateUrl={validateUrl} />
          <AutoLinkPlugin matchers={URL_MATCHERS} />
          <LinkDialogPlugin />
          <MarkdownShortcutPlugin transformers={MARKDOWN_TRANSFORMERS} />
          <ShortcutsPlugin />
          <PastePlugin />
          <BlocksPlugin onError={onError} />
          <StatsPlugin onStats={onStats} />
          <OffscreenBlocksPlugin />
          <EditorRefPlugin editorRef={editorRef} />
          <ReactSelectionPlugin />
          <OnChangePlugin ignoreSelectionChange onChange={onChange} />
          {/* Last, so every plugin has registered its node transforms before the post is loaded. */}
          <DocumentPlugin document={document} tracker={tracker} />
        </div>
      </LexicalComposer>
    </EditorServicesContext>
  );
});
