import { describe, expect, it } from 'vitest';
import { scanText } from '../scan.js';
import { SECRET_RULES } from './index.js';
import { base62, crc32 } from './validators.js';

// Every secret here is generated or assembled from parts at run time, so no scanner flags this file.
let seed = 12345;
function random(chars: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += chars.charAt(Math.floor((seed / 2147483648) * chars.length));
  }
  return out;
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const an = (n: number) => random(UPPER + LOWER + DIGITS, n);
const url = (n: number) => random(UPPER + LOWER + DIGITS + '_-', n);
const b64 = (n: number) => random(UPPER + LOWER + DIGITS + '+/', n);
const hex = (n: number) => random('0123456789abcdef', n);
const up = (n: number) => random(UPPER + DIGITS, n);
const lc = (n: number) => random(LOWER + DIGITS, n);
const alpha = (n: number) => random(UPPER + LOWER, n);
const dig = (n: number) => random(DIGITS, n);
const b32 = (n: number) => random('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', n);
const uuid = () => [hex(8), hex(4), '4' + hex(3), 'a' + hex(3), hex(12)].join('-');
const b64url = (value: string) => Buffer.from(value).toString('base64url');

/** A GitHub-format token: prefix, 30 random characters, their CRC32 in base62. */
function checksummed(prefix: string): string {
  const body = an(30);
  return prefix + body + base62(crc32(body), 6);
}
/** The same token with its checksum broken. */
function corrupt(token: string): string {
  const last = token.charAt(token.length - 1);
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

const pem = (label: string, body: string) =>
  [`-----BEGIN ${label}-----`, body, `-----END ${label}-----`].join('\n');
const pemBody = () => [b64(64), b64(64), b64(20) + '=='].join('\n');
const ELIDED = '... (elided in the docs; paste the key you were given here) ...';
const OPENSSH_MAGIC = ['b3BlbnNz', 'aC1rZXktdjE'].join('');
const JWT_HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

interface Case {
  /** Text in which the rule must find `secret`. */
  text: string;
  secret: string;
  /** Text that resembles it and in which the rule must find nothing. */
  miss: string;
}

/** A case whose text is `NAME = "secret"` (or a custom line) and whose near miss is `missSecret` there. */
function c(secret: string, miss: string, line: (value: string) => string = (v) => `value = "${v}"`): Case {
  return { text: line(secret), secret, miss: line(miss) };
}

const keyId = 'AKIA' + b32(16);
const awsSecret = an(38) + '+/';
const serviceAccount = (withType: boolean) =>
  [
    '{',
    withType ? '  "type": "service_account",' : '  "kind": "other",',
    '  "project_id": "acme-prod",',
    `  "private_key": "-----BEGIN PRIVATE KEY-----\\n${b64(64)}\\n${b64(64)}\\n-----END PRIVATE KEY-----\\n",`,
    '  "client_email": "ci@acme-prod.iam.gserviceaccount.com"',
    '}',
  ].join('\n');
const gcpText = serviceAccount(true);
const gcpSecret = /"private_key": "([^"]+)"/.exec(gcpText)?.[1] ?? '';
const puttyBody = b64(64);
const putty = (privateLines: string) =>
  [
    'PuTTY-User-Key-File-3: ssh-ed25519',
    'Encryption: none',
    'Comment: deploy',
    'Public-Lines: 1',
    b64(68),
    'Private-Lines: 1',
    privateLines,
    'Private-MAC: ' + hex(64),
  ].join('\n');
const jwt = [
  JWT_HEADER,
  b64url(JSON.stringify({ sub: 'svc-42', role: 'admin', iat: 1700000000 })),
  url(43),
].join('.');
const jwtIoSample = [
  JWT_HEADER,
  b64url(JSON.stringify({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })),
  url(43),
].join('.');
const pw = ['Tr0', 'ub4dor&3', 'xQ!9'].join('');
const dbUrl = (scheme: string, password: string) => `${scheme}://app:${password}@db.internal:5432/app`;

