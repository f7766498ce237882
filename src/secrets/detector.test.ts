import { describe, expect, it } from 'vitest';
import {
  findSecrets,
  findSecretsInVariable,
  isPlaceholder,
  isSecretName,
  redact,
  secretRuleTitle,
} from './detector.js';
import { describeFindings, secretsInText } from './findings.js';

// Test secrets are assembled from parts, so that no scanner mistakes this file for a leak.
const KEY_ID = ['AKIA', 'Q3T7ZK5M2XWP4R6N'].join('');
const SESSION_KEY_ID = ['ASIA', 'Y34FZKBOKMUTVV7A'].join('');
const SECRET_KEY = ['kq7R2m9Xw', 'P4tL8vZ3nB6yH1cJ5sD0fG2aE7uK9oT'].join('');
const GITHUB_TOKEN = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
const FINE_GRAINED_PAT = ['github', '_pat_', '11ABCDEFG0', 'x'.repeat(20), '_', 'Y9'.repeat(15)].join('');
const SLACK_TOKEN = ['xoxb', '-1234567890', '-abcdefghijKLMNOP'].join('');
const STRIPE_KEY = ['sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc'].join('');
const GOOGLE_KEY = ['AIza', 'SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'].join('');
const PEM = ['-----BEGIN RSA ', 'PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----'].join('');

const rules = (text: string) => findSecrets(text).map((found) => found.rule);

