import type { PreviewApi } from '../../api/preview.ts';
import { postId } from './posts.ts';
import type { ContractSection } from './section.ts';

export const PREVIEW_CONTRACT = {
  methods: { getPreview: [postId] },
  events: {},
} as const satisfies ContractSection<PreviewApi>;
