import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $currentBlockType, type BlockType, setBlockType } from './blockFormat.ts';
import { Icon } from '../ui/icons.tsx';
import { OPEN_LINK_DIALOG_COMMAND } from './commands.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

interface FormatState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
  block: BlockType;
}

const EMPTY_FORMAT: FormatState = { bold: false, italic: false, underline: false, link: false, block: 'paragraph' };

/** A toolbar that mirrors the format at the caret (aria-pressed) and applies formats to the selection. */
export function Toolbar() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState<FormatState>(EMPTY_FORMAT);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const node = selection.anchor.getNode();
    setFormat({
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      link: $isLinkNode(node.getParent()) || $isLinkNode(node),
      block: $currentBlockType(),
    });
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      ),
    [editor, refresh],
  );

  const formatText = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const block = (type: BlockType) => setBlockType(editor, type, format.block);

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <ToolButton label={t('toolbar.undo')} shortcut={`${MOD}Z`} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        <Icon name="undo" />
      </ToolButton>
      <ToolButton label={t('toolbar.redo')} shortcut={isMac ? '⇧⌘Z' : 'Ctrl+Y'} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        <Icon name="redo" />
      </ToolButton>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label={t('toolbar.bold')} shortcut={`${MOD}B`} pressed={format.bold} onClick={() => formatText('bold')}>
        <b>B</b>
      </ToolButton>
      <ToolButton label={t('toolbar.italic')} shortcut={`${MOD}I`} pressed={format.italic} onClick={() => formatText('italic')}>
        <i>I</i>
      </ToolButton>
      <ToolButton label={t('toolbar.underline')} shortcut={`${MOD}U`} pressed={format.underline} onClick={() => formatText('underline')}>
        <u>U</u>
      </ToolButton>
      <ToolButton label={t('toolbar.link')} shortcut={`${MOD}K`} pressed={format.link} onClick={() => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined)}>
        <Icon name="link" />
      </ToolButton>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label={t('toolbar.heading2')} pressed={format.block === 'h2'} onClick={() => block('h2')}>
        H2
      </ToolButton>
      <ToolButton label={t('toolbar.heading3')} pressed={format.block === 'h3'} onClick={() => block('h3')}>
        H3
      </ToolButton>
      <ToolButton label={t('toolbar.bulletList')} pressed={format.block === 'bullet'} onClick={() => block('bullet')}>
        <Icon name="bulletList" />
      </ToolButton>
      <ToolButton label={t('toolbar.numberList')} pressed={format.block === 'number'} onClick={() => block('number')}>
        <Icon name="numberList" />
      </ToolButton>
      <ToolButton label={t('toolbar.quote')} pressed={format.block === 'quote'} onClick={() => block('quote')}>
        <Icon name="quote" />
      </ToolButton>
    </div>
  );
}

interface ToolButtonProps {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}

function ToolButton({ label, shortcut, pressed, disabled, onClick, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the editor's selection: a mousedown on the button would otherwise blur it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
