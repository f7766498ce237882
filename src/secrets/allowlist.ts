/**
 * What looks like a secret but is not one: documented example values, placeholders, lock-file integrity
 * hashes, UUIDs, git object ids; and whether a path is a test fixture (reported, not dropped).
 */

/** Values published in vendor documentation as examples; they are in every SDK's docs and tests. */
export const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set([
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'ASIAIOSFODNN7EXAMPLE',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  // https://docs.stripe.com/keys (test-mode keys are public in the docs; live keys never are)
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
]);

/** Words and shapes that stand for a secret in templates, docs and samples. */
const PLACEHOLDER =
  /^(.)\1*$|x{5,}|X{5,}|\*{3,}|\.{3}|example|sample|dummy|placeholder|changeme|change_me|redacted|replace[_-]?me|insert[_-]?(?:your|key|token)|your[_-]?(?:api|access|secret|auth|own|token|key|password|pass)|\$\{|\{\{|^<.*>$|^\[.*\]$|^%.*%$|0123456789|123456789|abcdefghij|ABCDEFGHIJ/i;

/** A value that stands for a secret rather than being one. */
export function isPlaceholderSecret(secret: string): boolean {
  return PLACEHOLDER.test(secret);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A git object id (SHA-1 or SHA-256) or another bare hex digest of the same length. */
export function isGitSha(value: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}

const LOCK_FILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'go.sum',
  'cargo.lock',
  'poetry.lock',
  'pipfile.lock',
  'uv.lock',
  'pdm.lock',
  'gemfile.lock',
  'composer.lock',
  'packages.lock.json',
  'flake.lock',
  'mix.lock',
  'pubspec.lock',
  'podfile.lock',
  'package.resolved',
  '.terraform.lock.hcl',
]);

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).toLowerCase();
}

/** package-lock.json, yarn.lock, go.sum, Cargo.lock, poetry.lock and the like: full of hashes, never secrets. */
export function isLockFile(path: string): boolean {
  return LOCK_FILES.has(baseName(path));
}

/** A test directory or file: `test/`, `__tests__/`, `fixtures/`, `testdata/`, `*.test.ts`, `*_test.go`... */
export function isTestFixturePath(path: string): boolean {
  return (
    /(?:^|[\\/])(?:tests?|__tests__|specs?|fixtures?|__fixtures__|testdata|test-data|__mocks__|mocks?)(?:[\\/]|$)/i.test(
      path,
    ) || /(?:[._-](?:test|spec|fixture|mock)s?\.[A-Za-z0-9]+|_test\.go|Test\.java|_spec\.rb)$/.test(path)
  );
}

/**
 * The secret sits in an integrity or checksum value: a token starting `sha512-` (SRI, package-lock, yarn),
 * `h1:` (go.sum), `sha256:` (poetry, uv), or a line that declares one (`integrity`, `checksum =`).
 */
export function isIntegrityHash(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/[\s"'=,(]/.test(text.charAt(from - 1))) from--;
  const word = text.slice(from, end);
  if (/^(?:sha(?:1|224|256|384|512)[-:]|h1:|md5[-:]|blake2b?[-:])/i.test(word)) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  return /(?:^|[\s"',{])(?:integrity|checksum|shasum|hash)["']?\s*[:=\s]/i.test(line);
}
