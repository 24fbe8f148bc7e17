import type { ShellApi } from '../../api/shell.ts';
import { object } from '../../validate.ts';
import { boolean } from './library.ts';
import type { ContractSection } from './section.ts';

export const SHELL_CONTRACT = {
  methods: { listCommands: [], setMenuContext: [object({ postOpen: boolean() })] },
  events: { onDidRequestCommand: true },
} as const satisfies ContractSection<ShellApi>;