const CASES: Record<string, Case> = {
  'aws-access-key-id': c(keyId, 'AIDA' + b32(16), (v) => `aws_access_key_id = ${v}`),
  'aws-secret-access-key': {
    text: `aws_access_key_id = ${keyId}\nregion = eu-west-1\nkey = ${awsSecret}\n`,
    secret: awsSecret,
    miss: `id = ${keyId}\n${'#\n'.repeat(10)}checksum_value = ${awsSecret}\n`,
  },
  'aws-session-token': c(b64(300), b64(60), (v) => `aws_session_token = ${v}`),
  'gcp-service-account-key': { text: gcpText, secret: gcpSecret, miss: serviceAccount(false) },
  'private-key-rsa': (() => {
    const body = pemBody();
    return { text: pem('RSA PRIVATE KEY', body), secret: body, miss: pem('RSA PRIVATE KEY', ELIDED) };
  })(),
  'private-key-dsa': (() => {
    const body = pemBody();
    return { text: pem('DSA PRIVATE KEY', body), secret: body, miss: pem('DSA PRIVATE KEY', ELIDED) };
  })(),
  'private-key-ec': (() => {
    const body = pemBody();
    return { text: pem('EC PRIVATE KEY', body), secret: body, miss: pem('EC PUBLIC KEY', body) };
  })(),
  'private-key-pkcs8': (() => {
    const body = pemBody();
    return { text: pem('PRIVATE KEY', body), secret: body, miss: pem('PUBLIC KEY', body) };
  })(),
  'private-key-pkcs8-encrypted': (() => {
    const body = pemBody();
    return {
      text: pem('ENCRYPTED PRIVATE KEY', body),
      secret: body,
      miss: pem('ENCRYPTED PRIVATE KEY', ELIDED),
    };
  })(),
  'private-key-openssh': (() => {
    const body = [OPENSSH_MAGIC + b64(45), b64(64), b64(30)].join('\n');
    return {
      text: pem('OPENSSH PRIVATE KEY', body),
      secret: body,
      miss: pem('OPENSSH PRIVATE KEY', pemBody()),
    };
  })(),
  'pgp-private-key': (() => {
    const body = [pemBody(), '=' + b64(4)].join('\n');
    return {
      text: pem('PGP PRIVATE KEY BLOCK', body),
      secret: body,
      miss: pem('PGP PUBLIC KEY BLOCK', body),
    };
  })(),
  'putty-private-key': { text: putty(puttyBody), secret: puttyBody, miss: putty('...') },
  'aws-bedrock-api-key': c(['ABSKQmVkcm9ja0F', 'QSUtleS'].join('') + b64(120), 'ABSK' + b64(60)),
  'aws-bedrock-short-term-api-key': c(
    ['bedrock-api-key-', 'YmVkcm9jay5hbWF6b25hd3MuY29t'].join('') + b64(150),
    'bedrock-api-key-' + b64(20),
  ),
  'amazon-mws-auth-token': c('amzn.mws.' + uuid(), 'amzn.mws.' + hex(20)),
  'github-pat': (() => {
    const t = checksummed('ghp_');
    return c(t, corrupt(t));
  })(),
  'github-oauth-token': (() => {
    const t = checksummed('gho_');
    return c(t, corrupt(t));
  })(),
  'github-user-to-server-token': (() => {
    const t = checksummed('ghu_');
    return c(t, corrupt(t));
  })(),
  'github-app-installation-token': (() => {
    const t = checksummed('ghs_');
    return c(t, corrupt(t));
  })(),
  'github-refresh-token': (() => {
    const t = checksummed('ghr_');
    return c(t, corrupt(t));
  })(),
  'github-fine-grained-pat': c('github_pat_' + an(22) + '_' + an(59), 'github_pat_' + an(22) + '_' + an(30)),
  // A routable token (2024+): a base64url payload, then a dot-separated version and checksum; past the legacy 20.
  'gitlab-pat': c(`glpat-${url(120)}.01.${lc(9)}`, 'glpat-' + url(10)),
  'gitlab-pipeline-trigger-token': c('glptt-' + hex(40), 'glptt-' + hex(39)),
  'gitlab-runner-registration-token': c('GR1348941' + url(20), 'GR1348941' + url(19)),
  'gitlab-runner-token': c(`glrt-t1_${url(120)}.01.${lc(9)}`, 'glrt-' + url(10)),
  'gitlab-deploy-token': c('gldt-' + url(20), 'gldt-' + url(10)),
  'gitlab-feed-token': c('glft-' + url(20), 'glft-' + url(10)),
  'gitlab-oauth-app-secret': c('gloas-' + hex(64), 'gloas-' + hex(63)),
  'gitlab-scim-token': c('glsoat-' + url(20), 'glsoat-' + url(10)),
  'gitlab-cicd-job-token': c('glcbt-' + an(3) + '_' + url(20), 'glcbt-' + an(20)),
  'gitlab-incoming-mail-token': c('glimt-' + url(25), 'glimt-' + url(24)),
  'gitlab-feature-flags-client-token': c('glffct-' + url(20), 'glffct-' + url(10)),
  'gitlab-agent-token': c('glagent-' + url(50), 'glagent-' + url(40)),
  'slack-bot-token': c(`xoxb-${dig(11)}-${dig(12)}-${an(24)}`, `xoxb-${dig(11)}-${an(24)}`),
  'slack-user-token': c(
    `xoxp-${dig(11)}-${dig(11)}-${dig(12)}-${hex(32)}`,
    `xoxp-${dig(11)}-${dig(11)}-${dig(12)}-${hex(31)}`,
  ),
  'slack-app-token': c(`xapp-1-A${up(10)}-${dig(13)}-${hex(64)}`, `xapp-1-A${up(10)}-${dig(13)}-${hex(60)}`),
  'slack-config-token': c('xoxe.xoxp-1-' + an(150), 'xoxe.xoxp-1-' + an(100)),
  'slack-config-refresh-token': c('xoxe-1-' + an(150), 'xoxe-1-' + an(100)),
  'slack-webhook-url': c(
    `https://hooks.slack.com/services/T${up(10)}/B${up(10)}/${an(24)}`,
    `https://hooks.slack.com/services/T${up(10)}/B${up(10)}/${an(20)}`,
  ),
  'slack-workflow-webhook-url': c(
    `https://hooks.slack.com/triggers/T${up(10)}/${dig(12)}/${hex(32)}`,
    `https://hooks.slack.com/triggers/T${up(10)}/${dig(12)}/${hex(20)}`,
  ),
  'stripe-live-secret-key': c('sk_live_' + an(24), 'sk_test_' + an(24)),
  'stripe-restricted-key': c('rk_live_' + an(24), 'rk_test_' + an(24)),
  'stripe-webhook-secret': c('whsec_' + an(32), 'whsec_' + an(20)),
  'google-api-key': c('AIza' + url(35), 'AIza' + url(34)),
  'google-oauth-client-secret': c('GOCSPX-' + url(28), 'GOCSPX-' + url(27)),
  'google-oauth-access-token': c('ya29.' + url(60), 'ya29.' + url(20)),
  'azure-ad-client-secret': c(an(3) + '8Q~' + an(34), an(3) + '8Q-' + an(34)),
  'npm-access-token': (() => {
    const t = checksummed('npm_');
    return c(t, corrupt(t));
  })(),
  'pypi-upload-token': c(['pypi-AgEIcHlw', 'aS5vcmc'].join('') + url(80), 'pypi-' + url(80)),
  'rubygems-api-key': c('rubygems_' + hex(48), 'rubygems_' + hex(47)),
  'nuget-api-key': c('oy2' + lc(43), 'oy2' + lc(42)),
  'clojars-token': c('CLOJARS_' + lc(60), 'CLOJARS_' + lc(59)),
  'docker-hub-pat': c('dckr_pat_' + url(27), 'dckr_pat_' + url(20)),
  'docker-hub-org-token': c('dckr_oat_' + url(32), 'dckr_oat_' + url(20)),
  'jfrog-reference-token': c(
    ['cmVmdGtu', 'OjAxOj'].join('') + an(60),
    ['cmVmdGtu', 'OjAxOj'].join('') + an(30),
  ),
  'sendgrid-api-key': c(`SG.${url(22)}.${url(43)}`, `SG.${url(21)}.${url(43)}`),
  'mailchimp-api-key': c(hex(32) + '-us6', hex(32) + '-eu6'),
  'brevo-api-key': c(`xkeysib-${hex(64)}-${an(16)}`, `xkeysib-${hex(64)}`),
  'telegram-bot-token': c(`${dig(10)}:AA${url(33)}`, `${dig(10)}:AB${url(33)}`),
  'discord-webhook-url': c(
    `https://discord.com/api/webhooks/${dig(18)}/${url(68)}`,
    `https://discord.com/api/webhooks/${dig(18)}/${url(30)}`,
  ),
  'microsoft-teams-webhook-url': c(
    `https://acme.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${hex(32)}/${uuid()}`,
    `https://acme.webhook.office.com/webhookb2/${uuid()}@${uuid()}`,
  ),
  'shopify-access-token': c('shpat_' + hex(32), 'shpat_' + hex(31)),
  'shopify-custom-app-token': c('shpca_' + hex(32), 'shpca_' + hex(31)),
  'shopify-private-app-token': c('shppa_' + hex(32), 'shppa_' + hex(31)),
  'shopify-shared-secret': c('shpss_' + hex(32), 'shpss_' + hex(31)),
  'square-access-token': c('EAAA' + url(60), 'EAAA' + url(50)),
  'square-legacy-access-token': c('sq0atp-' + url(22), 'sq0atp-' + url(21)),
  'square-application-secret': c('sq0csp-' + url(43), 'sq0csp-' + url(42)),
  'shippo-live-token': c('shippo_live_' + hex(40), 'shippo_test_' + hex(40)),
  'flutterwave-secret-key': c(`FLWSECK-${hex(32)}-X`, `FLWSECK_TEST-${hex(32)}-X`),
  'braintree-access-token': c(
    `access_token$production$${lc(16)}$${hex(32)}`,
    `access_token$sandbox$${lc(16)}$${hex(32)}`,
  ),
  'plaid-access-token': c('access-production-' + uuid(), 'access-sandbox-' + uuid()),
  'easypost-api-key': c('EZAK' + an(54), 'EZTK' + an(54)),
  'heroku-api-key': c('HRKU-AA' + url(58), 'HRKU-AA' + url(40)),
  'digitalocean-pat': c('dop_v1_' + hex(64), 'dop_v1_' + hex(63)),
  'digitalocean-oauth-token': c('doo_v1_' + hex(64), 'doo_v1_' + hex(63)),
  'digitalocean-refresh-token': c('dor_v1_' + hex(64), 'dor_v1_' + hex(63)),
  'alibaba-access-key-id': c('LTAI' + an(20), 'LTAI' + an(8)),
  'tailscale-key': c(`tskey-auth-${an(12)}-${an(30)}`, `tskey-auth-${an(12)}`),
  'pulumi-access-token': c('pul-' + hex(40), 'pul-' + hex(39)),
  'planetscale-token': c('pscale_tkn_' + url(43), 'pscale_tkn_' + url(10)),
  'supabase-access-token': c('sbp_' + hex(40), 'sbp_' + hex(39)),
  'openshift-user-token': c('sha256~' + url(43), 'sha256~' + url(42)),
  'fly-io-token': c('fm2_' + b64(150), 'fm2_' + b64(50)),
  'age-secret-key': c(
    'AGE-SECRET-KEY-1' + random('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58),
    'AGE-SECRET-KEY-1' + random('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 57),
  ),
  'vault-service-token': c('hvs.' + url(95), 'hvs.' + url(24)),
  'vault-batch-token': c('hvb.' + url(95), 'hvb.' + url(24)),
  'terraform-cloud-token': c(`${an(14)}.atlasv1.${url(67)}`, `${an(14)}.atlasv2.${url(67)}`),
  'doppler-personal-token': c('dp.pt.' + an(40), 'dp.pt.' + an(30)),
  'doppler-service-token': c('dp.st.' + an(44), 'dp.st.' + an(30)),
  'doppler-service-account-token': c('dp.sa.' + an(44), 'dp.sa.' + an(30)),
  'doppler-cli-token': c('dp.ct.' + an(44), 'dp.ct.' + an(30)),
  'doppler-scim-token': c('dp.scim.' + an(44), 'dp.scim.' + an(30)),
  'doppler-audit-token': c('dp.audit.' + an(44), 'dp.audit.' + an(30)),
  'databricks-token': c('dapi' + hex(32), 'dapi' + hex(31)),
  'openai-api-key': c(['sk-proj-', url(40), 'T3Blbk', 'FJ', url(40)].join(''), 'sk-proj-' + url(80)),
  'anthropic-api-key': c('sk-ant-api03-' + url(93) + 'AA', 'sk-ant-api03-' + url(80) + 'AA'),
  'anthropic-admin-key': c('sk-ant-admin01-' + url(93) + 'AA', 'sk-ant-admin01-' + url(80) + 'AA'),
  'huggingface-token': c('hf_' + alpha(34), 'hf_' + alpha(33)),
  'groq-api-key': c('gsk_' + an(52), 'gsk_' + an(51)),
  'replicate-api-token': c('r8_' + an(37), 'r8_' + an(36)),
  'perplexity-api-key': c('pplx-' + an(48), 'pplx-' + an(47)),
  'xai-api-key': c(`xai-${an(40)}_${an(39)}`, `xai-${an(40)}_${an(38)}`),
  'langsmith-api-key': c(`lsv2_pt_${hex(32)}_${hex(10)}`, `lsv2_pt_${hex(32)}`),
  'airtable-pat': c(`pat${an(14)}.${hex(64)}`, `pat${an(14)}.${hex(63)}`),
  'atlassian-api-token': c('ATATT3' + url(190), 'ATATT3' + url(100)),
  'newrelic-user-api-key': c('NRAK-' + up(27), 'NRAK-' + up(26)),
  'newrelic-insert-key': c('NRII-' + url(32), 'NRII-' + url(31)),
  'newrelic-license-key': c(hex(36) + 'NRAL', hex(36) + 'NRAX'),
  'sentry-org-token': c('sntrys_eyJ' + url(100), 'sntrys_' + an(30)),
  'sentry-user-token': c('sntryu_' + hex(64), 'sntryu_' + hex(63)),
  'grafana-cloud-token': c('glc_' + an(60), 'glc_' + an(20)),
  'grafana-service-account-token': c(`glsa_${an(32)}_${hex(8)}`, `glsa_${an(32)}_${hex(7)}`),
  'grafana-api-key': c(['eyJrIj', 'oi'].join('') + an(80), ['eyJrIj', 'oi'].join('') + an(40)),
  'postman-api-key': c(`PMAK-${hex(24)}-${hex(34)}`, `PMAK-${hex(24)}-${hex(33)}`),
  'linear-api-key': c('lin_api_' + an(40), 'lin_api_' + an(39)),
  'notion-integration-token': c(`ntn_${dig(11)}${an(35)}`, `ntn_${dig(11)}${an(34)}`),
  'dropbox-short-lived-token': c('sl.' + url(140), 'sl.' + url(100)),
  'figma-pat': c('figd_' + url(40), 'figd_' + url(30)),
  'onepassword-service-account-token': c('ops_eyJ' + url(260), 'ops_eyJ' + url(200)),
  'typeform-pat': c('tfp_' + an(59), 'tfp_' + an(58)),
  'contentful-pat': c('CFPAT-' + url(43), 'CFPAT-' + url(42)),
  'dynatrace-api-token': c(`dt0c01.${up(24)}.${up(64)}`, `dt0c01.${up(23)}.${up(64)}`),
  'sourcegraph-token': c('sgp_' + hex(40), 'sgp_' + hex(39)),
  'buildkite-token': c('bkua_' + hex(40), 'bkua_' + hex(39)),
  'circleci-pat': c(`CCIPAT_${an(22)}_${hex(40)}`, `CCIPAT_${an(22)}_${hex(39)}`),
  'prefect-api-key': c('pnu_' + an(36), 'pnu_' + an(35)),
  'readme-api-key': c('rdme_' + lc(70), 'rdme_' + lc(69)),
  'harness-pat': c(`pat.${url(22)}.${hex(24)}.${an(20)}`, `pat.${url(22)}.${hex(24)}.${an(19)}`),
  'adafruit-io-key': c('aio_' + an(28), 'aio_' + an(27)),
  'mapbox-secret-token': c(`sk.eyJ${url(60)}.${url(22)}`, `pk.eyJ${url(60)}.${url(22)}`),
  jwt: c(jwt, jwtIoSample),
  'azure-storage-account-key': (() => {
    const key = b64(86) + '==';
    const conn = (k: string) =>
      `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${k};EndpointSuffix=core.windows.net`;
    return { text: conn(key), secret: key, miss: conn(b64(40) + '==') };
  })(),
  'azure-cosmosdb-key': (() => {
    const key = b64(86) + '==';
    const conn = (k: string) => `AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=${k};`;
    return { text: conn(key), secret: key, miss: conn(b64(40) + '==') };
  })(),
  'azure-service-bus-key': (() => {
    const key = b64(43) + '=';
    const conn = (k: string) =>
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${k}`;
    return { text: conn(key), secret: key, miss: conn(b64(20) + '=') };
  })(),
  'azure-sas-token': (() => {
    const sig = b64(43) + '%3D';
    return {
      text: `https://acme.blob.core.windows.net/c/f?sv=2022-11-02&ss=b&srt=co&sp=r&se=2026-01-01&sig=${sig}`,
      secret: sig,
      miss: `https://acme.blob.core.windows.net/c/f?comp=list&sig=${sig}`,
    };
  })(),
  'azure-app-configuration-key': (() => {
    const key = b64(43) + '=';
    const conn = (k: string) => `Endpoint=https://acme.azconfig.io;Id=Ab1c-l0-s0:${an(20)};Secret=${k}`;
    return { text: conn(key), secret: key, miss: conn(b64(20) + '=') };
  })(),
  'twilio-api-key': c(an(32), an(20), (v) => `TWILIO_API_SECRET=${v}`),
  'twilio-auth-token': c(hex(32), hex(31), (v) => `TWILIO_AUTH_TOKEN=${v}`),
  'datadog-api-key': c(hex(32), hex(31), (v) => `DD_API_KEY=${v}`),
  'datadog-app-key': c(hex(40), hex(39), (v) => `DATADOG_APP_KEY: "${v}"`),
  'mailgun-api-key': c('key-' + hex(32), 'key-' + hex(31), (v) => `MAILGUN_API_KEY=${v}`),
  'heroku-api-key-legacy': { text: `HEROKU_API_KEY=${uuid()}`, secret: '', miss: `HEROKU_APP_ID=${uuid()}` },
  'okta-api-token': c('00' + url(40), '01' + url(40), (v) => `OKTA_API_TOKEN=${v}`),
  'pagerduty-api-key': c(an(20), an(12), (v) => `PAGERDUTY_TOKEN=${v}`),
  'discord-bot-token': c(
    `M${an(23)}.${url(6)}.${url(27)}`,
    `M${an(23)}.${url(27)}`,
    (v) => `DISCORD_TOKEN=${v}`,
  ),
  'notion-legacy-token': c('secret_' + an(43), 'secret_' + an(20), (v) => `NOTION_TOKEN=${v}`),
  'alibaba-access-key-secret': c(an(30), an(29), (v) => `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${v}`),
  'npm-legacy-auth-token': c(uuid(), '${NPM_TOKEN}', (v) => `//registry.npmjs.org/:_authToken=${v}`),
  'artifactory-api-key': c('AKCp' + an(69), 'AKCp' + an(60), (v) => `artifactory_api_key: ${v}`),
  'postgres-url-password': c(an(16), '${DB_PASSWORD}', (v) => `DATABASE_URL=${dbUrl('postgresql', v)}`),
  'mysql-url-password': c(an(16), '<password>', (v) => `DSN=${dbUrl('mysql', v)}`),
  'mongodb-url-password': c(an(16), 'password', (v) => `MONGO=${dbUrl('mongodb+srv', v)}`),
  'redis-url-password': c(an(16), '$REDIS_PASSWORD', (v) => `REDIS=${dbUrl('rediss', v)}`),
  'amqp-url-password': c(an(16), '{{ amqp_password }}', (v) => `BROKER=${dbUrl('amqps', v)}`),
  'mssql-url-password': c(an(16), '%s', (v) => `conn=${dbUrl('mssql', v)}`),
  'ftp-url-password': c(an(16), 'changeme', (v) => `mirror ${dbUrl('ftp', v)}`),
  'ldap-url-password': c(an(16), '****', (v) => `bind ${dbUrl('ldaps', v)}`),
  'smtp-url-password': c(an(16), '${SMTP_PASS}', (v) => `MAIL_URL=${dbUrl('smtp', v)}`),
  'http-url-password': c(an(16), an(16), (v) => `git clone https://deploy:${v}@git.acme.internal/app.git`),
  'generic-password': c(pw, '${DB_PASSWORD}', (v) => `db_password = "${v}"`),
  'generic-secret': c(an(32), 'aaaaaaaabbbbbbbbcccc', (v) => `client_secret: ${v}`),
  'generic-token': c(url(40), url(40), (v) => `auth_token = "${v}"`),
  'generic-api-key': c(an(32), 'process.env.API_KEY', (v) => `api_key = ${v}`),
};
// Near misses that need more than a different value.
CASES['http-url-password'] = {
  ...(CASES['http-url-password'] as Case),
  miss: `see https://user:pass@example.com/`,
};
CASES['generic-token'] = {
  ...(CASES['generic-token'] as Case),
  miss: `token_url = "https://auth.acme.internal/oauth2/token"`,
};
(CASES['heroku-api-key-legacy'] as Case).secret =
  (CASES['heroku-api-key-legacy'] as Case).text.split('=')[1] ?? '';

describe('the rule catalog', () => {
  it('has at least 100 rules with unique kebab-case ids, keywords, a secret group and a cited source', () => {
    expect(SECRET_RULES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(SECRET_RULES.map((rule) => rule.id)).size).toBe(SECRET_RULES.length);
    for (const rule of SECRET_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.keywords.length).toBeGreaterThan(0);
      for (const keyword of rule.keywords) expect(keyword).toBe(keyword.toLowerCase());
      expect(rule.pattern.source).toContain('(?<secret>');
      expect(rule.source).toMatch(/^https:\/\//);
    }
  });

  it('has a true positive and a near miss for every rule', () => {
    expect(SECRET_RULES.map((rule) => rule.id).filter((id) => !(id in CASES))).toEqual([]);
  });

  describe.each(SECRET_RULES.map((rule) => [rule.id]))('%s', (id) => {
    const testCase = CASES[id] as Case;
    it('finds its secret, redacted', () => {
      const found = scanText(testCase.text).filter((finding) => finding.ruleId === id);
      expect(found).toHaveLength(1);
      const [finding] = found;
      expect(testCase.text.slice(finding?.start, finding?.end)).toBe(testCase.secret);
      const shown = Object.values(finding ?? {}).filter(
        (value): value is string => typeof value === 'string',
      );
      for (const value of shown) expect(value).not.toContain(testCase.secret.slice(4, 16));
    });
    it('finds nothing in its near miss', () => {
      expect(scanText(testCase.miss).map((finding) => finding.ruleId)).not.toContain(id);
    });
  });
});

// Formats checked against their vendors' documentation (issue 10): the variants one case per rule leaves out.
describe('documented token variants', () => {
  const found = (text: string) => scanText(text).map((finding) => finding.ruleId);
  it.each([
    ['gitlab-pat', 'a legacy 20-character GitLab token', 'glpat-' + url(20)],
    [
      'gitlab-pat',
      'a routable GitLab token of the longest documented length',
      `glpat-${url(297)}.01.${lc(9)}`,
    ],
    ['fly-io-token', 'a fly.io OAuth token', 'fo1_' + url(43)],
    ['fly-io-token', 'an older fly.io macaroon', 'fm1r_' + b64(150)],
    ['doppler-personal-token', 'a 43-character Doppler personal token', 'dp.pt.' + an(43)],
    ['atlassian-api-token', 'a longer Atlassian API token (their length varies)', 'ATATT3' + url(250)],
  ])('finds %s in %s', (id, _situation, secret) => {
    const findings = scanText(`token = "${secret}"`).filter((finding) => finding.ruleId === id);
    expect(findings.map((finding) => finding.end - finding.start)).toEqual([secret.length]);
  });

  it('does not take a fly.io OAuth token one character short for one', () => {
    expect(found(`token = "fo1_${url(42)}"`)).not.toContain('fly-io-token');
  });

  it('does not report a Twilio account SID, which is an identifier and not a secret', () => {
    expect(found(`TWILIO_ACCOUNT_SID=AC${hex(32)}`)).toEqual([]);
  });
});

describe('checksums', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });
  it('encodes base62 with digits first, padded', () => {
    expect(base62(61, 3)).toBe('00z');
    expect(base62(62, 1)).toBe('10');
  });
});
