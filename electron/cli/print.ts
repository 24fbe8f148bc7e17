/** Human-readable output of the CLI (`--json` prints the data instead). */
import type { ConflictSummary, OutboxEntry, SyncReport, SyncStatus } from '../common/api/sync.ts';
import type { Blog } from '../common/models.ts';

export function printSyncReport(report: SyncReport, status: SyncStatus): string {
  const lines = [
    `Pulled ${report.pulled}, pushed ${report.pushed}, conflicts ${report.conflicts}, failed ${report.failed}` +
      (report.deletedOnBlog ? `, deleted on blog ${report.deletedOnBlog}` : '') +
      (report.duplicatesRemoved ? `, duplicates removed ${report.duplicatesRemoved}` : '') +
      ` (${report.requests} requests, ${kb(report.bytesReceived)} in, ${kb(report.bytesSent)} out).`,
  ];
  for (const blog of status.blogs) if (blog.problem) lines.push(`${blog.blogId}: ${blog.problem.kind}: ${blog.problem.message}`);
  return lines.join('\n');
}

export function printStatus(status: SyncStatus, outbox: readonly OutboxEntry[], conflicts: readonly ConflictSummary[], blogs: readonly Blog[]): string {
  const lines: string[] = [];
  for (const s of status.blogs) {
    const blog = blogs.find((b) => b.id === s.blogId);
    const last = s.lastSyncAt === null ? 'never' : new Date(s.lastSyncAt).toISOString();
    lines.push(`${blog?.url ?? s.blogId} (${s.blogId}): last sync ${last}; ${s.outbox} queued, ${s.failed} failed, ${s.conflicts} in conflict` +
      (s.problem ? `; ${s.problem.kind}: ${s.problem.message}` : ''));
  }
  if (status.blogs.length === 0) lines.push('No blog connected (longhand blog add <url> --user NAME).');
  for (const e of outbox) lines.push(`  #${e.id} ${e.action} “${e.postTitle}” ${e.state}${e.attempts ? ` (${e.attempts} attempts)` : ''}${e.error ? `: ${e.error}` : ''}`);
  for (const c of conflicts) lines.push(`  conflict: “${c.title}” (${c.postId}), ${c.conflictingBlocks} block(s)`);
  return lines.join('\n');
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}
