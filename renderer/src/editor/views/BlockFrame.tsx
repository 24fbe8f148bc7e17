import type { NodeKey } from 'lexical';
import type { ReactNode } from 'react';
import { useNodeSelected } from './selection.ts';

export interface BlockFrameProps {
  readonly nodeKey: NodeKey;
  readonly className: string;
  /** Shown while the block is selected (alignment, "Edit HTML", …). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

/** The chrome around every block decorator: click selects it (then Delete removes it, arrows move on). */
export function BlockFrame({ nodeKey, className, actions, children }: BlockFrameProps) {
  const [selected, select] = useNodeSelected(nodeKey);
  return (
    <div
      className={`lh-block ${className}${selected ? ' is-selected' : ''}`}
      onClick={(event) => {
        // Buttons in the action bar keep their own meaning.
        if (!(event.target as HTMLElement).closest('button, select, input, a')) select();
      }}
    >
      {children}
      {selected && actions ? (
        <div className="lh-block-actions" onMouseDown={(e) => e.preventDefault()}>
          {actions}
        </div>
      ) : null}
    </div>
  );
}

/** createDOM for block decorators: a non-editable host the React view is portalled into. */
export function blockHost(className: string): HTMLElement {
  const div = document.createElement('div');
  div.className = `lh-block-host ${className}`;
  div.contentEditable = 'false';
  return div;
}
