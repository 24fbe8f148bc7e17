import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/**
 * Keeps React's commit from walking the whole post. Before every commit of any React root, React DOM saves
 * the selection of the focused element if it "has selection capabilities" (an input, a textarea, or an
 * element whose `contentEditable` property is 'true'); for an editable element that is a walk over every
 * DOM node inside it to turn the caret into a character offset (react/react#9992: "when the focus is inside
 * a contenteditable, apparently we are [doing this on every commit]"). In a 20,000-word post that walk is
 * most of a commit's cost, and commits happen while the writer types (save status, counts, the post list).
 *
 * React only uses that offset to put the selection back when a commit moved the focus away, which never
 * happens to the editor; Lexical owns the editor's selection anyway. So the editor's root element answers
 * 'inherit' when asked for its `contentEditable` *property*. Nothing else reads it: the attribute (what
 * makes the element editable, set by Lexical and React) is untouched, Lexical reads `isEditable()` and the
 * attribute, and `isContentEditable` (what browsers and tests consult) stays true.
 */
export function ReactSelectionPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root, previous) => {
        if (previous) delete (previous as { contentEditable?: string }).contentEditable;
        if (!root) return;
        const builtIn = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');
        Object.defineProperty(root, 'contentEditable', {
          configurable: true,
          get: () => 'inherit',
          // Writes still reach the element (the built-in setter sets the attribute).
          set: (value: string) => {
            builtIn?.set?.call(root, value);
          },
        });
      }),
    [editor],
  );
  return null;
}
