import { describe, expect, it } from 'vitest';
import { isGitSha, isLockFile, isPlaceholderSecret, isTestFixturePath, isUuid } from './allowlist.js';
import { awsAccountFromKeyId, shannonEntropy } from './rules/validators.js';
import { redactSecret, scanText } from './scan.js';

// Secrets are assembled from parts so that no scanner flags this file.
const KEY_ID = ['AKIA', '6RVFFB77RE7OLMKI'].join('');
const SESSION_KEY_ID = ['ASIA', 'Y34FZKBOKMUTVV7A'].join('');
const OLD_KEY_ID = ['AKIA', 'JQ3T7ZK5M2XWP4R6'].join('');
const SECRET_KEY = ['kq7R2m9Xw', 'P4tL8vZ3nB6yH1cJ5sD0fG2aE7uK9oT'].join('');
const STRIPE_LIVE = ['sk', '_live_', '51HxQ2mKp9Lr8Vt3Zw7Yb4Nc'].join('');
const AWS_DOC_ID = ['AKIAIOSF', 'ODNN7EXAMPLE'].join('');
const AWS_DOC_SECRET = ['wJalrXUtnFEMI/K7MDENG', '/bPxRfiCYEXAMPLEKEY'].join('');
const b64url = (value: string) => Buffer.from(value).toString('base64url');
const RANDOM = ['q8Zr2Lx9', 'Wv4Kp7Tm3Nb6Yc1D'].join('');
const PASSWORD = ['a1B2c3', 'D4!x'].join('');

const ids = (text: string, path?: string) =>
  scanText(text, path === undefined ? {} : { path }).map((finding) => finding.ruleId);

describe('AWS keys', () => {
  it('decodes the owning account from AKIA and ASIA ids (published examples)', () => {
    expect(awsAccountFromKeyId(SESSION_KEY_ID)).toBe('609629065308');
    expect(awsAccountFromKeyId(KEY_ID)).toBe('999999999999');
  });

  it('does not pretend to decode old ids (fifth character I or J) or non-credential ids', () => {
    expect(awsAccountFromKeyId(OLD_KEY_ID)).toBeNull();
    expect(awsAccountFromKeyId(['AIDA', 'Y34FZKBOKMUTVV7A'].join(''))).toBeNull();
  });

  it('pairs a secret access key with the key id a few lines away, and gives both the account', () => {
    const text = `[prod]\naws_access_key_id = ${SESSION_KEY_ID}\nregion = eu-west-1\nvalue = ${SECRET_KEY}\n`;
    const found = scanText(text);
    // The temporary key id is not a finding by itself; the secret key paired with it is, with the account.
    expect(found.map((f) => [f.ruleId, f.accountId, f.line])).toEqual([
      ['aws-secret-access-key', '609629065308', 4],
    ]);
  });

  it('reports a long-term key id alone, not the temporary key id every CloudTrail record carries', () => {
    const record = `{"userIdentity":{"type":"AssumedRole","accessKeyId":"${SESSION_KEY_ID}"},"eventName":"ListBuckets"}`;
    expect(scanText(record)).toEqual([]);
    expect(ids(`{"accessKeyId":"${KEY_ID}"}`)).toEqual(['aws-access-key-id']);
  });

  it('takes a 40-character value for a secret key when its line names one', () => {
    expect(ids(`export AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`)).toEqual(['aws-secret-access-key']);
  });

  it('leaves a 40-character value alone when no key id is near and nothing names it', () => {
    const far = `${KEY_ID}\n${'# padding\n'.repeat(8)}digest = ${SECRET_KEY}\n`;
    expect(ids(far)).toEqual(['aws-access-key-id']);
    expect(ids(`checksum ${SECRET_KEY}`)).toEqual([]);
  });

  it('ignores the documented example pair and IAM identifiers that are not credentials', () => {
    expect(ids(`aws_access_key_id = ${AWS_DOC_ID}\naws_secret_access_key = ${AWS_DOC_SECRET}`)).toEqual([]);
    expect(
      ids(`user: ${['AIDA', 'Y34FZKBOKMUTVV7A'].join('')} role: ${['AROA', 'Y34FZKBOKMUTVV7A'].join('')}`),
    ).toEqual([]);
  });
});

