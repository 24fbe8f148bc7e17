import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Blog, Post, Term } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import { FeaturedImage } from './FeaturedImage.tsx';
import { TagInput } from './TagInput.tsx';
import { useDebouncedSave } from './useDebouncedSave.ts';

export interface PostSettingsProps {
  readonly post: Post;
  readonly onError: (error: unknown) => void;
}

/** datetime-local speaks local wall time without a zone: "2013-09-27T08:30". */
function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The post's metadata: blog, categories, tags, slug, excerpt, featured image, date, comments, sticky. Every change is saved at once. */
export function PostSettings({ post, onError }: PostSettingsProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(post);
  // A newer version of the post from outside (editor saves, sync): adopt it (React's "adjust state on prop change").
  const [seenVersion, setSeenVersion] = useState(post.version);
  if (post.version !== seenVersion) {
    setSeenVersion(post.version);
    setCurrent(post);
  }
  const [slug, setSlug] = useState(post.slug);
  const [excerpt, setExcerpt] = useState(post.excerpt);
  const [blogs, setBlogs] = useState<Blog[]>([]);
  const [categories, setCategories] = useState<Term[]>([]);
  const [tags, setTags] = useState<Term[]>([]);
  const saveSoon = useDebouncedSave(post.id, onError);

  useEffect(() => {
    blog.listBlogs().then(setBlogs, onError);
  }, [onError]);

  useEffect(() => {
    const load = () => {
      blog.listTerms({ blogId: current.blogId, taxonomy: 'category' }).then(setCategories, onError);
      blog.listTerms({ blogId: current.blogId, taxonomy: 'tag' }).then(setTags, onError);
    };
    load();
    return blog.onDidChangeLibrary((event) => {
      if (event.kind === 'terms' || event.kind === 'imported') load();
    });
  }, [current.blogId, onError]);

  // Shown at once (a checkbox must not wait for the disk), then replaced by what storage answers.
  const saveNow = (patch: Parameters<typeof blog.savePost>[1]) => {
    setCurrent((previous) => ({ ...previous, ...patch }) as Post);
    blog.savePost(post.id, patch).then(setCurrent, (error: unknown) => {
      onError(error);
      blog.getPost(post.id).then(setCurrent, onError);
    });
  };
  const createTerm = async (taxonomy: 'category' | 'tag', name: string) => {
    const term = await blog.createTerm({ blogId: current.blogId, taxonomy, name });
    return term.id;
  };

  return (
    <form className="post-settings" onSubmit={(e) => e.preventDefault()}>
      <div className="inspector-field">
        <label htmlFor="ps-blog">{t('inspector.blog')}</label>
        <select
          id="ps-blog"
          value={current.blogId ?? ''}
          disabled={current.remoteId !== null}
          onChange={(e) => saveNow({ blogId: e.target.value || null, categoryIds: [], tagIds: [] })}
        >
          <option value="">{t('inspector.noBlog')}</option>
          {blogs.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name || b.url}
            </option>
          ))}
        </select>
      </div>
      <p className="inspector-status">
        {t('inspector.status')}: <span className={`badge badge-${current.status}`}>{t(`desk.status.${current.status}`)}</span>
      </p>
      <CategoryPicker
        categories={categories}
        selected={current.categoryIds}
        onChange={(ids) => saveNow({ categoryIds: ids })}
        onCreate={async (name) => {
          const id = await createTerm('category', name);
          saveNow({ categoryIds: [...current.categoryIds, id] });
        }}
      />
      <TagInput tags={tags} selected={current.tagIds} onChange={(ids) => saveNow({ tagIds: ids })} onCreate={(name) => createTerm('tag', name)} />
      <div className="inspector-field">
        <label htmlFor="ps-slug">{t('inspector.slug')}</label>
        <input
          id="ps-slug"
          value={slug}
          placeholder={t('inspector.slugPlaceholder')}
          spellCheck={false}
          onChange={(e) => {
            setSlug(e.target.value);
            saveSoon({ slug: e.target.value });
          }}
        />
        {current.status === 'published' && <small>{t('inspector.slugLocked')}</small>}
      </div>
      <div className="inspector-field">
        <label htmlFor="ps-excerpt">{t('inspector.excerpt')}</label>
        <textarea
          id="ps-excerpt"
          rows={3}
          value={excerpt}
          onChange={(e) => {
            setExcerpt(e.target.value);
            saveSoon({ excerpt: e.target.value });
          }}
        />
      </div>
      <FeaturedImage postId={post.id} mediaId={current.featuredMediaId} onChange={(id) => saveNow({ featuredMediaId: id })} onError={onError} />
      <div className="inspector-field">
        <label htmlFor="ps-date">{t('inspector.publishDate')}</label>
        <input
          id="ps-date"
          type="datetime-local"
          value={toLocalInput(current.publishedAt)}
          onChange={(e) => saveNow({ publishedAt: e.target.value ? new Date(e.target.value).getTime() : null })}
        />
        <small>{t('inspector.publishDateHint')}</small>
      </div>
      <label className="inspector-check">
        <input type="checkbox" checked={current.commentStatus === 'open'} onChange={(e) => saveNow({ commentStatus: e.target.checked ? 'open' : 'closed' })} />{' '}
        {t('inspector.comments')}
      </label>
      <label className="inspector-check">
        <input type="checkbox" checked={current.sticky} onChange={(e) => saveNow({ sticky: e.target.checked })} /> {t('inspector.sticky')}
      </label>
    </form>
  );
}
