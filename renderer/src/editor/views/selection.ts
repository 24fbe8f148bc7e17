import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createNodeSelection, $getSelection, $isNodeSelection, $setSelection, type LexicalEditor, type NodeKey } from 'lexical';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Which block decorators are selected, for all of them through one update listener per editor (rather than
 * one listener per image or embed, which a long post would pay for on every keystroke).
 */
interface Store {
  keys: ReadonlySet<NodeKey>;
  listeners: Set<() => void>;
}

const stores = new WeakMap<LexicalEditor, Store>();

function storeOf(editor: LexicalEditor): Store {
  let store = stores.get(editor);
  if (store) return store;
  const created: Store = { keys: new Set(), listeners: new Set() };
  store = created;
  stores.set(editor, created);
  editor.registerUpdateListener(({ editorState }) => {
    const next = editorState.read(() => {
      const selection = $getSelection();
      return $isNodeSelection(selection) ? new Set(selection.getNodes().map((n) => n.getKey())) : new Set<NodeKey>();
    });
    if (next.size === created.keys.size && [...next].every((k) => created.keys.has(k))) return;
    created.keys = next;
    for (const listener of created.listeners) listener();
  });
  return created;
}

/** [selected, select] for the decorator with this key. */
export function useNodeSelected(nodeKey: NodeKey): [boolean, () => void] {
  const [editor] = useLexicalComposerContext();
  const store = storeOf(editor);
  const selected = useSyncExternalStore(
    (listener) => {
      store.listeners.add(listener);
      return () => store.listeners.delete(listener);
    },
    () => store.keys.has(nodeKey),
  );
  const select = useCallback(() => {
    editor.update(() => {
      const selection = $createNodeSelection();
      selection.add(nodeKey);
      $setSelection(selection);
    });
  }, [editor, nodeKey]);
  return [selected, select];
}
