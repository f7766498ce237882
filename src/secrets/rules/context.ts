/**
 * Rules that need more than a prefix: AWS keys and their pairing, private key blocks, connection URLs with
 * passwords, values told by the name beside them, and generic secret-named assignments gated by entropy.
 */
import type { MatchContext, SecretRuleSpec, SecretSeverity } from './types.js';
import { shannonEntropy } from './validators.js';

/** AKIA (long-term) and ASIA (temporary) ids; ABIA and ACCA are credentials too. Body is base32. */
export const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/g;
/** How many lines apart an access key id and its secret key may be. */
export const AWS_PAIRING_LINES = 5;
const AWS_SECRET_NAMED = /aws.{0,20}secret|secret.?access.?key|secret.?key/i;

/** The text from `lines` lines before `start` to `lines` lines after `end`. */
export function linesAround(text: string, start: number, end: number, lines: number): string {
  let from = start;
  for (let i = 0; i <= lines && from > 0; i++) from = text.lastIndexOf('\n', from - 1);
  let to = end;
  for (let i = 0; i <= lines && to !== -1 && to < text.length; i++) to = text.indexOf('\n', to + 1);
  return text.slice(Math.max(0, from), to === -1 ? text.length : to);
}

/** A 40-character value is an AWS secret key only beside an access key id, or where its line names one. */
function isPairedAwsSecret(secret: string, context: MatchContext): boolean {
  if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || !/[0-9]/.test(secret)) return false;
  const lineStart = context.text.lastIndexOf('\n', context.start - 1) + 1;
  if (AWS_SECRET_NAMED.test(context.text.slice(lineStart, context.start))) return true;
  AWS_KEY_ID.lastIndex = 0;
  const near = AWS_KEY_ID.test(linesAround(context.text, context.start, context.end, AWS_PAIRING_LINES));
  AWS_KEY_ID.lastIndex = 0;
  return near;
}

const AWS_KEYS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
const AWS_EXAMPLES = [/EXAMPLE/];

/**
 * A PEM-style block: `-----BEGIN <label>-----`, a base64 body (real or `\n`-escaped newlines, armor headers
 * allowed), the end line. The body cannot run over another `-----` line, so a header without an end costs little.
 */
function pem(id: string, title: string, label: string, extra: Partial<SecretRuleSpec> = {}): SecretRuleSpec {
  return {
    id,
    title,
    severity: 'critical',
    kind: 'key',
    keywords: [`begin ${label.toLowerCase()}`],
    pattern: new RegExp(
      `-----BEGIN ${label}-----(?:\\s|\\\\[nr])*(?<secret>(?:[A-Za-z0-9+/=\\s:,.()\\\\]|-(?!----)){40,65536}?)(?:\\s|\\\\[nr])*-----END ${label}-----`,
    ),
    validate: (body) => /[A-Za-z0-9+/]{40}/.test(body.replace(/\\[nr]|\s/g, '')),
    source: 'https://www.rfc-editor.org/rfc/rfc7468',
    ...extra,
  };
}

/** Passwords that stand for one in docs and templates. */
const PLACEHOLDER_PASSWORD =
  /^(?:pass(?:word)?|passwd|pwd|secret|changeme|change_?me|your[_-]?password|mypassword|p@ssw0rd|\*+|x+|\.{3}|password123)$/i;
/** `${VAR}`, `$VAR`, `{{ var }}`, `<password>`, `%s`, `%(pw)s`, `[password]`. */
const TEMPLATE_VALUE =
  /^(?:\$\{.*\}|\$\(.*\)|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|\{[A-Za-z_]+\}|<[^>]*>|%[sd]|%\(.*\)s|\[.*\]|:[a-z_]+|@[a-z_]+@)$/;

