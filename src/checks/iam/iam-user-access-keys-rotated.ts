import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

const DAY_MS = 86_400_000;

export default defineCheck({
  id: 'iam-user-access-keys-rotated',
  title: 'IAM users’ active access keys are rotated',
  description:
    'Long-lived access keys leak through code, logs, laptops and CI systems. Every active access key of an IAM user must be younger than the threshold; users with no active key are not concerned.',
  risk: 'A key that leaked months ago still works; the older a key, the more places it has been copied to and the longer an attacker can use it unnoticed.',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'accessKeys'],
  thresholds: {
    maxAgeDays: { default: 90, description: 'Days an active access key may exist before it must be rotated' },
  },
  appliesTo: (user) => user.attributes.accessKeys.some((key) => key.status === 'Active'),
  remediation: {
    text: 'Prefer no access keys at all: use IAM roles, IAM Identity Center or OIDC federation for CI. Where a key is unavoidable, rotate it: create a second key, move every consumer to it, deactivate the old key, watch for breakage, then delete it.',
    cli: 'aws iam create-access-key --user-name <user>\n# move every consumer to the new key, then:\naws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive\naws iam delete-access-key --user-name <user> --access-key-id <old-key-id>',
    cloudformation:
      '# increment Serial to make CloudFormation replace (rotate) the key\nAccessKey:\n  Type: AWS::IAM::AccessKey\n  Properties:\n    UserName: !Ref User\n    Serial: 2',
    terraform:
      '# rotate a key Terraform manages by replacing it:\n#   terraform apply -replace=aws_iam_access_key.this\nresource "aws_iam_access_key" "this" {\n  user = aws_iam_user.this.name\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html',
  },
  evaluate(user, ctx) {
    const { name, accessKeys } = user.attributes;
    const maxAgeDays = ctx.thresholds.maxAgeDays;
    const active = accessKeys.flatMap((key, index) =>
      key.status === 'Active' ? [{ ...key, label: key.id ?? `access key ${index + 1}` }] : [],
    );
    const aged = active.map((key) => ({
      id: key.label,
      createdAt: key.createdAt,
      ageDays:
        key.createdAt === null ? null : Math.floor((ctx.now.getTime() - Date.parse(key.createdAt)) / DAY_MS),
    }));
    const stale = aged.filter((key) => key.ageDays !== null && key.ageDays > maxAgeDays);
    if (stale.length > 0) {
      const list = stale.map((key) => `${key.id} (${key.ageDays} days)`).join(', ');
      const plural = stale.length > 1 ? `${stale.length} active access keys` : 'an active access key';
      return fail(`${name} has ${plural} older than ${maxAgeDays} days: ${list}`, {
        maxAgeDays,
        staleKeys: stale.map(({ id, ageDays, createdAt }) => ({ id, ageDays, createdAt })),
      });
    }
    const unknown = aged.find((key) => key.ageDays === null);
    if (unknown) {
      return notEvaluated(
        {
          field: 'accessKeys',
          reason: 'not-collected',
          detail: `the creation date of ${name}'s active key ${unknown.id} was not collected`,
        },
        `Could not tell how old ${name}'s active access key ${unknown.id} is`,
      );
    }
    const oldest = Math.max(...aged.map((key) => key.ageDays ?? 0));
    return pass(`${name}'s active access keys are at most ${maxAgeDays} days old (oldest: ${oldest} days)`, {
      maxAgeDays,
      activeKeys: aged.map(({ id, ageDays }) => ({ id, ageDays })),
    });
  },
});
