import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const CLOUDSHELL = /^arn:[^:]+:iam::aws:policy\/AWSCloudShellFullAccess$/;

export default defineCheck({
  id: 'iam-policy-cloudshell-full-access-not-attached',
  title: 'The AWSCloudShellFullAccess policy is attached to no one',
  description:
    'The AWS managed policy AWSCloudShellFullAccess is not attached to any user, group or role (CIS 1.21). It allows uploading and downloading files to and from CloudShell environments, which are reachable from any network.',
  risk: 'CloudShell file transfer and internet access are a path to take data out of the account, or bring tools in, that bypasses your network controls.',
  severity: 'medium',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.managed-policy',
  scope: 'account',
  reads: ['arn', 'attachmentCount'],
  remediation: {
    text: 'Detach AWSCloudShellFullAccess from every user, group and role. Grant those who need CloudShell a policy without cloudshell:PutFileUpload and cloudshell:GetFileDownloadUrls, or deny those actions.',
    cli: 'aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess\naws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
    terraform:
      '# remove every aws_iam_*_policy_attachment of arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
    url: 'https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html',
  },
  evaluate(scope) {
    // The authorization details list an AWS managed policy only while it is attached: absence means attached to no one.
    const policy = scope.resources.find((candidate) => CLOUDSHELL.test(candidate.attributes.arn));
    const count = policy?.attributes.attachmentCount ?? 0;
    if (count === 0) return pass('AWSCloudShellFullAccess is attached to no user, group or role');
    return fail(`AWSCloudShellFullAccess is attached to ${count} user(s), group(s) or role(s)`, {
      attachmentCount: count,
    });
  },
});
