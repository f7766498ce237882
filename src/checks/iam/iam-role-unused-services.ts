import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { ageInDays, describeUnused, unusedServices } from './support/unused-services.js';

export default defineCheck({
  id: 'iam-role-unused-services',
  title: 'IAM roles have no permissions to services they have not used in 90 days',
  description:
    'From IAM last-accessed data (access advisor, service level): every service the role’s permissions policies allow has been used within maxUnusedDays days. A service allowed but never used in IAM’s tracking period (at least 400 days), or not for the threshold, is unused access. Roles created within the threshold pass; service-linked roles are skipped, since AWS owns their policies. Access advisor considers identity-based policies only, not permissions boundaries or SCPs, and counts denied attempts as use. A permission granted recently to an older role also shows as never used until it is.',
  risk: 'Whoever can assume the role, or steals its session from a workload, gets every service the role may use. Services it has not needed for months only widen what a compromised workload or a misused trust relationship can reach.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'resource',
  reads: ['name', 'createdAt', 'isServiceLinked', 'servicesLastAccessed'],
  appliesTo: (role) => !role.attributes.isServiceLinked,
  thresholds: {
    maxUnusedDays: {
      default: 90,
      description: 'Days without use after which a service the role may use counts as unused access.',
    },
  },
  remediation: {
    text: 'Review the role’s Access Advisor tab in the IAM console (or the CLI below), then remove the unused services from its policies: replace broad grants with policies naming only the services and actions the workload uses. IAM Access Analyzer can generate a policy from the role’s CloudTrail activity.',
    cli: 'job=$(aws iam generate-service-last-accessed-details --arn arn:aws:iam::<account>:role/<role> --query JobId --output text)\naws iam get-service-last-accessed-details --job-id "$job" --query "ServicesLastAccessed[].[ServiceNamespace,LastAuthenticated]"\n# then narrow or detach the policies that grant the unused services:\naws iam put-role-policy --role-name <role> --policy-name <policy> --policy-document file://narrowed.json\naws iam detach-role-policy --role-name <role> --policy-arn <policy-arn>',
    cloudformation:
      '# keep only the services in use in the role\'s policies:\nRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument: ...\n    Policies:\n      - PolicyName: needed\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage"]\n              Resource: !GetAtt Queue.Arn',
    terraform:
      '# keep only the services in use in the role\'s policies:\nresource "aws_iam_role_policy" "needed" {\n  role   = aws_iam_role.this.id\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource = aws_sqs_queue.jobs.arn }]\n  })\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html',
  },
  evaluate(role, ctx) {
    const { name, createdAt, servicesLastAccessed } = role.attributes;
    const limit = ctx.thresholds.maxUnusedDays;
    const age = ageInDays(createdAt, ctx.now);
    if (age < limit) {
      return pass(`Role ${name} was created ${age} days ago, within the ${limit}-day window`, {
        createdAt,
        maxUnusedDays: limit,
      });
    }
    const unused = unusedServices(servicesLastAccessed, ctx.now, limit);
    if (unused.length > 0) {
      return fail(
        `Role ${name} may use ${unused.length} of ${servicesLastAccessed.length} services it has not used in ${limit} days: ${describeUnused(unused)}`,
        { maxUnusedDays: limit, unused },
      );
    }
    if (servicesLastAccessed.length === 0)
      return pass(`Role ${name}'s policies allow no AWS service`, { maxUnusedDays: limit });
    return pass(
      `Role ${name} used ${servicesLastAccessed.length === 1 ? 'the one service' : `each of the ${servicesLastAccessed.length} services`} its policies allow in the last ${limit} days`,
      { maxUnusedDays: limit, services: servicesLastAccessed },
    );
  },
});
