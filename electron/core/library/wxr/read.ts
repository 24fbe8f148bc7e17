import { BlogError } from '../../../common/errors.ts';
import { type XmlElement, child, childText, children, parseXml, text } from './xml.ts';

/**
 * A WXR file (WordPress › Tools › Export, versions 1.0–1.2) as plain records. Reads what an archive needs —
 * site, categories, tags, posts, attachments — and keeps every item, whatever its type, so the importer can
 * say what it skipped and why.
 */
export interface WxrTerm {
  readonly taxonomy: 'category' | 'tag';
  readonly remoteId: number | null;
  readonly slug: string;
  readonly name: string;
  readonly parentSlug: string;
  readonly description: string;
}

export interface WxrItemTerm {
  readonly domain: string;
  readonly slug: string;
  readonly name: string;
}

/** Times as written: "YYYY-MM-DD HH:MM:SS"; gmt ones are null when WordPress wrote zeros (undated drafts). */
export interface WxrItem {
  readonly remoteId: number | null;
  readonly type: string;
  readonly title: string;
  readonly link: string;
  readonly content: string;
  readonly excerpt: string;
  readonly status: string;
  readonly slug: string;
  readonly date: string | null;
  readonly dateGmt: string | null;
  readonly modified: string | null;
  readonly modifiedGmt: string | null;
  readonly commentStatus: string;
  readonly sticky: boolean;
  readonly parentId: number | null;
  readonly attachmentUrl: string;
  readonly terms: readonly WxrItemTerm[];
  readonly meta: Readonly<Record<string, string>>;
}

export interface WxrDocument {
  readonly title: string;
  readonly siteUrl: string;
  readonly language: string;
  readonly terms: readonly WxrTerm[];
  readonly items: readonly WxrItem[];
}

export function readWxr(xml: string): WxrDocument {
  const rss = parseXml(xml);
  const channel = rss.name === 'rss' ? child(rss, 'channel') : undefined;
  if (!channel || !child(channel, 'wp:wxr_version')) {
    throw new BlogError('invalid-argument', 'Not a WordPress export: expected <rss> with a <channel> and <wp:wxr_version>.');
  }
  const terms: WxrTerm[] = [
    ...children(channel, 'wp:category').map((c) => ({
      taxonomy: 'category' as const,
      remoteId: int(childText(c, 'wp:term_id')),
      slug: childText(c, 'wp:category_nicename').trim(),
      name: childText(c, 'wp:cat_name').trim(),
      parentSlug: childText(c, 'wp:category_parent').trim(),
      description: childText(c, 'wp:category_description'),
    })),
    ...children(channel, 'wp:tag').map((t) => ({
      taxonomy: 'tag' as const,
      remoteId: int(childText(t, 'wp:term_id')),
      slug: childText(t, 'wp:tag_slug').trim(),
      name: childText(t, 'wp:tag_name').trim(),
      parentSlug: '',
      description: childText(t, 'wp:tag_description'),
    })),
  ];
  return {
    title: childText(channel, 'title').trim(),
    siteUrl: (childText(channel, 'wp:base_blog_url') || childText(channel, 'link')).trim(),
    language: childText(channel, 'language').trim(),
    terms,
    items: children(channel, 'item').map(readItem),
  };
}

function readItem(item: XmlElement): WxrItem {
  const meta: Record<string, string> = {};
  for (const m of children(item, 'wp:postmeta')) meta[childText(m, 'wp:meta_key')] = childText(m, 'wp:meta_value');
  return {
    remoteId: int(childText(item, 'wp:post_id')),
    type: childText(item, 'wp:post_type').trim() || 'post',
    title: childText(item, 'title'),
    link: childText(item, 'link').trim(),
    content: childText(item, 'content:encoded'),
    excerpt: childText(item, 'excerpt:encoded'),
    status: childText(item, 'wp:status').trim(),
    slug: childText(item, 'wp:post_name').trim(),
    date: time(childText(item, 'wp:post_date')),
    dateGmt: time(childText(item, 'wp:post_date_gmt')),
    modified: time(childText(item, 'wp:post_modified')),
    modifiedGmt: time(childText(item, 'wp:post_modified_gmt')),
    commentStatus: childText(item, 'wp:comment_status').trim(),
    sticky: childText(item, 'wp:is_sticky').trim() === '1',
    parentId: int(childText(item, 'wp:post_parent')) || null,
    attachmentUrl: childText(item, 'wp:attachment_url').trim(),
    terms: children(item, 'category').map((c) => ({
      domain: c.attributes.domain ?? 'category',
      slug: (c.attributes.nicename ?? '').trim(),
      name: text(c).trim(),
    })),
    meta,
  };
}

function int(value: string): number | null {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

function time(value: string): string | null {
  const trimmed = value.trim();
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(trimmed) && !trimmed.startsWith('0000') ? trimmed : null;
}

/** "YYYY-MM-DD HH:MM:SS" → its parts. */
export function timeParts(value: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const [date = '', clock = ''] = value.split(' ');
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0, second = 0] = clock.split(':').map(Number);
  return { year, month, day, hour, minute, second };
}
