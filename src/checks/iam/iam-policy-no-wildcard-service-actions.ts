import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { wildcardGrants } from '../../iam/analyses/documents.js';

export default defineCheck({
  id: 'iam-policy-no-wildcard-service-actions',
  title: 'Customer managed policies do not allow every action of a service ("s3:*")',
  description:
    'No Allow statement of a customer managed policy names a whole service ("s3:*", "iam:*") or every action ("*"), or allows everything but a list (NotAction) (FSBP IAM.21). "s3:Get*" is not a service wildcard. AWS managed policies are written by AWS and left out; unattached policies are included, since attaching them is one call away.',
  risk: 'A service wildcard grants every action the service has and will have, destructive and permission-changing ones included (s3:DeleteBucket, s3:PutBucketPolicy, kms:ScheduleKeyDeletion, iam:PassRole); a leaked credential or a mistaken script can do far more than the job needs.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.managed-policy',
  scope: 'resource',
  reads: ['name', 'awsManaged', 'defaultVersionDocument'],
  appliesTo: (policy) => !policy.attributes.awsManaged,
  remediation: {
    text: 'List the actions the job needs instead of the whole service; IAM Access Analyzer can generate a policy from CloudTrail activity, and the last-accessed data of the principal shows which actions are used.',
    cli: 'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default',
    cloudformation:
      'Policy:\n  Type: AWS::IAM::ManagedPolicy\n  Properties:\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Action: ["s3:GetObject", "s3:PutObject"]\n          Resource: "arn:aws:s3:::uploads/*"',
    terraform:
      'resource "aws_iam_policy" "this" {\n  name = "<name>"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::uploads/*" }]\n  })\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  evaluate(policy) {
    const found = wildcardGrants(policy.attributes.defaultVersionDocument).map((grant) =>
      grant.sid ? `${grant.grant} (statement ${grant.sid})` : grant.grant,
    );
    const { name } = policy.attributes;
    if (found.length === 0) return pass(`Policy ${name} allows no whole service or every action`);
    return fail(`Policy ${name} allows whole services: ${found.join('; ')}`, { grants: found });
  },
});
