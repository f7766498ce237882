import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { wildcardGrants } from '../../iam/analyses/documents.js';

export default defineCheck({
  id: 'iam-role-inline-policy-no-wildcard-actions',
  title: 'IAM role inline policies do not allow every action of a service ("s3:*")',
  description:
    'No Allow statement in the inline policies of an IAM role names a whole service ("s3:*"), every action ("*"), or everything but a list (NotAction). "s3:Get*" is not a service wildcard. Service-linked roles are written by AWS and left out.',
  risk: 'A service wildcard grants every action the service has and will have, destructive and permission-changing ones included (s3:DeleteBucket, s3:PutBucketPolicy, kms:ScheduleKeyDeletion, iam:PassRole); a leaked credential or a mistaken script can do far more than the job needs.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'resource',
  reads: ['name', 'inlinePolicies', 'isServiceLinked'],
  appliesTo: (role) => !role.attributes.isServiceLinked,
  remediation: {
    text: 'List the actions the job needs instead of the whole service; IAM Access Analyzer can generate a policy from CloudTrail activity, and the last-accessed data of the principal shows which actions are used.',
    cli: 'aws iam put-role-policy --role-name <role> --policy-name <policy> --policy-document file://least-privilege.json',
    cloudformation:
      'Role:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: uploads\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: ["s3:GetObject", "s3:PutObject"]\n              Resource: "arn:aws:s3:::uploads/*"',
    terraform:
      'resource "aws_iam_role_policy" "uploads" {\n  role = aws_iam_role.this.id\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::uploads/*" }]\n  })\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  evaluate(role) {
    const documents = role.attributes.inlinePolicies;
    const found = documents.flatMap(({ name, document }) =>
      wildcardGrants(document).map(
        (grant) => `${grant.grant} in inline policy ${name}${grant.sid ? ` (statement ${grant.sid})` : ''}`,
      ),
    );
    const { name } = role.attributes;
    if (found.length === 0) return pass(`Role ${name} allows no whole service or every action`);
    return fail(`Role ${name} allows whole services: ${found.join('; ')}`, { grants: found });
  },
});
