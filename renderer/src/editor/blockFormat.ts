import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalEditor } from 'lexical';
import { TOGGLE_QUOTE_COMMAND } from './commands.ts';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'bullet' | 'number';

/** The block type at the selection's anchor, for the toolbar. A quote wins over what is inside it. Call inside a read. */
export function $currentBlockType(): BlockType {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 'paragraph';
  const anchor = selection.anchor.getNode();
  if ($findMatchingParent(anchor, $isQuoteNode)) return 'quote';
  const element = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElement();
  if (element === null || $isRootOrShadowRoot(element)) return 'paragraph';
  if ($isListNode(element)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? element;
    return list.getListType() === 'number' ? 'number' : 'bullet';
  }
  if ($isHeadingNode(element)) {
    const tag = element.getTag();
    return tag === 'h2' || tag === 'h3' || tag === 'h4' ? tag : 'h2';
  }
  return 'paragraph';
}

/** Turns the selected blocks into `type`; choosing the current type again turns them back into paragraphs. */
export function setBlockType(editor: LexicalEditor, type: BlockType, current: BlockType): void {
  // A quote wraps blocks rather than replacing them (it holds paragraphs and an attribution): the quote
  // button wraps or unwraps; any other type first leaves the quote.
  if (type === 'quote' || current === 'quote') editor.dispatchCommand(TOGGLE_QUOTE_COMMAND, undefined);
  if (type === 'quote') return;
  const target: BlockType = type === current && type !== 'paragraph' ? 'paragraph' : type;
  if (target === 'bullet' || target === 'number') {
    editor.dispatchCommand(target === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  if (current === 'bullet' || current === 'number') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (target === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else $setBlocksType(selection, () => $createHeadingNode(target as HeadingTagType));
  });
}
