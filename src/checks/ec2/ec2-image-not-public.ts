import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-image-not-public',
  title: 'AMIs owned by the account are not public',
  description:
    'No AMI the account owns may have public launch permissions, which let every AWS account launch it and copy its snapshots. Sharing with named accounts or organizations is not public and passes. AMIs owned by others (public Amazon or Marketplace images) are not listed, so they are not concerned.',
  risk: 'A public AMI hands its disks to anyone: baked-in credentials, keys, configuration and application code can be read by launching or copying the image.',
  severity: 'high',
  service: 'ec2',
  domain: 'data',
  kind: 'ec2.image',
  scope: 'resource',
  reads: ['imageId', 'name', 'public'],
  remediation: {
    text: 'Remove the public launch permission (share with specific account ids or an organization if it must be shared), then turn on block public access for AMIs in every region. Block public access stops new public sharing only: existing public AMIs stay public until their permission is removed.',
    cli: 'aws ec2 modify-image-attribute --image-id <image-id> --launch-permission "Remove=[{Group=all}]"\naws ec2 enable-image-block-public-access --image-block-public-access-state block-new-sharing',
    cloudformation:
      '# CloudFormation has no resource type for AMI launch permissions or AMI block public access: use the CLI or Terraform.',
    terraform: 'resource "aws_ec2_image_block_public_access" "this" {\n  state = "block-new-sharing"\n}',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html',
  },
  evaluate(image) {
    const { imageId, name, public: isPublic } = image.attributes;
    return isPublic
      ? fail(`AMI ${imageId} (${name}) can be launched by any AWS account`, { public: isPublic })
      : pass(`AMI ${imageId} (${name}) is not public`, { public: isPublic });
  },
});
