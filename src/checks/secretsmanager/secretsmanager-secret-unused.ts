import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const DAY_MS = 86_400_000;

const daysText = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

export default defineCheck({
  id: 'secretsmanager-secret-unused',
  title: 'Secrets Manager secrets have been used recently',
  description:
    'A secret nobody has retrieved for the threshold number of days (FSBP SecretsManager.3) is probably no longer needed. Secrets Manager records the day of the last retrieval; a secret never retrieved is judged by its creation date.',
  risk: 'Forgotten secrets keep valid credentials alive with no owner watching them, and they cost money; whoever finds one can use it unnoticed.',
  severity: 'medium',
  service: 'secretsmanager',
  domain: 'secrets',
  kind: 'secretsmanager.secret',
  scope: 'resource',
  reads: ['name', 'lastAccessedAt', 'createdAt'],
  thresholds: {
    maxUnusedDays: {
      default: 90,
      description:
        'The most days a secret may go without being retrieved (or since creation, if it never was)',
    },
  },
  remediation: {
    text: 'Confirm with the owner that nothing uses the secret (CloudTrail GetSecretValue events), revoke the credential it holds, then delete the secret with a recovery window.',
    cli: 'aws secretsmanager delete-secret --secret-id <secret> --recovery-window-in-days 30',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html',
  },
  evaluate(secret, ctx) {
    const { name, lastAccessedAt, createdAt } = secret.attributes;
    const maxUnusedDays = ctx.thresholds.maxUnusedDays;
    const since = lastAccessedAt ?? createdAt;
    // lastAccessedAt is a day (YYYY-MM-DD), read as midnight UTC: the age is counted in whole days either way.
    const idleDays = Math.floor((ctx.now.getTime() - Date.parse(since)) / DAY_MS);
    const event = lastAccessedAt ? 'last retrieved' : 'created and never retrieved';
    const evidence = { lastAccessedAt, createdAt, idleDays, maxUnusedDays };
    return idleDays <= maxUnusedDays
      ? pass(`Secret ${name} was ${event} ${daysText(idleDays)} ago`, evidence)
      : fail(
          `Secret ${name} was ${event} ${daysText(idleDays)} ago (unused for over ${maxUnusedDays} days)`,
          evidence,
        );
  },
});
