import type { ImportReport } from '../../../common/api/library.ts';

/** Counts what an import did, and keeps the first hundred things it left out (with why). */
export class ImportTally {
  readonly posts = { created: 0, updated: 0 };
  readonly terms = { created: 0, updated: 0 };
  readonly media = { created: 0, updated: 0 };
  private readonly skipped: { title: string; reason: string }[] = [];
  private skippedCount = 0;

  skip(title: string, reason: string): void {
    this.skippedCount++;
    if (this.skipped.length < 100) this.skipped.push({ title, reason });
  }

  report(blogId: string | null): ImportReport {
    return {
      blogId,
      posts: { ...this.posts },
      terms: { ...this.terms },
      media: { ...this.media },
      skipped: [...this.skipped],
      skippedCount: this.skippedCount,
    };
  }
}
