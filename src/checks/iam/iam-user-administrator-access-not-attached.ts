import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const ADMINISTRATOR_ACCESS = /^arn:[^:]+:iam::aws:policy\/AdministratorAccess$/;

export default defineCheck({
  id: 'iam-user-administrator-access-not-attached',
  title: 'No IAM user has the AdministratorAccess policy attached directly',
  description:
    'The AWS managed AdministratorAccess policy is not attached straight to an IAM user. Administration belongs to roles assumed when needed (or, at least, to a reviewed group), not to long-lived user credentials.',
  risk: 'A user with AdministratorAccess turns any leak of its password or access keys into a full account compromise, and grants made user by user escape group-level reviews.',
  severity: 'high',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'attachedManagedPolicies'],
  remediation: {
    text: 'Detach AdministratorAccess from the user. Give administrators a role they assume with MFA (or IAM Identity Center permission sets), and keep at most a break-glass user with strong controls.',
    cli: 'aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    cloudformation:
      'Admin:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument: # trust your administrators, with MFA\n    ManagedPolicyArns:\n      - arn:aws:iam::aws:policy/AdministratorAccess',
    terraform:
      '# remove the aws_iam_user_policy_attachment of AdministratorAccess and attach it to a role instead\nresource "aws_iam_role_policy_attachment" "admin" {\n  role       = aws_iam_role.admin.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp',
  },
  evaluate(user) {
    const { name, attachedManagedPolicies } = user.attributes;
    const admin = attachedManagedPolicies.find((arn) => ADMINISTRATOR_ACCESS.test(arn));
    return admin
      ? fail(`User ${name} has AdministratorAccess attached directly`, { policyArn: admin })
      : pass(`User ${name} does not have AdministratorAccess attached directly`);
  },
});
