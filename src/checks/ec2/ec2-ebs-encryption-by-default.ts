import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-ebs-encryption-by-default',
  title: 'EBS encryption by default is enabled in the region',
  description:
    'With encryption by default, every new EBS volume and snapshot copy in the region is encrypted, whoever creates it and however. The setting is per region; it does not encrypt existing volumes.',
  risk: 'Volumes created without encryption keep data, and the snapshots taken of them, in clear text; an unencrypted snapshot shared by mistake exposes the whole disk.',
  severity: 'medium',
  service: 'ec2',
  domain: 'data',
  kind: 'ec2.ebs-encryption-by-default',
  scope: 'resource',
  reads: ['enabled', 'kmsKeyId'],
  remediation: {
    text: 'Enable EBS encryption by default in every region you use (and in the others, so nothing unencrypted appears there). Optionally set a customer managed KMS key as the default. Existing unencrypted volumes must be copied to encrypted ones separately.',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>',
    cloudformation:
      '# CloudFormation has no resource type for this regional setting: apply it with the CLI or Terraform in each region.',
    terraform: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  },
  evaluate(setting) {
    const { enabled, kmsKeyId } = setting.attributes;
    const key = kmsKeyId ?? 'the AWS managed key aws/ebs';
    return enabled
      ? pass(`New EBS volumes in ${setting.region} are encrypted by default with ${key}`, {
          enabled,
          kmsKeyId,
        })
      : fail(`EBS encryption by default is disabled in ${setting.region}`, { enabled, kmsKeyId });
  },
});