describe('findings', () => {
  it('places a finding by line and column and never carries the secret', () => {
    const text = `# config\n\n  stripe: ${STRIPE_LIVE}\n`;
    const [finding, ...rest] = scanText(text, { path: 'app/config.yml' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'stripe-live-secret-key', line: 3, column: 11, length: 32 });
    expect(finding?.redacted).toMatch(/^sk_l…\(32 chars, sha256:[0-9a-f]{12}\)$/);
    expect(JSON.stringify(finding)).not.toContain(STRIPE_LIVE.slice(4));
  });

  it('keeps the same fingerprint when the secret moves to another line, and not across files', () => {
    const before = scanText(`STRIPE=${STRIPE_LIVE}`, { path: 'a.env' });
    const after = scanText(`# moved\n\n\nSTRIPE=${STRIPE_LIVE}`, { path: 'a.env' });
    const elsewhere = scanText(`STRIPE=${STRIPE_LIVE}`, { path: 'b.env' });
    expect(after[0]?.fingerprint).toBe(before[0]?.fingerprint);
    expect(after[0]?.line).not.toBe(before[0]?.line);
    expect(elsewhere[0]?.fingerprint).not.toBe(before[0]?.fingerprint);
  });

  it('flags findings in test fixtures without dropping them', () => {
    expect(scanText(`k=${STRIPE_LIVE}`, { path: 'test/fixtures/app.env' })[0]?.testFixture).toBe(true);
    expect(scanText(`k=${STRIPE_LIVE}`, { path: 'src/app.env' })[0]?.testFixture).toBe(false);
  });

  it('reports a vendor token under a secret name once, as the vendor token', () => {
    expect(ids(`STRIPE_SECRET_KEY="${STRIPE_LIVE}"`)).toEqual(['stripe-live-secret-key']);
  });

  it('redacts short values to a quarter of their length at most', () => {
    expect(redactSecret('hunter22', 'abc')).toBe('hu…(8 chars, sha256:abc)');
    expect(redactSecret('abc')).toMatch(/^…\(3 chars, sha256:[0-9a-f]{12}\)$/);
  });
});

describe('generic assignments', () => {
  it('need entropy: a random value is a secret, a repetitive one is not', () => {
    expect(ids(`client_secret = "${RANDOM}"`)).toEqual(['generic-secret']);
    expect(ids('client_secret = "abababababababababab"')).toEqual([]);
    expect(shannonEntropy('abababababababababab')).toBe(1);
  });

  it('need length: a short password-like value is not taken by the generic rule', () => {
    expect(ids('password = "a1B2c3"')).toEqual([]);
    expect(ids(`password = "${PASSWORD}"`)).toEqual(['generic-password']);
  });

  it.each([
    ['a variable', 'password = ${DB_PASSWORD}'],
    ['an environment lookup', 'api_key = process.env.API_KEY'],
    ['a call', 'token = getTokenFromVault(name)'],
    ['a placeholder', 'api_key = "<your-api-key-goes-here>"'],
    ['masked', 'secret: "xxxxxxxxxxxxxxxxxxxxxxxx"'],
    ['a name about the secret', 'token_endpoint = "https://login.acme.io/oauth2/v2.0/token"'],
    ['a flag', 'use_token = "enabled-by-default-2024"'],
    ['a file path', 'secret_file = "/run/secrets/db_password_2024"'],
    [
      'a Secrets Manager ARN',
      "DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/storefront/db-a1b2c3'",
    ],
    [
      'an ARN built in code',
      "arn = f'arn:aws:secretsmanager:{region}:{account}:secret:prod/storefront/db-a1b2c3'",
    ],
  ])('skip %s', (_, text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('connection URLs', () => {
  it('finds a password in a database URL, not a placeholder or variable', () => {
    const password = ['Xk9', 'mP2vLq7R'].join('');
    expect(ids(`DATABASE_URL=postgres://app:${password}@db.internal:5432/app`)).toEqual([
      'postgres-url-password',
    ]);
    expect(ids('DATABASE_URL=postgres://app:${PASSWORD}@db.internal:5432/app')).toEqual([]);
    expect(ids('mongodb+srv://user:password@cluster0.mongodb.net/test')).toEqual([]);
    expect(ids('redis://:<password>@localhost:6379')).toEqual([]);
  });
});

describe('allowlists', () => {
  it('know placeholders, UUIDs, git SHAs, lock files and test paths', () => {
    for (const value of ['xxxxxxxxxxxx', '<token>', '${VAR}', 'changeme', 'YOUR_API_KEY_HERE', '********'])
      expect(isPlaceholderSecret(value)).toBe(true);
    expect(isPlaceholderSecret(RANDOM)).toBe(false);
    expect(isUuid('3f1c9a2e-8b4d-4e6f-a1b2-c3d4e5f60718')).toBe(true);
    expect(isGitSha('9fceb02d0ae598e95dc970b74767f19372d61af8')).toBe(true);
    for (const path of ['package-lock.json', 'web/yarn.lock', 'go.sum', 'Cargo.lock', 'poetry.lock'])
      expect(isLockFile(path)).toBe(true);
    expect(isLockFile('src/lock.ts')).toBe(false);
    expect(isTestFixturePath('pkg/__tests__/x.ts')).toBe(true);
    expect(isTestFixturePath('src/app.test.ts')).toBe(true);
    expect(isTestFixturePath('src/contest/app.ts')).toBe(false);
    // The shipped example tree holds planted secrets the command must report as such.
    expect(isTestFixturePath('examples/secrets/app.env')).toBe(false);
  });

  it('skip generic and contextual rules in lock files but still find vendor tokens there', () => {
    const lock = `"resolved": "https://registry.npmjs.org/x",\n"token": "${RANDOM}",\n"k": "${STRIPE_LIVE}"`;
    expect(ids(lock, 'package-lock.json')).toEqual(['stripe-live-secret-key']);
    expect(ids(lock, 'package.json')).toEqual(['generic-token', 'stripe-live-secret-key']);
  });
});

describe('a decoy corpus', () => {
  const sri = (n: number) =>
    Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
  const png = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * i * 31 + 7) % 256)).toString('base64');
  const jwtIo = [
    b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })),
    b64url(JSON.stringify({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })),
    ['SflKxwRJSMeKKF2QT4fw', 'pMeJf36POk6yJV_adQssw5c'].join(''),
  ].join('.');
  const corpus = [
    `aws_access_key_id = ${AWS_DOC_ID}`,
    `aws_secret_access_key = ${AWS_DOC_SECRET}`,
    `temporary = ${['ASIAIOSF', 'ODNN7EXAMPLE'].join('')}`,
    `stripe_test = ${['sk', '_test_', '4eC39HqLyjWDarjtT1zdp7dc'].join('')}`,
    `publishable = ${['pk', '_live_', '51HxQ2mKp9Lr8Vt3Zw7Yb4Nc'].join('')}`,
    `Authorization: Bearer ${jwtIo}`,
    'request_id = "3f1c9a2e-8b4d-4e6f-a1b2-c3d4e5f60718"',
    'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
    'secret_hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"',
    `    "integrity": "sha512-${sri(64)}",`,
    `  integrity sha512-${sri(64)}`,
    `golang.org/x/text v0.14.0 h1:${sri(32)}`,
    `checksum = "${Buffer.from(sri(32)).toString('hex').slice(0, 64)}"`,
    `{file = "x-1.0.tar.gz", hash = "sha256:${Buffer.from(sri(32)).toString('hex').slice(0, 64)}"}`,
    `<img src="data:image/png;base64,${png}">`,
    '!function(e,t){"object"==typeof exports?module.exports=t():e.Auth=t()}(this,function(){var n={token:"",password:e.password,apiKey:r.apiKey,secret:void 0};return n});',
    'password = ${DB_PASSWORD}',
    'api_key: "<your-api-key>"',
    'token = "xxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
    'DATABASE_URL=postgres://user:password@localhost:5432/app',
    'ADMIN_PASSWORD=changeme',
    'github_token: ${{ secrets.GITHUB_TOKEN }}',
    'const passwordField = document.getElementById("password-input-field");',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host',
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEYWnm6QK4nPWgu8Or8G6Zv8nD1ZB0\n-----END PUBLIC KEY-----',
  ].join('\n');

  it('yields no finding', () => {
    expect(scanText(corpus, { path: 'docs/setup.md' }).map((f) => `${f.ruleId}@${f.line}`)).toEqual([]);
  });
});

