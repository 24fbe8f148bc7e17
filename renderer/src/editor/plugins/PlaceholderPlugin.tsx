import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isParagraphNode } from 'lexical';
import { useEffect, useRef, useState } from 'react';

/** Only an empty post shows the placeholder: one empty paragraph (checked in constant time). */
function $isEmptyPost(): boolean {
  const root = $getRoot();
  const first = root.getFirstChild();
  return root.getChildrenSize() <= 1 && (first === null || ($isParagraphNode(first) && first.getChildrenSize() === 0));
}

/**
 * The "Write here…" placeholder. Lexical's ContentEditable has one, but it sets React state on every
 * update; in React that makes a render and a commit per keystroke, which a long post feels. This one
 * renders only when emptiness changes.
 */
export function PlaceholderPlugin({ text }: { text: string }) {
  const [editor] = useLexicalComposerContext();
  const [empty, setEmpty] = useState(false);
  const shown = useRef(false);
  useEffect(() => {
    const check = () => {
      const next = editor.getEditorState().read($isEmptyPost);
      if (next === shown.current) return;
      shown.current = next;
      setEmpty(next);
    };
    check();
    return editor.registerUpdateListener(check);
  }, [editor]);
  return empty ? (
    <div className="editor-placeholder" aria-hidden="true">
      {text}
    </div>
  ) : null;
}