function isRealPassword(secret: string, context: MatchContext): boolean {
  const decoded = safeDecode(secret);
  if (PLACEHOLDER_PASSWORD.test(decoded) || TEMPLATE_VALUE.test(decoded)) return false;
  // `somepassword`, `my-secret`, `db_pass`: a description of the password, as docs write them.
  if (/pass(?:word|wd)?|secret|changeme/i.test(decoded)) return false;
  if (/\$\{|\{\{|<[a-z_-]+>/i.test(decoded)) return false;
  const host = context.groups['host'] ?? '';
  return !/(?:^|\.)example\.(?:com|org|net)$|^(?:host|hostname|server)$/i.test(host);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `scheme://user:password@host` for one family of schemes. */
function url(
  id: string,
  title: string,
  schemes: string,
  keywords: readonly string[],
  source: string,
): SecretRuleSpec {
  return {
    id,
    title,
    severity: 'high',
    kind: 'url',
    keywords,
    pattern: new RegExp(
      `(?<![A-Za-z0-9+.-])(?:${schemes})://(?<user>[^:/?#@\\s'"\`<>]*):(?<secret>[^@/?#\\s'"\`<>]{3,128})@(?<host>[A-Za-z0-9._-]+|\\[[0-9a-fA-F:]+\\])`,
      'i',
    ),
    validate: isRealPassword,
    source,
  };
}

/** A value of `value` shape assigned to a name matching `name`: `DATADOG_API_KEY=...`, `"dd_app_key": "..."`. */
function named(
  id: string,
  title: string,
  severity: SecretSeverity,
  keywords: readonly string[],
  name: string,
  value: string,
  source: string,
  extra: Partial<SecretRuleSpec> = {},
): SecretRuleSpec {
  return {
    id,
    title,
    severity,
    kind: 'context',
    keywords,
    pattern: new RegExp(
      `(?:${name})[A-Za-z0-9_.-]{0,20}["']?\\s{0,3}(?::=|=>|=|:)\\s{0,3}["'\`]?(?<secret>${value})(?![A-Za-z0-9_-])`,
      'i',
    ),
    entropy: 3,
    source,
    ...extra,
  };
}

/** Name endings that say where a secret is, or something about it, rather than the secret itself. */
const NOT_A_SECRET_NAME =
  /(?:(?:continuation|next|page|pagination|marker|cursor|sync|request|idempotency|client|csrf|xsrf)[_-]?token|arn|name|id|ids|file|path|dir|url|uri|endpoint|host|length|len|min|max|ttl|expiry|expires|expiration|type|enabled|count|header|region|version|policy|rotation|parameter|param|ref|location|prefix|format|seconds|secs|minutes|hours|days|audience|issuer|scope|scopes|algorithm|alg|mode|field|label|hint|placeholder|prompt|regex|pattern|policy|reset|length|changed|required|confirm|confirmation)$|public.?key/i;
/** Flags about a secret: `isPasswordSet`, `use_token`, `NO_PASSWORD`. */
const FLAG_NAME =
  /^(?:is|has|no|use|show|enable|disable|allow|require)(?:[_-]|[A-Z])|^(?:IS|HAS|NO|USE|SHOW|ENABLE|DISABLE|ALLOW|REQUIRE)_/;

/**
 * A literal value, not code: not a placeholder or template, not a call or a dotted identifier without digits
 * (`config.password`, `getToken()`), not a path or plain URL, with enough distinct characters.
 */
function isLiteralValue(minLength: number, minEntropy: number) {
  return (secret: string, context: MatchContext): boolean => {
    const name = context.groups['name'] ?? '';
    if (NOT_A_SECRET_NAME.test(name) || FLAG_NAME.test(name)) return false;
    if (secret.length < minLength || shannonEntropy(secret) < minEntropy) return false;
    if (TEMPLATE_VALUE.test(secret) || /\$\{|\{\{|%\(|^\$/.test(secret)) return false;
    if (
      PLACEHOLDER_PASSWORD.test(secret) ||
      /x{4,}|\*{3,}|changeme|example|dummy|placeholder|redacted|your[_-]/i.test(secret)
    )
      return false;
    if (context.text.charAt(context.end) === '(') return false;
    const quoted = context.groups['quote'] !== undefined && context.groups['quote'] !== '';
    if (!quoted && /^[A-Za-z_$][A-Za-z_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$/.test(secret)) return false;
    // Code, not a value: `config.browser?.name`, `"?NonExpression"`, `AWS::Secrets::Thing`, `UnusedPasswordAge`.
    if (!quoted && /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+/.test(secret)) return false;
    if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9:.]+)?Z?$/.test(secret)) return false;
    if (/^[?:=|&.,]/.test(secret) || /^[A-Z]?[a-z]+(?:[A-Z][a-z]*)+$/.test(secret)) return false;
    if (
      /^(?:[a-z][a-z0-9+.-]*:\/\/[^@\s]*|\.{0,2}\/\S*|[0-9.]+|true|false|null|none|undefined)$/i.test(secret)
    )
      return false;
    return true;
  };
}

/** The name a value is assigned to, read back from the text before it: `DB_PASSWORD` in `DB_PASSWORD = "..."`. */
/** `arn:aws:secretsmanager:...:secret:prod/db-AbCdEf`: the name is an ARN's resource type, not an assignment. */
function inArn(context: MatchContext): boolean {
  const lineStart = context.text.lastIndexOf('\n', context.start - 1) + 1;
  const before = context.text.slice(Math.max(lineStart, context.start - 200), context.start);
  return /\barn:aws[a-z-]*:[a-z0-9-]*:[^:\s'"]*:[^:\s'"]*:[A-Za-z0-9_.-]*:?$/.test(before);
}

function assignedName(context: MatchContext): string {
  const lineStart = context.text.lastIndexOf('\n', context.start - 1) + 1;
  const before = context.text.slice(Math.max(lineStart, context.start - 120), context.start);
  return /([A-Za-z0-9_.-]+)["']?[ \t]*(?::=|=>|=|:)[ \t]*["'`]?$/.exec(before)?.[1] ?? '';
}

/** Values that are names themselves: `x-amz-security-token`, `AWS_SESSION_TOKEN`, `auth.token.header`. */
const IDENTIFIER_VALUE = /^[a-z][a-z0-9]*(?:[-_.][a-z][a-z0-9]*)+$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * `password = "..."`, `apiKey: '...'`, `SECRET=...`: anchored on the secret word so the regex engine can skip to
 * it; the full name is read back by the validator.
 */
function generic(
  id: string,
  title: string,
  keywords: readonly string[],
  words: string,
  min: number,
  entropy: number,
): SecretRuleSpec {
  const literal = isLiteralValue(min, entropy);
  const word = new RegExp(words, 'i');
  return {
    id,
    title,
    severity: 'medium',
    kind: 'generic',
    keywords,
    pattern: new RegExp(
      `(?:${words})[A-Za-z0-9_.-]{0,20}["']?[ \\t]{0,3}(?::=|=>|=|:)[ \\t]{0,3}(?<quote>["'\`]?)(?<secret>[^\\s"'\`,;()<>{}\\[\\]\\\\]{${min},200})\\k<quote>`,
      'i',
    ),
    entropy,
    validate: (secret, context) => {
      const name = assignedName(context);
      if (!word.test(name) || IDENTIFIER_VALUE.test(secret) || inArn(context)) return false;
      // A value that says what it is (`MyPassword1`, `my-token-name`) describes the secret rather than being it.
      if (word.test(secret)) return false;
      return literal(secret, { ...context, groups: { ...context.groups, name } });
    },
    source: 'https://cwe.mitre.org/data/definitions/798.html',
  };
}

export const CONTEXT_RULES: readonly SecretRuleSpec[] = [
  {
    id: 'aws-access-key-id',
    title: 'AWS access key id',
    severity: 'high',
    kind: 'token',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/,
    entropy: 3,
    // A temporary (ASIA) key id alone is an identifier every CloudTrail record carries, worthless without the
    // secret key and session token that go with it (which have their own rules): not a finding by itself.
    validate: (secret) => !secret.startsWith('ASIA'),
    allow: AWS_EXAMPLES,
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    severity: 'critical',
    kind: 'context',
    keywords: ['akia', 'asia', 'abia', 'acca', 'secret'],
    pattern: /(?<![A-Za-z0-9/+])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
    entropy: 4.25,
    validate: isPairedAwsSecret,
    allow: AWS_EXAMPLES,
    source: AWS_KEYS,
  },
  named(
    'aws-session-token',
    'AWS session token',
    'high',
    ['session_token', 'sessiontoken', 'session-token', 'security-token', 'securitytoken'],
    'aws[_-]?session[_-]?token|x-amz-security-token|sessionToken|SecurityToken',
    '[A-Za-z0-9/+=]{100,4096}',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html',
    { entropy: 4 },
  ),
  {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account private key',
    severity: 'critical',
    kind: 'key',
    keywords: ['service_account'],
    pattern:
      /"private_key"\s*:\s*"(?<secret>-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=\\n]{100,8192}-----END PRIVATE KEY-----(?:\\n)?)"/,
    validate: (_, context) =>
      /"type"\s*:\s*"service_account"/.test(linesAround(context.text, context.start, context.end, 20)),
    source: 'https://cloud.google.com/iam/docs/keys-create-delete',
  },
  pem('private-key-rsa', 'RSA private key', 'RSA PRIVATE KEY'),
  pem('private-key-dsa', 'DSA private key', 'DSA PRIVATE KEY'),
  pem('private-key-ec', 'EC private key', 'EC PRIVATE KEY'),
  pem('private-key-pkcs8', 'PKCS #8 private key', 'PRIVATE KEY'),
  pem('private-key-pkcs8-encrypted', 'encrypted PKCS #8 private key', 'ENCRYPTED PRIVATE KEY', {
    severity: 'high',
  }),
  pem('private-key-openssh', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', {
    // The body is the openssh-key-v1 format, whose magic base64-encodes to b3BlbnNzaC1rZXktdjE.
    validate: (body) => body.replace(/\\[nr]|\s/g, '').startsWith('b3BlbnNzaC1rZXktdjE'),
    source: 'https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key',
  }),
  pem('pgp-private-key', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', {
    source: 'https://www.rfc-editor.org/rfc/rfc4880#section-6.2',
  }),
  {
    id: 'putty-private-key',
    title: 'PuTTY private key',
    severity: 'critical',
    kind: 'key',
    keywords: ['putty-user-key-file-'],
    pattern:
      /PuTTY-User-Key-File-[23]:[^\n]*\n(?:[^\n]*\n){0,12}?Private-Lines: [0-9]+\r?\n(?<secret>[A-Za-z0-9+/=]{1,64}(?:\r?\n(?!Private-MAC)[A-Za-z0-9+/=]{1,64}){0,127})/,
    source: 'https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html',
  },
  {
    id: 'azure-storage-account-key',
    title: 'Azure storage account key in a connection string',
    severity: 'critical',
    kind: 'context',
    keywords: ['accountkey='],
    pattern: /AccountName=[A-Za-z0-9]{3,24};\s*AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/,
    entropy: 4,
    source: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string',
  },
  {
    id: 'azure-cosmosdb-key',
    title: 'Azure Cosmos DB account key',
    severity: 'critical',
    kind: 'context',
    keywords: ['documents.azure.com'],
    pattern:
      /AccountEndpoint=https:\/\/[A-Za-z0-9-]+\.documents\.azure\.com[^;]*;\s*AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/,
    entropy: 4,
    source: 'https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data',
  },
  {
    id: 'azure-service-bus-key',
    title: 'Azure Service Bus / Event Hubs shared access key',
    severity: 'high',
    kind: 'context',
    keywords: ['sharedaccesskey='],
    pattern:
      /Endpoint=sb:\/\/[A-Za-z0-9.-]+\/?;\s*SharedAccessKeyName=[^;]+;\s*SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/,
    entropy: 4,
    source: 'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas',
  },
  {
    id: 'azure-sas-token',
    title: 'Azure shared access signature',
    severity: 'high',
    kind: 'context',
    keywords: ['sig='],
    pattern: /[?&]sv=[0-9]{4}-[0-9]{2}-[0-9]{2}&[^\s"'<>]*?\bsig=(?<secret>[A-Za-z0-9%+/]{40,90}(?:%3D|=)?)/,
    entropy: 4,
    source: 'https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas',
  },
  {
    id: 'azure-app-configuration-key',
    title: 'Azure App Configuration connection string secret',
    severity: 'high',
    kind: 'context',
    keywords: ['azconfig.io'],
    pattern:
      /Endpoint=https:\/\/[A-Za-z0-9-]+\.azconfig\.io;\s*Id=[^;\s]+;\s*Secret=(?<secret>[A-Za-z0-9+/]{43}=)/,
    entropy: 4,
    source: 'https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-best-practices',
  },
  named(
    'twilio-api-key',
    'Twilio API key secret',
    'high',
    ['twilio'],
    'twilio[A-Za-z0-9_.-]{0,20}(?:secret|key)',
    '[A-Za-z0-9]{32}',
    'https://www.twilio.com/docs/iam/api-keys',
    { hexSecret: true },
  ),
  named(
    'twilio-auth-token',
    'Twilio auth token',
    'high',
    ['twilio'],
    'twilio[A-Za-z0-9_.-]{0,20}token',
    '[a-f0-9]{32}',
    'https://www.twilio.com/docs/iam/access-tokens',
    { hexSecret: true },
  ),
  named(
    'datadog-api-key',
    'Datadog API key',
    'high',
    ['datadog', 'dd_api', 'dd-api'],
    'datadog[A-Za-z0-9_.-]{0,20}api[_.-]?key|dd[_-]api[_-]?key',
    '[a-f0-9]{32}',
    'https://docs.datadoghq.com/account_management/api-app-keys/',
    { hexSecret: true },
  ),
  named(
    'datadog-app-key',
    'Datadog application key',
    'high',
    ['datadog', 'dd_app', 'dd-app', 'dd_application'],
    'datadog[A-Za-z0-9_.-]{0,20}app(?:lication)?[_.-]?key|dd[_-]app(?:lication)?[_-]?key',
    '[a-f0-9]{40}',
    'https://docs.datadoghq.com/account_management/api-app-keys/',
    { hexSecret: true },
  ),
  named(
    'mailgun-api-key',
    'Mailgun API key',
    'high',
    ['mailgun'],
    'mailgun[A-Za-z0-9_.-]{0,20}(?:key|secret|token)',
    '(?:key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})',
    'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/',
  ),
  named(
    'heroku-api-key-legacy',
    'Heroku API key (UUID form)',
    'high',
    ['heroku'],
    'heroku[A-Za-z0-9_.-]{0,20}(?:key|token|secret)',
    '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    'https://devcenter.heroku.com/articles/authentication',
    { uuidSecret: true },
  ),
  named(
    'okta-api-token',
    'Okta API token',
    'high',
    ['okta'],
    'okta[A-Za-z0-9_.-]{0,20}(?:token|key|secret)',
    '00[A-Za-z0-9_-]{40}',
    'https://developer.okta.com/docs/guides/create-an-api-token/main/',
  ),
  named(
    'pagerduty-api-key',
    'PagerDuty API key',
    'high',
    ['pagerduty'],
    'pagerduty[A-Za-z0-9_.-]{0,20}(?:token|key)',
    '(?:u\\+)?[A-Za-z0-9_+-]{20}',
    'https://support.pagerduty.com/main/docs/api-access-keys',
    { entropy: 3.5 },
  ),
  named(
    'discord-bot-token',
    'Discord bot token',
    'high',
    ['discord'],
    'discord[A-Za-z0-9_.-]{0,20}(?:token|secret)',
    '[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}',
    'https://discord.com/developers/docs/reference#authentication',
  ),
  named(
    'notion-legacy-token',
    'Notion integration secret (legacy)',
    'high',
    ['notion'],
    'notion[A-Za-z0-9_.-]{0,20}(?:token|key|secret)',
    'secret_[A-Za-z0-9]{43}',
    'https://developers.notion.com/docs/authorization',
  ),
  named(
    'alibaba-access-key-secret',
    'Alibaba Cloud AccessKey secret',
    'critical',
    ['alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret'],
    'alibaba[A-Za-z0-9_.-]{0,20}secret|aliyun[A-Za-z0-9_.-]{0,20}secret|access[_-]?key[_-]?secret',
    '[A-Za-z0-9]{30}',
    'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    { entropy: 3.5 },
  ),
  named(
    'npm-legacy-auth-token',
    'npm auth token in .npmrc',
    'high',
    ['_authtoken'],
    '_authToken',
    '[A-Za-z0-9_-]{36,}',
    'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
    { uuidSecret: true },
  ),
  named(
    'artifactory-api-key',
    'JFrog Artifactory API key',
    'high',
    ['akcp'],
    'artifactory[A-Za-z0-9_.-]{0,20}|api[_-]?key|password',
    'AKCp[A-Za-z0-9]{69}',
    'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key',
  ),
  url(
    'postgres-url-password',
    'PostgreSQL URL with a password',
    'postgres(?:ql)?(?:\\+[a-z0-9]+)?|pgsql',
    ['postgres', 'pgsql'],
    'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS',
  ),
  url(
    'mysql-url-password',
    'MySQL/MariaDB URL with a password',
    'mysql(?:\\+[a-z0-9]+)?|mysqlx|mariadb',
    ['mysql', 'mariadb'],
    'https://dev.mysql.com/doc/refman/8.4/en/connecting-using-uri-or-key-value-pairs.html',
  ),
  url(
    'mongodb-url-password',
    'MongoDB URL with a password',
    'mongodb(?:\\+srv)?',
    ['mongodb'],
    'https://www.mongodb.com/docs/manual/reference/connection-string/',
  ),
  url(
    'redis-url-password',
    'Redis URL with a password',
    'rediss?',
    ['redis'],
    'https://www.iana.org/assignments/uri-schemes/prov/redis',
  ),
  url(
    'amqp-url-password',
    'AMQP (RabbitMQ) URL with a password',
    'amqps?',
    ['amqp'],
    'https://www.rabbitmq.com/docs/uri-spec',
  ),
  url(
    'mssql-url-password',
    'SQL Server URL with a password',
    'mssql|sqlserver',
    ['mssql', 'sqlserver'],
    'https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url',
  ),
  url(
    'ftp-url-password',
    'FTP URL with a password',
    'ftps?|sftp',
    ['ftp'],
    'https://www.rfc-editor.org/rfc/rfc1738#section-3.2',
  ),
  url(
    'ldap-url-password',
    'LDAP URL with a password',
    'ldaps?',
    ['ldap'],
    'https://www.rfc-editor.org/rfc/rfc4516',
  ),
  url(
    'smtp-url-password',
    'SMTP URL with a password',
    'smtps?',
    ['smtp'],
    'https://www.iana.org/assignments/uri-schemes/uri-schemes.xhtml',
  ),
  url(
    'http-url-password',
    'HTTP URL with credentials',
    'https?',
    ['http'],
    'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1',
  ),
  generic('generic-password', 'hardcoded password', ['pass', 'pwd'], 'password|passwd|passphrase|pwd', 8, 3),
  generic('generic-secret', 'hardcoded secret', ['secret'], 'secret', 16, 3.5),
  generic('generic-token', 'hardcoded token', ['token'], 'token', 16, 3.5),
  generic(
    'generic-api-key',
    'hardcoded API key',
    [
      'api_key',
      'apikey',
      'api-key',
      'api.key',
      'access_key',
      'accesskey',
      'auth_key',
      'authkey',
      'private_key',
      'privatekey',
    ],
    'api[_.-]?key|access[_.-]?key|auth[_.-]?key|private[_.-]?key',
    16,
    3.5,
  ),
];
