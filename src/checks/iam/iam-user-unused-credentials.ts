import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

const DAY_MS = 86_400_000;

interface Idle {
  credential: string;
  /** Days since the credential was last used, or since it was created when it never was; null when unknown. */
  idleDays: number | null;
  lastUsed: string | null;
}

export default defineCheck({
  id: 'iam-user-unused-credentials',
  title: 'IAM users’ console passwords and active access keys are used within 45 days',
  description:
    'A console password or an active access key that has not been used for the threshold (45 days in CIS 1.11) should be removed or deactivated. A credential never used counts from its creation: the password from the user’s creation, a key from its own. Users created within the window are not stale; users with neither a password nor an active key are not concerned.',
  risk: 'Forgotten credentials still work: nobody notices when they leak or are abused, and they outlive the people and systems they were issued to.',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'createdAt', 'passwordEnabled', 'passwordLastUsed', 'accessKeys'],
  thresholds: {
    days: {
      default: 45,
      description: 'Days without use after which a console password or active access key is stale (CIS 1.11)',
    },
  },
  appliesTo: (user) =>
    user.attributes.passwordEnabled || user.attributes.accessKeys.some((key) => key.status === 'Active'),
  remediation: {
    text: 'Remove the console password (delete the login profile) of users who no longer sign in, and deactivate then delete access keys that are not used. Where a user still needs access, prefer IAM Identity Center or roles over long-lived credentials.',
    cli: 'aws iam delete-login-profile --user-name <user>\naws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive\n# once nothing breaks:\naws iam delete-access-key --user-name <user> --access-key-id <key-id>',
    cloudformation:
      '# remove LoginProfile from the user and delete the unused AWS::IAM::AccessKey resource, or deactivate it:\nAccessKey:\n  Type: AWS::IAM::AccessKey\n  Properties:\n    UserName: !Ref User\n    Status: Inactive',
    terraform:
      '# remove the aws_iam_user_login_profile of a user who no longer signs in, and deactivate or remove unused keys:\nresource "aws_iam_access_key" "this" {\n  user   = aws_iam_user.this.name\n  status = "Inactive"\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  },
  evaluate(user, ctx) {
    const { name, createdAt, passwordEnabled, passwordLastUsed, accessKeys } = user.attributes;
    const days = ctx.thresholds.days;
    const ageOf = (at: string) => Math.floor((ctx.now.getTime() - Date.parse(at)) / DAY_MS);
    const userAgeDays = ageOf(createdAt);
    if (userAgeDays < days) {
      return pass(`${name} was created ${userAgeDays} days ago, within the ${days}-day window`, {
        days,
        createdAt,
        userAgeDays,
      });
    }
    const credentials: Idle[] = [
      ...(passwordEnabled
        ? [
            {
              credential: 'console password',
              idleDays: passwordLastUsed === null ? userAgeDays : ageOf(passwordLastUsed),
              lastUsed: passwordLastUsed,
            },
          ]
        : []),
      ...accessKeys.flatMap((key, index) => {
        if (key.status !== 'Active') return [];
        const since = key.lastUsedAt ?? key.createdAt;
        return [
          {
            credential: `access key ${key.id ?? index + 1}`,
            idleDays: since === null ? null : ageOf(since),
            lastUsed: key.lastUsedAt,
          },
        ];
      }),
    ];
    const describe = (item: Idle) =>
      `${item.credential} ${item.lastUsed === null ? 'never used' : 'unused'} for ${item.idleDays} days`;
    const stale = credentials.filter((item) => item.idleDays !== null && item.idleDays >= days);
    if (stale.length > 0) {
      return fail(
        `${name} has credentials unused for ${days} days or more: ${stale.map(describe).join(', ')}`,
        {
          days,
          stale,
        },
      );
    }
    const unknown = credentials.find((item) => item.idleDays === null);
    if (unknown) {
      return notEvaluated(
        {
          field: 'accessKeys',
          reason: 'not-collected',
          detail: `neither the last use nor the creation date of ${name}'s ${unknown.credential} was collected`,
        },
        `Could not tell how long ${name}'s ${unknown.credential} has been unused`,
      );
    }
    return pass(`${name}'s credentials were all used in the last ${days} days`, { days, credentials });
  },
});
