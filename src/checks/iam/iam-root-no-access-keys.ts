import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'iam-root-no-access-keys',
  title: 'The root user has no access keys',
  description:
    'Access keys give programmatic access with all of the root user’s power, and no policy can restrict them. The root user should have none, not even inactive ones: an inactive key can be turned back on.',
  risk: 'A leaked root key (a committed config file, a laptop, a CI log) gives full, unrestricted control of the account, and it cannot be scoped down or protected by MFA.',
  severity: 'critical',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.root-user',
  scope: 'resource',
  reads: ['accessKeys'],
  remediation: {
    text: 'Move whatever uses the root key to an IAM role, then delete the key: sign in as the root user, open Security credentials, and delete each access key (deactivate it first to see what breaks). In an organization with centralized root access, the management account can delete member-account root keys in a privileged session scoped by the IAMDeleteRootUserCredentials task policy. AWS does not allow this through infrastructure code.',
    cli: "# with the root user's own credentials (no --user-name):\naws iam delete-access-key --access-key-id <root-access-key-id>\n\n# or, from the management account with centralized root access:\naws sts assume-root --target-principal <member-account-id> --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials\n# then, with the returned credentials:\naws iam list-access-keys\naws iam delete-access-key --access-key-id <root-access-key-id>",
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  evaluate(root) {
    const keys = root.attributes.accessKeys;
    if (keys.length === 0) return pass('The root user has no access keys', { accessKeys: [] });
    const active = keys.filter((key) => key.status === 'Active').length;
    const inactive = keys.length - active;
    const counts = [
      ...(active > 0 ? [`${active} active`] : []),
      ...(inactive > 0 ? [`${inactive} inactive`] : []),
    ].join(' and ');
    return fail(`The root user has ${counts} access key${keys.length > 1 ? 's' : ''}`, {
      active,
      inactive,
      accessKeys: keys.map((key) => ({
        id: key.id,
        status: key.status,
        createdAt: key.createdAt,
        lastUsedAt: key.lastUsedAt,
      })),
    });
  },
});
