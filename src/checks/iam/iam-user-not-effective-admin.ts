import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';
import { adminStatus } from '../../iam/analyses/admins.js';
import {
  ACCOUNT_MODEL_RELATED,
  accountModelFor,
  partialViewGap,
  principalOf,
} from './support/account-model.js';

export default defineCheck({
  id: 'iam-user-not-effective-admin',
  title: 'IAM users with long-lived credentials are not effective administrators',
  description:
    "A user with an active access key or a console password must not be able to do everything in the account. onus's IAM policy engine evaluates the user's inline, attached and group policies for a probe set of administrator actions on every resource (IAM policy and key changes, iam:PassRole, sts:AssumeRole, running instances and functions, bucket policies and data, KMS grants and decryption, stopping CloudTrail, leaving the organization); all allowed means administrator, whichever policy or group grants it.",
  risk: 'Keys and passwords do not expire on their own: leaked from a laptop, a repository or a phishing page, they hand over the whole account. Administrators should work through roles with short-lived sessions (IAM Identity Center or sts:AssumeRole with MFA).',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'accessKeys', 'passwordEnabled', 'inlinePolicies', 'attachedManagedPolicies', 'groups'],
  related: ACCOUNT_MODEL_RELATED,
  appliesTo: (user) =>
    user.attributes.passwordEnabled || user.attributes.accessKeys.some((key) => key.status === 'Active'),
  remediation: {
    text: 'Give administrators federated access through IAM Identity Center, or an administrator role they assume with MFA, and remove the administrator policies (and group memberships) from the IAM user; delete its access keys if nothing but a person uses them.',
    cli: 'aws iam remove-user-from-group --user-name <user> --group-name <admins-group>\naws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess\naws iam delete-user-policy --user-name <user> --policy-name <inline-admin-policy>',
    cloudformation:
      'AdminRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }\n          Action: sts:AssumeRole\n          Condition: { Bool: { aws:MultiFactorAuthPresent: "true" } }\n    ManagedPolicyArns:\n      - arn:aws:iam::aws:policy/AdministratorAccess',
    terraform:
      'resource "aws_iam_role" "admin" {\n  name = "admin"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::<account>:root" }\n      Action    = "sts:AssumeRole"\n      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }\n    }]\n  })\n}\n\nresource "aws_iam_role_policy_attachment" "admin" {\n  role       = aws_iam_role.admin.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp',
  },
  evaluate(user, ctx) {
    const model = accountModelFor(ctx, user.account);
    const principal = principalOf(model, user);
    const { name, passwordEnabled, accessKeys } = user.attributes;
    const activeKeys = accessKeys.filter((key) => key.status === 'Active').length;
    const credentials = [
      passwordEnabled ? 'a console password' : null,
      activeKeys > 0 ? `${activeKeys} active access key(s)` : null,
    ]
      .filter((part) => part !== null)
      .join(' and ');
    const status = adminStatus(principal);
    switch (status.status) {
      case 'unknown':
        return notEvaluated(
          partialViewGap(status.reasons),
          `User ${name}: not all of its policies could be read (${status.reasons[0] ?? ''})`,
        );
      case 'not-admin':
        return pass(
          `User ${name} is not an effective administrator (not allowed: ${status.missing.slice(0, 3).join(', ')})`,
          {
            notAllowed: status.missing,
          },
        );
      case 'admin':
        return fail(
          `User ${name} has ${credentials} and is an effective administrator through ${[...new Set(status.granting.map((statement) => statement.policy))].join(', ')}`,
          {
            passwordEnabled,
            activeKeys,
            grantedBy: status.granting.map(
              (statement) => `${statement.policy} ${statement.sid ?? statement.path}`,
            ),
          },
        );
    }
  },
});
