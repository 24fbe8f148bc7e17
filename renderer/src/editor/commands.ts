import { createCommand, type LexicalCommand } from 'lexical';

/** Opens the link dialog for the current selection (toolbar button and Ctrl/Cmd+K). */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND');
