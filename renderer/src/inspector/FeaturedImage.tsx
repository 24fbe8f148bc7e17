import { type DragEvent, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Media, MediaId, PostId } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';
import { useImageUrl } from '../editor/media.ts';
import { LOCAL_MEDIA_PREFIX } from '../editor/nodes/data.ts';
import { readBase64 } from '../editor/plugins/BlocksPlugin.tsx';
import { type EditorServices, EditorServicesContext } from '../editor/services.ts';

/**
 * LIMITS.mediaBytes of electron/common/models.ts (the renderer may import only types from common): checked
 * here so a too-large file is refused with a clear message before it is read into memory and sent over IPC.
 */
const MAX_BYTES = 64 * 1024 * 1024;
const MB = 1024 * 1024;

export interface FeaturedImageProps {
  readonly postId: PostId;
  readonly mediaId: MediaId | null;
  /** Sets (or with null clears) the post's featured image; the media item itself is never deleted. */
  readonly onChange: (mediaId: MediaId | null) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * The post's featured image: a thumbnail (from the local media store, so it works offline) or an empty box
 * that takes a dropped file; a file from disk, one of the post's own images, or none. Sync uploads the file
 * once before the post and sets WordPress' featured_media.
 */
export function FeaturedImage({ postId, mediaId, onChange, onError }: FeaturedImageProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [media, setMedia] = useState<Media | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  // The editor's image views resolve local media through these services; the thumbnails reuse them (and
  // their per-session object URLs) instead of a second way of reading the store.
  const services = useMemo<EditorServices>(
    () => ({
      postId,
      addMedia: (file) => blog.addMedia({ ...file, postId }),
      listPostMedia: () => blog.listMedia({ postId, limit: 1000 }).then((page) => page.items),
      readMedia: (mid) => blog.readMedia(mid),
    }),
    [postId],
  );

  useEffect(() => {
    let live = true;
    const load = () => mediaId !== null && void blog.getMedia(mediaId).then((m) => live && setMedia(m), onError);
    load();
    const stop = blog.onDidChangeLibrary((event) => event.kind === 'media' && load());
    return () => {
      live = false;
      stop();
    };
  }, [mediaId, onError]);
  const shown = media !== null && media.id === mediaId ? media : null;

  const choose = (next: Media | null) => {
    setProblem(null);
    setPicking(false);
    if (next) setMedia(next);
    onChange(next?.id ?? null);
  };

  const addFile = async (file: File) => {
    setProblem(null);
    if (!file.type.startsWith('image/')) return setProblem(t('inspector.featured.notImage', { name: file.name }));
    if (file.size > MAX_BYTES) {
      return setProblem(t('inspector.featured.tooLarge', { name: file.name, size: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(file.size / MB), max: MAX_BYTES / MB }));
    }
    setBusy(true);
    try {
      const added = await services.addMedia({ fileName: file.name || 'bild', data: await readBase64(file), mimeType: file.type });
      // The store names common image types from the bytes; whatever it did not file as an image is not set.
      if (!added.mimeType.startsWith('image/')) return setProblem(t('inspector.featured.notImage', { name: file.name }));
      choose(added);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void addFile(file);
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragOver(true);
  };

  return (
    <EditorServicesContext.Provider value={services}>
      <div className="inspector-field featured-image" role="group" aria-labelledby={`${id}-label`}>
        <span id={`${id}-label`} className="featured-label">
          {t('inspector.featured.label')}
        </span>
        <div
          className={`featured-box${shown ? '' : ' empty'}${dragOver ? ' drag-over' : ''}`}
          onDragOver={onDragOver}
          onDragLeave={() => setDragOver(false)}
          onDrop={onDrop}
        >
          {mediaId === null ? (
            <span>{busy ? t('inspector.featured.adding') : t('inspector.featured.none')}</span>
          ) : shown ? (
            <MediaThumb media={shown} />
          ) : null}
        </div>
        {shown && <small className="featured-alt">{shown.alt ? t('inspector.featured.alt', { alt: shown.alt }) : t('inspector.featured.noAlt')}</small>}
        <input ref={fileInput} type="file" accept="image/*" hidden aria-label={t('inspector.featured.choose')} onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void addFile(file);
        }} />
        <div className="featured-actions">
          <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            {t('inspector.featured.choose')}
          </button>
          <button type="button" aria-expanded={picking} aria-controls={`${id}-list`} onClick={() => setPicking(!picking)}>
            {t('inspector.featured.fromPost')}
          </button>
          {mediaId !== null && (
            <button type="button" className="danger" onClick={() => choose(null)}>
              {t('inspector.featured.remove')}
            </button>
          )}
        </div>
        {picking && (
          <PostImages
            listId={`${id}-list`}
            postId={postId}
            selected={mediaId}
            onPick={choose}
            onClose={() => setPicking(false)}
            onError={onError}
          />
        )}
        {problem && (
          <p className="featured-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    </EditorServicesContext.Provider>
  );
}

/** `decorative`: the picture sits beside its own label, so a screen reader should not read the name twice. */
function MediaThumb({ media, decorative = false }: { readonly media: Media; readonly decorative?: boolean }) {
  const { t } = useTranslation();
  const url = useImageUrl(`${LOCAL_MEDIA_PREFIX}${media.id}`);
  if (url === undefined) return <span className="featured-thumb" aria-busy="true" />;
  if (url === null) return <span className="featured-thumb missing">{t('inspector.featured.missing', { name: media.fileName })}</span>;
  return <img className="featured-thumb" src={url} alt={decorative ? '' : media.alt || media.fileName} />;
}

interface PostImagesProps {
  readonly listId: string;
  readonly postId: PostId;
  readonly selected: MediaId | null;
  readonly onPick: (media: Media) => void;
  readonly onClose: () => void;
  readonly onError: (error: unknown) => void;
}

/** The images already related to the post, as a list of buttons: Tab or arrows move, Enter picks, Escape closes. */
function PostImages({ listId, postId, selected, onPick, onClose, onError }: PostImagesProps) {
  const { t } = useTranslation();
  const [images, setImages] = useState<Media[] | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    let live = true;
    blog.listMedia({ postId, limit: 1000 }).then((page) => live && setImages(page.items.filter((m) => m.mimeType.startsWith('image/'))), onError);
    return () => {
      live = false;
    };
  }, [postId, onError]);
  useEffect(() => {
    if (images?.length) list.current?.querySelector('button')?.focus();
  }, [images]);

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      document.querySelector<HTMLElement>(`[aria-controls="${listId}"]`)?.focus();
    } else if (step !== 0 && buttons.length > 0) {
      e.preventDefault();
      buttons[(at + step + buttons.length) % buttons.length]!.focus();
    }
  };

  return (
    <div className="featured-picker" id={listId} role="group" aria-label={t('inspector.featured.postImages')} onKeyDown={onKeyDown}>
      {images === null ? null : images.length === 0 ? (
        <p>{t('inspector.featured.noPostImages')}</p>
      ) : (
        <ul ref={list}>
          {images.map((m) => (
            <li key={m.id}>
              <button type="button" aria-pressed={m.id === selected} onClick={() => onPick(m)}>
                <MediaThumb media={m} decorative />
                <span>{m.alt || m.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
