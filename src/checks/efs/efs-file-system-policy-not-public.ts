import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { exposureTarget, judgePolicy } from '../../iam/analyses/exposure.js';

export default defineCheck({
  id: 'efs-file-system-policy-not-public',
  title: 'EFS file system policy does not grant access to everyone',
  description:
    'A file system policy is public when an Allow names every principal and no condition ties it to an account, organization or VPC. Without a policy, EFS lets any client that reaches a mount target mount it: a network matter, left to the security group checks.',
  risk: 'Any AWS principal that can reach a mount target (through peering, VPN or a shared VPC) can mount, read and, with write actions, change or delete the files.',
  severity: 'high',
  service: 'efs',
  domain: 'data',
  kind: 'efs.file-system',
  scope: 'resource',
  reads: ['fileSystemId', 'policy'],
  remediation: {
    text: 'Replace "*" with the roles that mount the file system, or condition the statement on aws:PrincipalOrgID or aws:SourceVpc; require IAM authorization on the mount.',
    cli: 'aws efs describe-file-system-policy --file-system-id <id>\naws efs put-file-system-policy --file-system-id <id> --policy file://policy.json',
    cloudformation:
      "FileSystem:\n  Type: AWS::EFS::FileSystem\n  Properties:\n    FileSystemPolicy:\n      Version: '2012-10-17'\n      Statement:\n        - Effect: Allow\n          Principal: { AWS: !GetAtt AppRole.Arn }\n          Action: [elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite]",
    terraform:
      'resource "aws_efs_file_system_policy" "this" {\n  file_system_id = aws_efs_file_system.this.id\n  policy         = data.aws_iam_policy_document.efs.json # named roles, never "*" alone\n}',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html',
  },
  evaluate(resource) {
    const { fileSystemId, policy } = resource.attributes;
    if (policy === null) {
      return pass(
        `File system ${fileSystemId} has no file system policy: who can mount it depends on the network reach of its mount targets`,
        { policy: null },
      );
    }
    const verdict = judgePolicy(
      `File system ${fileSystemId}`,
      policy,
      exposureTarget(resource, 'elasticfilesystem'),
    );
    return verdict.public ? fail(verdict.message, verdict.evidence) : pass(verdict.message, verdict.evidence);
  },
});
