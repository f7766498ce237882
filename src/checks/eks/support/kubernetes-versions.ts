/**
 * End of standard support of each Kubernetes minor version on EKS, from the release calendar in the EKS User
 * Guide (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html), as published in early
 * 2026. After it a cluster runs in extended support (12 more months, at extra cost), then is upgraded by AWS.
 * Versions older than the table are long past support; newer ones have no date known to onus.
 */
export const END_OF_STANDARD_SUPPORT: Readonly<Record<string, string>> = {
  '1.23': '2023-10-11',
  '1.24': '2024-01-31',
  '1.25': '2024-05-01',
  '1.26': '2024-06-11',
  '1.27': '2024-07-24',
  '1.28': '2024-11-26',
  '1.29': '2025-03-23',
  '1.30': '2025-07-23',
  '1.31': '2025-11-26',
  '1.32': '2026-03-23',
  '1.33': '2026-07-29',
  '1.34': '2026-12-02',
  '1.35': '2027-03-27',
};

/** The oldest version in the table: anything before it ended standard support earlier still. */
export const OLDEST_LISTED = '1.23';

/** `1.29` → [1, 29]; null for a version that is not major.minor. */
export function minorVersion(version: string): [number, number] | null {
  const match = /^(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : null;
}
