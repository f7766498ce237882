import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'iam-user-single-active-key',
  title: 'IAM users have at most one active access key',
  description:
    'An IAM user may hold two access keys so that one can be rotated, but only one should be active outside a rotation (CIS 1.12). Users without access keys are not concerned.',
  risk: 'A second active key doubles what can leak, and is usually a rotation left half-done: the old key keeps working in places nobody tracks.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'accessKeys'],
  appliesTo: (user) => user.attributes.accessKeys.length > 0,
  remediation: {
    text: 'Find which key is still in use (its last use in the credential report or with get-access-key-last-used), move every consumer to it, then deactivate and delete the other key.',
    cli: 'aws iam list-access-keys --user-name <user>\naws iam get-access-key-last-used --access-key-id <key-id>\naws iam update-access-key --user-name <user> --access-key-id <unused-key-id> --status Inactive\naws iam delete-access-key --user-name <user> --access-key-id <unused-key-id>',
    cloudformation:
      '# keep a single AWS::IAM::AccessKey per user, or mark the second one inactive:\nOldKey:\n  Type: AWS::IAM::AccessKey\n  Properties:\n    UserName: !Ref User\n    Status: Inactive',
    terraform:
      '# keep a single aws_iam_access_key per user, or mark the second one inactive:\nresource "aws_iam_access_key" "old" {\n  user   = aws_iam_user.this.name\n  status = "Inactive"\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html',
  },
  evaluate(user) {
    const { name, accessKeys } = user.attributes;
    const active = accessKeys.flatMap((key, index) =>
      key.status === 'Active'
        ? [{ id: key.id ?? `access key ${index + 1}`, createdAt: key.createdAt, lastUsedAt: key.lastUsedAt }]
        : [],
    );
    if (active.length > 1) {
      return fail(
        `${name} has ${active.length} active access keys: ${active.map((key) => key.id).join(', ')}`,
        {
          activeKeys: active,
        },
      );
    }
    return pass(
      active.length === 1
        ? `${name} has one active access key (${active[0]?.id})`
        : `${name} has no active access key`,
      { activeKeys: active, inactiveKeys: accessKeys.length - active.length },
    );
  },
});
