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
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons.tsx';
import { $currentBlock, type BlockState, type BlockType, setBlockType } from './blockFormat.ts';
import {
  INSERT_IMAGE_FILES_COMMAND, INSERT_MORE_COMMAND, INSERT_RULE_COMMAND, OPEN_LINK_DIALOG_COMMAND, QUOTE_CITATION_COMMAND,
} from './commands.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

interface FormatState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  code: boolean;
  link: boolean;
  block: BlockState['block'];
  /** The caret is in a quote (which may hold a heading or a list: both buttons show). */
  quote: boolean;
}

const EMPTY_FORMAT: FormatState = { bold: false, italic: false, underline: false, strikethrough: false, code: false, link: false, block: 'paragraph', quote: false };
const same = (a: FormatState, b: FormatState) => (Object.keys(a) as (keyof FormatState)[]).every((k) => a[k] === b[k]);

/**
 * A toolbar that mirrors the format at the caret (aria-pressed) and applies formats to the selection. It
 * re-renders only when that format changes, not on every keystroke.
 */
export function Toolbar({ onSourceView }: { onSourceView: () => void }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState<FormatState>(EMPTY_FORMAT);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const shown = useRef<FormatState>(EMPTY_FORMAT);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const node = selection.anchor.getNode();
    const next: FormatState = {
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      strikethrough: selection.hasFormat('strikethrough'),
      code: selection.hasFormat('code'),
      link: $isLinkNode(node.getParent()) || $isLinkNode(node),
      ...$currentBlock(),
    };
    // Runs on every keystroke: only a real change of format may re-render the toolbar.
    if (same(shown.current, next)) return;
    shown.current = next;
    setFormat(next);
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (refresh(), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      ),
    [editor, refresh],
  );

  const formatText = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const block = (type: BlockType) => setBlockType(editor, type);

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
      <ToolButton label={t('toolbar.strikethrough')} pressed={format.strikethrough} onClick={() => formatText('strikethrough')}>
        <s>S</s>
      </ToolButton>
      <ToolButton label={t('toolbar.code')} pressed={format.code} onClick={() => formatText('code')}>
        <Icon name="code" />
      </ToolButton>
      <ToolButton label={t('toolbar.link')} shortcut={`${MOD}K`} pressed={format.link} onClick={() => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined)}>
        <Icon name="link" />
      </ToolButton>
      <span className="toolbar-sep" aria-hidden="true" />
      {(['h2', 'h3', 'h4'] as const).map((h) => (
        <ToolButton key={h} label={t(`toolbar.heading${h[1] as '2' | '3' | '4'}`)} shortcut={`${MOD}Alt+${h[1]}`} pressed={format.block === h} onClick={() => block(h)}>
          {h.toUpperCase()}
        </ToolButton>
      ))}
      <ToolButton label={t('toolbar.bulletList')} pressed={format.block === 'bullet'} onClick={() => block('bullet')}>
        <Icon name="bulletList" />
      </ToolButton>
      <ToolButton label={t('toolbar.numberList')} pressed={format.block === 'number'} onClick={() => block('number')}>
        <Icon name="numberList" />
      </ToolButton>
      <ToolButton label={t('toolbar.quote')} pressed={format.quote} onClick={() => block('quote')}>
        <Icon name="quote" />
      </ToolButton>
      <ToolButton label={t('toolbar.citation')} disabled={!format.quote} onClick={() => editor.dispatchCommand(QUOTE_CITATION_COMMAND, undefined)}>
        <Icon name="citation" />
      </ToolButton>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label={t('toolbar.image')} onClick={() => fileInput.current?.click()}>
        <Icon name="image" />
      </ToolButton>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label={t('toolbar.image')}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) editor.dispatchCommand(INSERT_IMAGE_FILES_COMMAND, files);
        }}
      />
      <ToolButton label={t('toolbar.rule')} onClick={() => editor.dispatchCommand(INSERT_RULE_COMMAND, undefined)}>
        <Icon name="rule" />
      </ToolButton>
      <ToolButton label={t('toolbar.more')} onClick={() => editor.dispatchCommand(INSERT_MORE_COMMAND, undefined)}>
        <Icon name="more" />
      </ToolButton>
      <span className="toolbar-spacer" />
      <ToolButton label={t('toolbar.source')} onClick={onSourceView}>
        <Icon name="source" />
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
