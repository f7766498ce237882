import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeStatement, fullAdminStatements } from '../../iam/analyses/documents.js';

export default defineCheck({
  id: 'iam-policy-no-full-admin',
  title: 'Attached customer managed policies do not grant full "*:*" administrative access',
  description:
    'A customer managed policy attached to a user, group or role must not contain an unconditional Allow of every action ("*") on every resource ("*") (CIS 1.15, FSBP IAM.1). Unattached policies grant nothing and are left out; AWS managed policies such as AdministratorAccess are judged where they are attached.',
  risk: 'Whoever holds the policy can do anything in the account, including turning off logging, deleting backups and granting themselves or an attacker more access; one leaked credential is a full account compromise.',
  severity: 'high',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.managed-policy',
  scope: 'resource',
  reads: ['arn', 'name', 'awsManaged', 'attachmentCount', 'defaultVersionDocument'],
  appliesTo: (policy) => !policy.attributes.awsManaged && policy.attributes.attachmentCount > 0,
  remediation: {
    text: 'Replace the "*:*" statement with the actions and resources the holders need (IAM Access Analyzer can generate a policy from CloudTrail activity), publish it as a new default version, and delete the old versions. Keep full administration for a few break-glass roles.',
    cli: 'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default\naws iam delete-policy-version --policy-arn <policy-arn> --version-id <old-version>',
    cloudformation:
      'Policy:\n  Type: AWS::IAM::ManagedPolicy\n  Properties:\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Action: ["s3:GetObject"]\n          Resource: "arn:aws:s3:::reports/*"',
    terraform:
      'data "aws_iam_policy_document" "least_privilege" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::reports/*"]\n  }\n}\n\nresource "aws_iam_policy" "this" {\n  name   = "<name>"\n  policy = data.aws_iam_policy_document.least_privilege.json\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  evaluate(policy) {
    const { name, attachmentCount, defaultVersionDocument } = policy.attributes;
    const admin = fullAdminStatements(defaultVersionDocument);
    if (admin.length === 0) return pass(`Policy ${name} does not grant every action on every resource`);
    return fail(
      `Policy ${name}, attached ${attachmentCount} time(s), grants full administrator access (* on *) through ${admin.map(describeStatement).join(', ')}`,
      { attachmentCount, statements: admin.map((statement) => statement.sid) },
    );
  },
});
