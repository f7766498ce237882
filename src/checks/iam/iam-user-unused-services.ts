import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { ageInDays, describeUnused, unusedServices } from './support/unused-services.js';

export default defineCheck({
  id: 'iam-user-unused-services',
  title: 'IAM users have no permissions to services they have not used in 90 days',
  description:
    'From IAM last-accessed data (access advisor, service level): every service the user’s permissions policies allow has been used within maxUnusedDays days. A service allowed but never used in IAM’s tracking period (at least 400 days), or not for the threshold, is unused access. Users created within the threshold pass: they cannot have been idle that long. Access advisor considers identity-based policies only (attached, inline and through groups), not permissions boundaries or SCPs, and counts denied attempts as use. A permission granted recently to an older user also shows as never used until it is.',
  risk: 'Permissions nobody uses still work for whoever holds the user’s credentials: a leaked key or password reaches every service the user may use, not just the ones the job needs. Least privilege means removing what has not been needed for months.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.user',
  scope: 'resource',
  reads: ['name', 'createdAt', 'servicesLastAccessed'],
  thresholds: {
    maxUnusedDays: {
      default: 90,
      description: 'Days without use after which a service the user may use counts as unused access.',
    },
  },
  remediation: {
    text: 'Review the user’s Access Advisor tab in the IAM console (or the CLI below), then remove the unused services from the user’s policies, or from the groups it belongs to: replace broad grants with policies naming only the services and actions in use. Prefer roles with IAM Identity Center over long-lived users altogether.',
    cli: 'job=$(aws iam generate-service-last-accessed-details --arn arn:aws:iam::<account>:user/<user> --query JobId --output text)\naws iam get-service-last-accessed-details --job-id "$job" --query "ServicesLastAccessed[].[ServiceNamespace,LastAuthenticated]"\n# then narrow or detach the policies that grant the unused services:\naws iam put-user-policy --user-name <user> --policy-name <policy> --policy-document file://narrowed.json\naws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>',
    cloudformation:
      '# keep only the services in use in the user\'s policies:\nUser:\n  Type: AWS::IAM::User\n  Properties:\n    Policies:\n      - PolicyName: needed\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: ["s3:GetObject"]\n              Resource: arn:aws:s3:::reports/*',
    terraform:
      '# keep only the services in use in the user\'s policies:\nresource "aws_iam_user_policy" "needed" {\n  user   = aws_iam_user.this.name\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::reports/*" }]\n  })\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html',
  },
  evaluate(user, ctx) {
    const { name, createdAt, servicesLastAccessed } = user.attributes;
    const limit = ctx.thresholds.maxUnusedDays;
    const age = ageInDays(createdAt, ctx.now);
    if (age < limit) {
      return pass(`User ${name} was created ${age} days ago, within the ${limit}-day window`, {
        createdAt,
        maxUnusedDays: limit,
      });
    }
    const unused = unusedServices(servicesLastAccessed, ctx.now, limit);
    if (unused.length > 0) {
      return fail(
        `User ${name} may use ${unused.length} of ${servicesLastAccessed.length} services it has not used in ${limit} days: ${describeUnused(unused)}`,
        { maxUnusedDays: limit, unused },
      );
    }
    if (servicesLastAccessed.length === 0)
      return pass(`User ${name}'s policies allow no AWS service`, { maxUnusedDays: limit });
    return pass(
      `User ${name} used ${servicesLastAccessed.length === 1 ? 'the one service' : `each of the ${servicesLastAccessed.length} services`} its policies allow in the last ${limit} days`,
      { maxUnusedDays: limit, services: servicesLastAccessed },
    );
  },
});
