import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PostAction } from '../../../electron/common/api/sync.ts';
import type { AppCommandId } from '../../../electron/common/models.ts';
import { onDidRequestAppCommand } from '../commands/bus.ts';

/** The actions each command may mean, in order of preference: "Publish or Update" updates a live post. */
const WANTED: Partial<Record<AppCommandId, readonly PostAction[]>> = {
  'publish-post': ['update', 'publish'],
  'schedule-post': ['schedule'],
  'save-draft-to-blog': ['save-draft'],
  'unpublish-post': ['unpublish'],
  'trash-post': ['trash'],
};

/** Which publish-bar action a command asks for, given the actions the post allows now (null: none fits). */
export function actionForCommand(command: AppCommandId, available: readonly PostAction[]): PostAction | null {
  return WANTED[command]?.find((action) => available.includes(action)) ?? null;
}

/**
 * Post › Publish…, Schedule…, Unpublish… (menu or keys) run `start` — the same pre-flight the publish bar's
 * buttons run — when the post allows that action now; otherwise nothing happens, as with a disabled button.
 */
export function usePublishCommands(available: readonly PostAction[], start: (action: PostAction) => void): void {
  const latest = useRef({ available, start });
  useLayoutEffect(() => {
    latest.current = { available, start };
  });
  useEffect(
    () =>
      onDidRequestAppCommand((command) => {
        const action = actionForCommand(command, latest.current.available);
        if (action) latest.current.start(action);
      }),
    [],
  );
}
