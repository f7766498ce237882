import type { ServiceLastAccessed } from '../../../core/kinds/iam.js';

const DAY_MS = 86_400_000;

/** A service a principal may use but has not for the threshold: never within IAM's tracking period, or long ago. */
export interface UnusedService {
  service: string;
  /** Null when the principal never used it within IAM's tracking period (at least 400 days). */
  lastAuthenticatedAt: string | null;
  /** Days since the last use; null when never used. */
  idleDays: number | null;
}

/** The principal's age in whole days at `now`. */
export function ageInDays(createdAt: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(createdAt)) / DAY_MS);
}

/**
 * The services in an access-advisor report not used for `maxUnusedDays` days or more. A service never used counts
 * as unused: the caller has already made sure the principal is older than the threshold.
 */
export function unusedServices(
  services: readonly ServiceLastAccessed[],
  now: Date,
  maxUnusedDays: number,
): UnusedService[] {
  return services.flatMap(({ service, lastAuthenticatedAt }): UnusedService[] => {
    if (lastAuthenticatedAt === null) return [{ service, lastAuthenticatedAt, idleDays: null }];
    const idleDays = ageInDays(lastAuthenticatedAt, now);
    return idleDays >= maxUnusedDays ? [{ service, lastAuthenticatedAt, idleDays }] : [];
  });
}

/** How many names a message lists before it says "and N more": a principal with `*` may have 400 services. */
const LISTED = 12;

/** `ec2 (never used), s3 (unused for 200 days)`, the never-used first, cut after a dozen. */
export function describeUnused(unused: readonly UnusedService[]): string {
  const ordered = [...unused].sort(
    (a, b) => (b.idleDays ?? Infinity) - (a.idleDays ?? Infinity) || a.service.localeCompare(b.service),
  );
  const shown = ordered
    .slice(0, LISTED)
    .map((item) =>
      item.idleDays === null
        ? `${item.service} (never used)`
        : `${item.service} (unused for ${item.idleDays} days)`,
    );
  const more = ordered.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
