import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const DAY = 86_400_000;

export default defineCheck({
  id: 'iam-role-unused',
  title: 'IAM roles are used, or removed',
  description:
    'Every role other than a service-linked one has been assumed within the last maxUnusedDays days (from the role last-used data IAM keeps for 400 days). A role created more recently than that passes: it cannot have been unused for that long.',
  risk: 'Unused roles keep their permissions and trust relationships: forgotten doors for a third party that no longer works with you, or for an attacker who finds one, and nobody notices when they are used again.',
  severity: 'low',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'resource',
  reads: ['name', 'createdAt', 'lastUsedAt', 'isServiceLinked'],
  appliesTo: (role) => !role.attributes.isServiceLinked,
  thresholds: {
    maxUnusedDays: {
      default: 90,
      description: 'Days without being assumed after which a role counts as unused.',
    },
  },
  remediation: {
    text: 'Confirm with the owner that the role is no longer needed (look at its last activity in IAM and CloudTrail), then delete it: detach its policies, remove it from instance profiles and delete the role.',
    cli: 'aws iam get-role --role-name <role> --query Role.RoleLastUsed\naws iam delete-role --role-name <role>',
    terraform: '# remove the aws_iam_role resource (and its policy attachments) and apply',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_access-advisor.html',
  },
  evaluate(role, ctx) {
    const { name, createdAt, lastUsedAt } = role.attributes;
    const limit = ctx.thresholds.maxUnusedDays;
    const age = Math.floor((ctx.now.getTime() - Date.parse(createdAt)) / DAY);
    if (lastUsedAt !== null) {
      const idle = Math.floor((ctx.now.getTime() - Date.parse(lastUsedAt)) / DAY);
      return idle <= limit
        ? pass(`Role ${name} was last used ${idle} days ago`, { lastUsedAt })
        : fail(`Role ${name} has not been used for ${idle} days (limit ${limit})`, {
            lastUsedAt,
            idleDays: idle,
          });
    }
    if (age <= limit)
      return pass(`Role ${name} was created ${age} days ago and has not been used yet`, {
        createdAt,
        lastUsedAt,
      });
    return fail(`Role ${name}, created ${age} days ago, has no recorded use (limit ${limit} days)`, {
      createdAt,
      lastUsedAt,
    });
  },
});
