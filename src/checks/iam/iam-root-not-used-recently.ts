import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const DAY_MS = 86_400_000;

export default defineCheck({
  id: 'iam-root-not-used-recently',
  title: 'The root user has not been used recently',
  description:
    'The root user is for the few tasks only it can do. Its console password and any access key must not have been used within the threshold (CIS 1.6: eliminate use of the root user for administrative and daily tasks). A key’s last use counts whether or not the key is still active.',
  risk: 'Routine root use means the most powerful credentials are typed, stored and exposed often; root cannot be restricted by IAM policies, and what is done as root is not attributable to a person.',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.root-user',
  scope: 'resource',
  reads: ['passwordLastUsed', 'accessKeys'],
  thresholds: {
    days: {
      default: 90,
      description: 'Days the root user’s password and access keys must have gone unused',
    },
  },
  remediation: {
    text: 'Find out who used the root user and for what (CloudTrail events with userIdentity.type Root), give them an IAM Identity Center or IAM role with the permissions they need, delete root access keys, and keep the root password and MFA device locked away for the tasks that require root. In an organization, centralized root access lets you remove member accounts’ root credentials altogether. AWS has no API or infrastructure-code setting for this.',
    cli: "# who used root in the last 90 days (per region, management events):\naws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 50\n# root's last password and key use, from the credential report:\naws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d | grep '<root_account>'",
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
  },
  evaluate(root, ctx) {
    const days = ctx.thresholds.days;
    const ageOf = (at: string) => Math.floor((ctx.now.getTime() - Date.parse(at)) / DAY_MS);
    const uses = [
      ...(root.attributes.passwordLastUsed === null
        ? []
        : [{ credential: 'password', lastUsed: root.attributes.passwordLastUsed }]),
      ...root.attributes.accessKeys.flatMap((key, index) =>
        key.lastUsedAt === null
          ? []
          : [{ credential: key.id ?? `access key ${index + 1}`, lastUsed: key.lastUsedAt }],
      ),
    ].map((use) => ({ ...use, daysAgo: ageOf(use.lastUsed) }));
    const recent = uses.filter((use) => use.daysAgo < days);
    if (recent.length > 0) {
      const list = recent.map((use) => `${use.credential} (${use.daysAgo} days ago)`).join(', ');
      return fail(`The root user was used in the last ${days} days: ${list}`, { days, recentUses: recent });
    }
    if (uses.length === 0) {
      return pass('The root user’s password and access keys have never been used', { days, uses: [] });
    }
    const latest = Math.min(...uses.map((use) => use.daysAgo));
    return pass(`The root user was last used ${latest} days ago (over ${days} days)`, { days, uses });
  },
});
