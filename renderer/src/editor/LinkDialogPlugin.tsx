import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  COMMAND_PRIORITY_NORMAL,
  KEY_MODIFIER_COMMAND,
} from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_LINK_DIALOG_COMMAND } from './commands.ts';
import { normalizeLinkUrl } from './links.ts';

interface DialogState {
  url: string;
  hasLink: boolean;
  /** The link's own target and rel, kept when only its address changes (new links get neither). */
  target: string | null;
  rel: string | null;
  selection: BaseSelection | null;
}

/** Ctrl/Cmd+K or the toolbar's link button: a small dialog to add, change or remove the link on the selection. */
export function LinkDialogPlugin() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const open = () => {
      editor.getEditorState().read(() => {
        const selection = $getSelection();
        let url = '';
        let target: string | null = null;
        let rel: string | null = null;
        if ($isRangeSelection(selection)) {
          const node = selection.anchor.getNode();
          const link = $isLinkNode(node) ? node : node.getParent();
          if ($isLinkNode(link)) {
            url = link.getURL();
            target = link.getTarget();
            rel = link.getRel();
          }
        }
        setError(null);
        setDialog({ url, hasLink: url !== '', target, rel, selection: selection?.clone() ?? null });
      });
      return true;
    };
    return mergeRegister(
      editor.registerCommand(OPEN_LINK_DIALOG_COMMAND, open, COMMAND_PRIORITY_NORMAL),
      editor.registerCommand(
        KEY_MODIFIER_COMMAND,
        (event) => {
          const mod = /Mac/.test(navigator.platform) ? event.metaKey : event.ctrlKey;
          if (!mod || event.key.toLowerCase() !== 'k' || event.shiftKey || event.altKey) return false;
          event.preventDefault();
          return open();
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    );
  }, [editor]);

  useEffect(() => {
    if (dialog) inputRef.current?.select();
  }, [dialog]);

  if (!dialog) return null;

  const close = () => {
    setDialog(null);
    editor.focus();
  };
  const apply = (url: string | null) => {
    editor.update(() => {
      if (dialog.selection) $setSelection(dialog.selection.clone());
    });
    // An explicit rel: Lexical would otherwise add rel="noreferrer" to every link in the post.
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url === null ? null : { url, target: dialog.target, rel: dialog.rel });
    close();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const url = normalizeLinkUrl(dialog.url);
    if (!url) {
      setError(t('linkDialog.invalid'));
      return;
    }
    apply(url);
  };

  return (
    <div className="link-dialog" role="dialog" aria-label={t('linkDialog.label')} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <form onSubmit={submit}>
        <label htmlFor="link-url">{t('linkDialog.label')}</label>
        <input
          id="link-url"
          ref={inputRef}
          type="text"
          inputMode="url"
          placeholder={t('linkDialog.placeholder')}
          value={dialog.url}
          aria-invalid={error !== null}
          aria-describedby={error ? 'link-error' : undefined}
          onChange={(e) => setDialog({ ...dialog, url: e.target.value })}
        />
        <button type="submit" className="primary">
          {t('linkDialog.save')}
        </button>
        {dialog.hasLink && (
          <button type="button" onClick={() => apply(null)}>
            {t('linkDialog.remove')}
          </button>
        )}
        <button type="button" onClick={close}>
          {t('linkDialog.cancel')}
        </button>
      </form>
      {error && (
        <p id="link-error" className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
