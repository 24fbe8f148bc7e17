import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $copyBlockFormatIndent, $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, $isRootOrShadowRoot, type ElementNode, type LexicalEditor } from 'lexical';
import { TOGGLE_QUOTE_COMMAND } from './commands.ts';
import { $createQuoteCitationNode, $isQuoteCitationNode } from './nodes/QuoteCitationNode.ts';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'bullet' | 'number';

/**
 * What the caret is in, for the toolbar: the block and whether it sits in a quote. A quote holds
 * paragraphs, headings and lists, so both are shown at once (the quote button and, say, H3).
 */
export interface BlockState {
  block: Exclude<BlockType, 'quote'>;
  quote: boolean;
}

/** The block state at the selection's anchor. Call inside a read. */
export function $currentBlock(): BlockState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { block: 'paragraph', quote: false };
  const anchor = selection.anchor.getNode();
  const quote = $findMatchingParent(anchor, $isQuoteNode) !== null;
  // getTopLevelElement stops below a shadow root: inside a quote it is the block within the quote.
  const element = $isRootOrShadowRoot(anchor) ? null : anchor.getTopLevelElement();
  if ($isListNode(element)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? element;
    return { block: list.getListType() === 'number' ? 'number' : 'bullet', quote };
  }
  if ($isHeadingNode(element)) {
    const tag = element.getTag();
    return { block: tag === 'h2' || tag === 'h3' || tag === 'h4' ? tag : 'h2', quote };
  }
  return { block: 'paragraph', quote };
}

/**
 * Turns the selected blocks into `type`; choosing the current type again turns them back into paragraphs.
 * The quote button wraps or unwraps a quote; every other type changes the blocks where they are, inside a
 * quote too (it may hold headings and lists), and never the quote's attribution line.
 */
export function setBlockType(editor: LexicalEditor, type: BlockType): void {
  if (type === 'quote') {
    editor.dispatchCommand(TOGGLE_QUOTE_COMMAND, undefined);
    return;
  }
  const current = editor.getEditorState().read($currentBlock).block;
  const target = type === current && type !== 'paragraph' ? 'paragraph' : type;
  if (target === 'bullet' || target === 'number') {
    editor.dispatchCommand(target === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  if (current === 'bullet' || current === 'number') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (selection.isCollapsed() && $isQuoteCitationNode(selection.anchor.getNode().getTopLevelElement())) return;
    // $setBlocksType replaces every block the selection touches, an attribution line included: put those back.
    const citations: ElementNode[] = [];
    $setBlocksType(
      selection,
      () => (target === 'paragraph' ? $createParagraphNode() : $createHeadingNode(target as HeadingTagType)),
      (previous, created) => {
        $copyBlockFormatIndent(previous, created);
        if ($isQuoteCitationNode(previous)) citations.push(created);
      },
    );
    for (const node of citations) node.replace($createQuoteCitationNode(), true);
  });
}
