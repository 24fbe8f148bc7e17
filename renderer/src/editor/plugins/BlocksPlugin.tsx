import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode, $getNearestNodeFromDOMNode, $getSelection, $isParagraphNode, $isRangeSelection, $isRootNode, COMMAND_PRIORITY_LOW,
  DRAGOVER_COMMAND, DROP_COMMAND, type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { INSERT_IMAGE_FILES_COMMAND, INSERT_MORE_COMMAND, INSERT_RULE_COMMAND } from '../commands.ts';
import { $createImageNode } from '../nodes/ImageNode.tsx';
import { $createMoreNode } from '../nodes/MoreNode.tsx';
import { $createRuleNode } from '../nodes/RuleNode.tsx';
import { LOCAL_MEDIA_PREFIX } from '../nodes/data.ts';
import { useEditorServices } from '../services.ts';

/** A file's bytes as base64 (what BlogApi.addMedia takes). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((typeof reader.result === 'string' ? reader.result : '').replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

/**
 * Puts a new block where the writer is: in place of the empty paragraph the caret is in, else after the
 * block it is in (or where the file was dropped); then the caret goes to a paragraph after it, so writing
 * goes on below the image.
 */
function $placeBlock(block: LexicalNode, at: LexicalNode | null | undefined): void {
  const target = at?.isAttached() ? at.getLatest() : null;
  if (!target) {
    $insertNodeToNearestRoot(block);
  } else {
    let top: LexicalNode = target.getTopLevelElementOrThrow();
    // Inside a quote the top-level element is the quote's paragraph: place the block after the quote.
    while (top.getParent() && !$isRootNode(top.getParent())) top = top.getParentOrThrow();
    if ($isParagraphNode(top) && top.getTextContentSize() === 0) top.replace(block);
    else top.insertAfter(block);
  }
  const next = block.getNextSibling();
  if ($isParagraphNode(next)) next.selectStart();
  else block.insertAfter($createParagraphNode()).selectStart();
}

const imageFiles = (files: Iterable<File>) => [...files].filter((f) => f.type.startsWith('image/'));

/**
 * Inserting blocks: rules and "more" dividers from the toolbar, images from the file picker, paste and
 * drag and drop. An image's file goes into the local media library first (by content hash, related to
 * the post) and the node points at it, so it shows offline and sync can upload it later.
 */
export function BlocksPlugin({ onError }: { onError: (error: unknown) => void }) {
  const [editor] = useLexicalComposerContext();
  const services = useEditorServices();
  useEffect(() => {
    const insertFiles = (files: readonly File[], at?: LexicalNode | null) => {
      if (!services) return;
      void (async () => {
        for (const file of files) {
          const media = await services.addMedia({ fileName: file.name || 'bild', data: await readBase64(file), mimeType: file.type });
          editor.update(() => {
            const image = $createImageNode({
              src: `${LOCAL_MEDIA_PREFIX}${media.id}`,
              alt: media.alt,
              ...(media.width ? { width: media.width } : {}),
              ...(media.height ? { height: media.height } : {}),
            });
            $placeBlock(image, at);
          });
        }
      })().catch(onError);
    };
    return mergeRegister(
      editor.registerCommand(INSERT_RULE_COMMAND, () => ($insertNodeToNearestRoot($createRuleNode()), true), COMMAND_PRIORITY_LOW),
      editor.registerCommand(INSERT_MORE_COMMAND, () => ($insertNodeToNearestRoot($createMoreNode()), true), COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        INSERT_IMAGE_FILES_COMMAND,
        (files) => {
          const selection = $getSelection();
          insertFiles(files, $isRangeSelection(selection) ? selection.anchor.getNode() : null);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes('Files')) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const files = imageFiles(event.dataTransfer?.files ?? []);
          if (files.length === 0) return false;
          event.preventDefault();
          const target = event.target instanceof Node ? $getNearestNodeFromDOMNode(event.target) : null;
          insertFiles(files, target);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, services, onError]);
  return null;
}
