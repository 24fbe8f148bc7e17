import type { ShellApi } from '../../api/shell.ts';
import type { ContractSection } from './section.ts';

export const SHELL_CONTRACT = {
  methods: { listCommands: [] },
  events: { onDidRequestCommand: true },
} as const satisfies ContractSection<ShellApi>;