describe('code that looks like an assignment', () => {
  it.each([
    ['optional chaining', 'const browserToken = config.browser.launchOptions?.channel ?? config.name;'],
    ['a CloudFormation type', 'SecretsManagerRotationSchedule: "AWS::SecretsManager::RotationSchedule",'],
    ['an enum value', 'UNUSED_PASSWORD_RECOMMENDATION: "UnusedPasswordRecommendation",'],
    ['a parser token name', 'nextLastSignificantToken = "?NonExpressionParenEnd";'],
    ['a header name as a value', 'const TOKEN_HEADER = "x-aws-ec2-metadata-token";'],
    ['an environment variable name as a value', 'const ENV_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";'],
    ['a pagination token', 'ContinuationToken: "1w41l63U0xa8q7smH50vCxyTQqdxo69O3EmK28Bi5PcROI4wI/EyIJg=="'],
    ['a documentation URL password', 'postgres://someuser:somepassword@somehost:381/somedatabase'],
  ])('is not a secret: %s', (_, text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('overlapping rules', () => {
  it('keep the most specific finding and give them in text order', () => {
    const gitlab = ['glpat-', 'Zx8Kq2Lm9Wv4Tp7Rb3Nc'].join('');
    const text = `api_token = "${gitlab}"\nDATABASE_URL=postgres://app:${['Xk9', 'mP2vLq7R'].join('')}@db:5432/app\nclient_secret = "${RANDOM}"`;
    expect(ids(text)).toEqual(['gitlab-pat', 'postgres-url-password', 'generic-secret']);
  });
});

describe('private keys', () => {
  const body = Array.from({ length: 3 }, () => ['MIIEowIBAAKCAQEA', RANDOM, RANDOM, RANDOM].join('')).join(
    '\n',
  );
  it('finds a legacy encrypted PEM key with its armor headers', () => {
    const text = [
      ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join(''),
      'Proc-Type: 4,ENCRYPTED',
      'DEK-Info: AES-128-CBC,3F17F5316E2BAC89',
      '',
      body,
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    expect(ids(text)).toEqual(['private-key-rsa']);
  });

  it('does not take one key block for another when a header has no end line', () => {
    const text = [
      ['-----BEGIN EC ', 'PRIVATE KEY-----'].join(''),
      'truncated',
      ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join(''),
      body,
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    expect(ids(text)).toEqual(['private-key-rsa']);
  });
});
