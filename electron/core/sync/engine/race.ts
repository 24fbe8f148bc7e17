/**
 * The update race: WordPress has no conditional update (no If-Match), so a web edit saved between the engine's
 * read of the post (push.ts step 3, which merged against it) and its update would be overwritten. It cannot be
 * prevented, so it is detected and undone:
 *
 * After an update that sent title, body or excerpt, the newest two revisions are read. WordPress stores a
 * revision after every change of those fields, so the newest is ours and the one before it is what the post
 * held just before our write. If that is not what we compared against, a web edit slipped in: its text goes
 * back on the blog (with the rest of the post as we read it — our update is undone), and the entry runs its
 * merge again against it, exactly as if the read had seen it: a clean merge goes up, overlapping edits become a
 * conflict with both versions kept. Nothing is lost silently.
 *
 * Unverifiable, and then simply trusted as before: revisions off (an empty list), an adapter without them, the
 * revisions request failing, or a newer revision than ours (someone saved after us: an ordinary later web edit,
 * which the next pull merges). If putting the web's text back fails for good (offline right then), the entry is
 * retried later, but the overwritten text then survives only in the blog's revisions: the one case left open.
 * The check covers the text fields only — revisions hold nothing else — so a
 * status or term change made on the web inside the same second-long window is not seen; our update only sends
 * the fields that differ from what we read, which keeps that window to those fields.
 */
import type { RemoteRevision } from '../adapter.ts';
import type { BlogContext } from './context.ts';
import type { ServerVersion } from './fields.ts';

type Text = Pick<RemoteRevision, 'title' | 'content' | 'excerpt'>;

export type UpdateCheck =
  | { readonly kind: 'clean' }
  | { readonly kind: 'unverified'; readonly why: string }
  /** The text a web edit had saved just before our update overwrote it. */
  | { readonly kind: 'overwritten'; readonly lost: Text };

function sameText(a: Text, b: Text): boolean {
  return a.title === b.title && a.content === b.content && a.excerpt === b.excerpt;
}

/** Did our update (answered with `written`) overwrite anything but `compared`, the version we merged against? */
export async function checkUpdate(ctx: BlogContext, compared: ServerVersion, written: ServerVersion): Promise<UpdateCheck> {
  if (!ctx.adapter.listRevisions) return { kind: 'unverified', why: 'the blog adapter has no revisions' };
  let revisions: RemoteRevision[];
  try {
    revisions = await ctx.adapter.listRevisions(written.remoteId, 2);
  } catch (error) {
    // Our update went through; failing the entry now would only send it again. Trust it, as before.
    return { kind: 'unverified', why: `revisions could not be read: ${(error as Error).message}` };
  }
  const [ours, before] = revisions;
  if (!ours) return { kind: 'unverified', why: 'the blog keeps no revisions' };
  if (!sameText(ours, written.fields)) return { kind: 'unverified', why: 'the blog saved another version after ours' };
  // No revision before ours: the post's earlier text came from its creation (never revised), so no web edit
  // (which would have left a revision) came in between.
  if (!before || sameText(before, compared.fields)) return { kind: 'clean' };
  return { kind: 'overwritten', lost: { title: before.title, content: before.content, excerpt: before.excerpt } };
}
