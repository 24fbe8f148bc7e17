import { createCommand, type LexicalCommand } from 'lexical';

/** Opens the link dialog for the current selection (toolbar button and Ctrl/Cmd+K). */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND');

/** Inserts images from files (the file picker, paste, drop): stored in the local media library first. */
export const INSERT_IMAGE_FILES_COMMAND: LexicalCommand<readonly File[]> = createCommand('INSERT_IMAGE_FILES_COMMAND');

/** Inserts a horizontal rule after the current block. */
export const INSERT_RULE_COMMAND: LexicalCommand<void> = createCommand('INSERT_RULE_COMMAND');

/** Inserts WordPress' "more" divider after the current block. */
export const INSERT_MORE_COMMAND: LexicalCommand<void> = createCommand('INSERT_MORE_COMMAND');

/** Turns the selected blocks into a quote, or the quote at the caret back into paragraphs. */
export const TOGGLE_QUOTE_COMMAND: LexicalCommand<void> = createCommand('TOGGLE_QUOTE_COMMAND');

/** Adds (or moves the caret to) the attribution line of the quote at the caret. */
export const QUOTE_CITATION_COMMAND: LexicalCommand<void> = createCommand('QUOTE_CITATION_COMMAND');
