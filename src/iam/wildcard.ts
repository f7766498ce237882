/**
 * IAM wildcard matching: `*` matches any run of characters (including none), `?` exactly one. Action names are
 * case-insensitive in IAM; resource ARNs are case-sensitive.
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  // Iterative glob with backtracking to the last star: linear in practice, no regex building.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = vi;
    } else if (star !== -1) {
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

/**
 * Whether a pattern can match at least one action of a service (`s3`): it must be compatible with the prefix
 * `s3:`. `s3:Get*`, `s3*`, `*` can; `ec2:*`, `s3` cannot.
 */
export function mayMatchService(pattern: string, service: string): boolean {
  const prefix = `${service}:`.toLowerCase();
  const p = pattern.toLowerCase();
  for (let index = 0; index < prefix.length; index++) {
    const char = p[index];
    if (char === '*') return true;
    if (char === undefined || (char !== '?' && char !== prefix[index])) return false;
  }
  return true;
}

/** Whether a pattern matches every action of a service (`*`, `s3:*`, `s3*`, `s?:*`...). */
export function matchesWholeService(pattern: string, service: string): boolean {
  // Only a star can absorb an arbitrary action name, so probe with a name no literal can equal.
  return wildcardMatch(pattern, `${service}:${'\uFFFF'.repeat(256)}`, true);
}
