import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostAction, Preflight } from '../../../electron/common/api/sync.ts';
import type { Post } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';
import { usePublishCommands } from '../desk/usePublishCommands.ts';
import { requestAppCommand } from '../commands/bus.ts';

/** Which actions make sense for a post in its state; the first is the main button. */
export function actionsFor(post: Post): PostAction[] {
  if (post.status === 'published') return ['update', 'unpublish', 'make-private', 'trash'];
  if (post.status === 'scheduled') return ['update', 'publish', 'unpublish', 'trash'];
  if (post.status === 'private') return ['update', 'publish', 'unpublish', 'trash'];
  if (post.status === 'trashed' || post.status === 'deleted') return [];
  const future = post.publishedAt !== null && post.publishedAt > Date.now();
  const first: PostAction[] = future ? ['schedule', 'publish'] : ['publish'];
  return post.remoteId === null ? [...first, 'save-draft'] : [...first, 'save-draft', 'trash'];
}

/**
 * Publish / Schedule / Update / … for the open post. Each goes through a short pre-flight (warnings, what
 * changes on the server), then into the outbox; offline it waits there, and the bar says so.
 */
export function PublishBar({ post, onError }: { post: Post; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [checking, setChecking] = useState<Preflight | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const actions = actionsFor(post);
  const start = (action: PostAction) => {
    setNote(null);
    blog.preflight(post.id, action).then(setChecking, onError);
  };
  // Post › Publish…, Schedule… (menu, keys) run the same pre-flight as these buttons.
  usePublishCommands(post.blogId === null ? [] : actions, start);
  if (post.blogId === null || actions.length === 0) return null;

  const confirm = (preflight: Preflight) => {
    setChecking(null);
    const at = preflight.action === 'schedule' ? (post.publishedAt ?? undefined) : undefined;
    blog
      .requestAction(post.id, preflight.action, at === undefined ? undefined : { at })
      .then(() => setNote(preflight.warnings.includes('offline') ? t('sync.preflight.queuedOffline') : t('sync.preflight.queued')), onError);
  };

  const [main, ...rest] = actions;
  return (
    <div className="publish-bar">
      <button type="button" className="primary" onClick={() => start(main!)}>
        {t(`sync.actions.${main!}`)}
      </button>
      {rest.length > 0 && (
        <select aria-label={t('sync.actions.more')} value="" onChange={(e) => e.target.value && start(e.target.value as PostAction)}>
          <option value="">{t('sync.actions.more')}</option>
          {rest.map((action) => (
            <option key={action} value={action}>
              {t(`sync.actions.${action}`)}
            </option>
          ))}
        </select>
      )}
      <button type="button" onClick={() => requestAppCommand('preview-post')}>
        {t('preview.open')}
      </button>
      {note && (
        <p className="inspector-note" role="status">
          {note}
        </p>
      )}
      {checking && <PreflightDialog post={post} preflight={checking} onConfirm={() => confirm(checking)} onCancel={() => setChecking(null)} />}
    </div>
  );
}

function PreflightDialog({ post, preflight, onConfirm, onCancel }: { post: Post; preflight: Preflight; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const action = t(`sync.actions.${preflight.action}`);
  const blocking = preflight.warnings.includes('no-blog');
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="preflight-title" onCancel={(e) => (e.preventDefault(), onCancel())}>
      <h2 id="preflight-title">{t('sync.preflight.title', { action, post: post.title.trim() || t('list.untitled') })}</h2>
      <ul className="preflight-list">
        {preflight.warnings.map((warning) => (
          <li key={warning} className="warning">
            {t(`sync.preflight.warning.${warning}`)}
          </li>
        ))}
        <li>{preflight.changedBlocks === null ? t('sync.preflight.newPost') : t('sync.preflight.changedBlocks', { count: preflight.changedBlocks })}</li>
      </ul>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onCancel}>
          {t('sync.preflight.cancel')}
        </button>
        <button type="button" className="primary" disabled={blocking} onClick={onConfirm}>
          {t('sync.preflight.confirm', { action })}
        </button>
      </div>
    </dialog>
  );
}
