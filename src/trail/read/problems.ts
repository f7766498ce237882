import type { TrailProblem } from '../types.js';

/** Counts problems per source and reason, so a file with 10,000 bad lines yields one problem, not 10,000. */
export class ProblemTally {
  private readonly counts = new Map<string, TrailProblem>();

  add(source: string, reason: string, count = 1): void {
    const key = `${source}\u0000${reason}`;
    const known = this.counts.get(key);
    if (known) known.count += count;
    else this.counts.set(key, { source, reason, count });
  }

  list(): TrailProblem[] {
    return [...this.counts.values()].map((problem) => ({ ...problem }));
  }
}