describe('findSecrets', () => {
  it.each([
    ['an AWS access key id', `aws configure set aws_access_key_id ${KEY_ID}`, 'aws-access-key-id'],
    ['a temporary (STS) access key id', `KEY=${SESSION_KEY_ID}`, 'aws-access-key-id'],
    ['a PEM private key', `cat > /root/.ssh/id_rsa <<EOF\n${PEM}\nEOF`, 'private-key'],
    [
      'a GitHub personal access token',
      `git clone https://${GITHUB_TOKEN}@github.com/acme/app`,
      'github-token',
    ],
    ['a fine-grained GitHub token', `echo ${FINE_GRAINED_PAT} | gh auth login --with-token`, 'github-token'],
    ['a Slack bot token', `curl -H "Authorization: Bearer ${SLACK_TOKEN}"`, 'slack-token'],
    ['a Stripe live secret key', `STRIPE=${STRIPE_KEY}`, 'stripe-secret-key'],
    ['a Google API key', `maps_key_value ${GOOGLE_KEY}`, 'google-api-key'],
  ])('finds %s by its shape', (_, text, rule) => {
    expect(rules(text)).toContain(rule);
  });

  it('pairs a 40-character secret key with the access key id near it', () => {
    const text = `[default]\naws_access_key_id = ${KEY_ID}\nsecret = ${SECRET_KEY}\n`;
    expect(rules(text)).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
  });

  it('takes a 40-character value for a secret key when its line names it, without a key id', () => {
    expect(rules(`export AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`)).toEqual(['aws-secret-access-key']);
  });

  it('leaves a lone 40-character base64 run alone (a hash, an id)', () => {
    expect(findSecrets(`checksum ${SECRET_KEY}`)).toEqual([]);
  });

  it.each([
    ['a shell assignment', 'DB_PASSWORD=Winter2026!', 'DB_PASSWORD', 'Winter2026!'],
    ['an export with quotes', "export API_KEY='9f8e7d6c5b4a'", 'API_KEY', '9f8e7d6c5b4a'],
    ['a JSON property', '{"clientSecret": "s3cr3t-v4lue"}', 'clientSecret', 's3cr3t-v4lue'],
    ['a YAML property', 'database:\n  password: correct-horse', 'password', 'correct-horse'],
    ['a command-line flag', 'mysql --password hunter2hunter2 -h db', 'password', 'hunter2hunter2'],
    ['a flag with =', 'app --auth-token=tok-12345678', 'auth-token', 'tok-12345678'],
    ['the well-known default changeme', 'ADMIN_PASSWORD=changeme', 'ADMIN_PASSWORD', 'changeme'],
    [
      'a URL with credentials in it',
      'DB_PASSWORD=https://admin:hunter22@db.internal/',
      'DB_PASSWORD',
      'https://admin:hunter22@db.internal/',
    ],
  ])('finds a secret-named value in %s, with its name and position', (_, text, name, value) => {
    const [found, ...rest] = findSecrets(text);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ rule: 'secret-named-value', name });
    expect(text.slice(found?.start, found?.end)).toBe(value);
  });

  it.each([
    [
      'a value read from Secrets Manager at boot',
      'DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db)',
    ],
    ['a shell variable', 'PASSWORD="$DB_PASSWORD"'],
    ['a template variable', 'password: ${db_password}'],
    [
      'a CloudFormation dynamic reference',
      'Password: {{resolve:secretsmanager:prod/db:SecretString:password}}',
    ],
    ['a masked value', 'password=********'],
    ['a short value', 'token=abc'],
    ['the ARN of the secret', 'DB_SECRET=arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf'],
    ['where the secret is kept', 'PASSWORD_FILE=/run/secrets/db_password'],
    ['a setting about tokens', 'TOKEN_TTL_SECONDS=86400000'],
    ['a public key', 'ssh_public_key=ssh-ed25519AAAAC3Nza'],
    ['a token endpoint', 'OAUTH_TOKEN=https://auth.example.com/oauth2/token'],
    ['the audience of a token', 'TOKEN_AUDIENCE=api.example.com'],
    ['prose mentioning a password', '# reset the password afterwards'],
    ['the AWS documentation example key', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
  ])('finds nothing in %s', (_, text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it('reports a token under a secret name once, as the token', () => {
    expect(findSecrets(`GITHUB_TOKEN=${GITHUB_TOKEN}`)).toEqual([
      expect.objectContaining({ rule: 'github-token', start: 13, end: 13 + GITHUB_TOKEN.length }),
    ]);
  });

  it('gives matches in text order', () => {
    const text = `SLACK=${SLACK_TOKEN}\nDB_PASSWORD=Winter2026!\nKEY=${KEY_ID}`;
    expect(rules(text)).toEqual(['slack-token', 'secret-named-value', 'aws-access-key-id']);
  });
});

describe('findSecretsInVariable', () => {
  it('takes the whole value of a secret-named variable', () => {
    expect(findSecretsInVariable('DB_PASSWORD', 'correct horse battery')).toEqual([
      { rule: 'secret-named-value', name: 'DB_PASSWORD', start: 0, end: 21, redacted: 'corr…(21 chars)' },
    ]);
  });

  it('finds a token in a variable whose name says nothing', () => {
    expect(findSecretsInVariable('CONFIG', `{"stripe":"${STRIPE_KEY}"}`)).toEqual([
      expect.objectContaining({ rule: 'stripe-secret-key', name: 'CONFIG' }),
    ]);
  });

  it('takes a 40-character value for a secret key when the variable is named for one', () => {
    expect(findSecretsInVariable('AWS_SECRET_ACCESS_KEY', SECRET_KEY).map((found) => found.rule)).toEqual([
      'aws-secret-access-key',
    ]);
  });

  it.each([
    ['LOG_LEVEL', 'debug-verbose'],
    ['DB_PASSWORD', ''],
    ['DB_PASSWORD', '****'],
    ['DB_PASSWORD_SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf'],
    ['API_KEY_PARAMETER', '/prod/api/key'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ])('finds nothing in %s=%s', (name, value) => {
    expect(findSecretsInVariable(name, value)).toEqual([]);
  });
});

describe('redaction', () => {
  it('shows at most the first 4 characters and the length', () => {
    expect(redact(KEY_ID)).toBe('AKIA…(20 chars)');
    expect(redact('Winter2026!')).toBe('Wi…(11 chars)');
  });

  it('never lets a found secret through in full', () => {
    const secrets = [KEY_ID, SECRET_KEY, GITHUB_TOKEN, SLACK_TOKEN, STRIPE_KEY, GOOGLE_KEY, 'Winter2026!'];
    const text = [
      `aws_access_key_id=${KEY_ID}`,
      `aws_secret_access_key=${SECRET_KEY}`,
      `GH=${GITHUB_TOKEN}`,
      `SLACK=${SLACK_TOKEN}`,
      `STRIPE=${STRIPE_KEY}`,
      `MAPS=${GOOGLE_KEY}`,
      'DB_PASSWORD=Winter2026!',
    ].join('\n');
    const found = findSecrets(text);
    expect(found).toHaveLength(secrets.length);
    const shown = JSON.stringify(found.map(({ rule, name, redacted }) => ({ rule, name, redacted })));
    for (const secret of secrets) expect(shown).not.toContain(secret.slice(4));
  });
});

describe('names and placeholders', () => {
  it.each([
    'DB_PASSWORD',
    'passwd',
    'apiKey',
    'API-KEY',
    'client_secret',
    'GITHUB_TOKEN',
    'privateKey',
    'credentials',
  ])('%s names a secret', (name) => expect(isSecretName(name)).toBe(true));
  it.each([
    'PASSWORD_FILE',
    'SECRET_ARN',
    'secretName',
    'TOKEN_URL',
    'ssh_public_key',
    'LOG_LEVEL',
    'passenger',
  ])('%s does not', (name) => expect(isSecretName(name)).toBe(false));
  it.each(['', '   ', '****', '${DB_PASSWORD}', '$DB_PASSWORD', '{{resolve:ssm-secure:/db/pw:1}}'])(
    '%o is a placeholder',
    (value) => expect(isPlaceholder(value)).toBe(true),
  );
  it('changeme is not a placeholder: it is a hardcoded password', () => {
    expect(isPlaceholder('changeme')).toBe(false);
  });
});

describe('the rule catalog in the live checks', () => {
  const GITLAB_PAT = ['glpat-', 'Zx8Kq2Lm9Wv4Tp7Rb3Nc'].join('');
  const DOPPLER = ['dp.st.', 'q8Zr2Lx9Wv4Kp7Tm3Nb6Yc1Dq8Zr2Lx9Wv4Kp7Tm3Nb'].join('');
  const FULL_PEM = [
    '-----BEGIN RSA ',
    'PRIVATE KEY-----\n',
    'MIIEowIBAAKCAQEAq8Zr2Lx9Wv4Kp7Tm3Nb6Yc1Dq8Zr2Lx9Wv4Kp7Tm3Nb6Yc1D\n',
    'Lx9Wv4Kp7Tm3Nb6Yc1Dq8Zr2Lx9Wv4Kp7Tm3Nb6Yc1Dq8Zr2Lx9Wv4Kp7Tm3Nb6\n',
    '-----END RSA PRIVATE KEY-----',
  ].join('');

  it('finds vendor tokens the detector has no rule of its own for, redacted', () => {
    const found = findSecrets(`#!/bin/bash\ngit clone https://oauth2:${GITLAB_PAT}@gitlab.com/acme/app.git`);
    expect(found.map((f) => f.rule)).toEqual(['gitlab-pat']);
    expect(found[0]?.redacted).toBe('glpa…(26 chars)');
  });

  it('finds them in a variable whose name says nothing', () => {
    expect(findSecretsInVariable('CONFIG', `{"doppler":"${DOPPLER}"}`).map((f) => f.rule)).toEqual([
      'doppler-service-token',
    ]);
  });

  it('reports a private key once, by its header, as before', () => {
    expect(rules(FULL_PEM)).toEqual(['private-key']);
  });

  it('names catalog rules by their title in check messages', () => {
    expect(describeFindings(secretsInText(`TOKEN_VALUE ${GITLAB_PAT}`))).toBe(
      'line 1 (GitLab personal access token)',
    );
    expect(secretRuleTitle('aws-access-key-id')).toBe('AWS access key id');
  });
});
