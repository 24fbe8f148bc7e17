import { memo, useEffect, useRef, useState } from 'react';
import type { Post } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';
import { Inspector } from '../inspector/Inspector.tsx';

export interface LiveInspectorProps {
  /** The post as opened (or restored); this panel follows its later changes itself. */
  readonly post: Post;
  readonly onRestore: (revisionId: number) => Promise<void>;
  readonly onError: (error: unknown) => void;
}

/**
 * The inspector and publish bar, following the open post as it changes (settings, sync, status). The desk
 * holds the post as opened and never re-renders for a save: only this panel re-reads the post, and only
 * re-renders when something it shows changed — the body, the version and the modification time change on
 * every autosave while typing and are not shown here.
 */
export const LiveInspector = memo(function LiveInspector({ post, onRestore, onError }: LiveInspectorProps) {
  const [live, setLive] = useState(post);
  // A newly opened or restored post replaces whatever was followed (React's "adjust state on prop change").
  const [opened, setOpened] = useState(post);
  if (opened !== post) {
    setOpened(post);
    setLive(post);
  }
  // What is shown, for comparing outside React: a functional setState that returns the previous value still
  // queues an update holding the fetched post, and a panel that never re-renders keeps every one of them (a
  // whole post body per autosave). So a fetched post reaches setState only when it differs.
  const shownRef = useRef(live);
  useEffect(() => {
    shownRef.current = live;
  }, [live]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const dispose = blog.onDidChangePost((event) => {
      if (event.kind === 'deleted' || (event.kind !== 'bulk' && event.post.id !== post.id)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        blog.getPost(post.id).then((next) => {
          if (alive && !sameForInspector(shownRef.current, next)) {
            shownRef.current = next;
            setLive(next);
          }
        }, () => undefined);
      }, 200);
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      dispose();
    };
  }, [post.id]);

  return <Inspector key={post.id} post={live} onRestore={onRestore} onError={onError} />;
});

/** Equal in everything but what autosave changes while typing: the body, the version, the modification time. */
export function sameForInspector(a: Post, b: Post): boolean {
  return JSON.stringify(shown(a)) === JSON.stringify(shown(b));
}

function shown({ html: _html, editorState: _state, version: _version, modifiedAt: _modified, ...rest }: Post) {
  return rest;
}
