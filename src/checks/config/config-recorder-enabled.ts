import { defineCheck } from '../../core/check.js';
import type { ConfigRecorderSettings } from '../../core/kinds/monitoring.js';
import { fail, pass } from '../../core/outcome.js';

/** What keeps a recorder from recording the region; empty when nothing does. */
function shortcomings(recorder: ConfigRecorderSettings): string[] {
  const problems: string[] = [];
  if (!recorder.recording) problems.push('not recording');
  if (!recorder.allSupported) problems.push('records selected resource types only');
  if (recorder.lastStatus === 'Failure') problems.push('last recording attempt failed');
  return problems;
}

export default defineCheck({
  id: 'config-recorder-enabled',
  title: 'AWS Config records all supported resource types in the region',
  description:
    'AWS Config is regional: each region needs a configuration recorder that is started and records all supported resource types (CIS 3.3). A recorder whose last recording attempt failed does not count. Whether the recorder also records global IAM resource types is reported as evidence (one region is enough for those).',
  risk: 'Without a configuration history, changes in that region cannot be investigated or rolled back, Config rules and most Security Hub controls cannot evaluate it, and drift goes unnoticed.',
  severity: 'medium',
  service: 'config',
  domain: 'logging',
  kind: 'config.recorder',
  scope: 'region',
  reads: ['recorders'],
  remediation: {
    text: 'In every region you use, create a configuration recorder that records all supported resource types (including global IAM types in one region), give it a delivery channel to an S3 bucket, and start it; for an organization, deploy it from a delegated administrator with CloudFormation StackSets or Control Tower. AWS Config has a cost per configuration item recorded.',
    cli: 'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=arn:aws:iam::<account>:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig --recording-group allSupported=true,includeGlobalResourceTypes=true\naws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=<bucket>\naws configservice start-configuration-recorder --configuration-recorder-name default',
    cloudformation:
      'Recorder:\n  Type: AWS::Config::ConfigurationRecorder\n  Properties:\n    RoleARN: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig\n    RecordingGroup:\n      AllSupported: true\n      IncludeGlobalResourceTypes: true\nDeliveryChannel:\n  Type: AWS::Config::DeliveryChannel\n  Properties:\n    S3BucketName: !Ref ConfigBucket\n# CloudFormation starts the recorder once both exist',
    terraform:
      'resource "aws_config_configuration_recorder" "this" {\n  name     = "default"\n  role_arn = aws_iam_service_linked_role.config.arn\n  recording_group {\n    all_supported                 = true\n    include_global_resource_types = true\n  }\n}\n\nresource "aws_config_delivery_channel" "this" {\n  name           = "default"\n  s3_bucket_name = aws_s3_bucket.config.id\n  depends_on     = [aws_config_configuration_recorder.this]\n}\n\nresource "aws_config_configuration_recorder_status" "this" {\n  name       = aws_config_configuration_recorder.this.name\n  is_enabled = true\n  depends_on = [aws_config_delivery_channel.this]\n}',
    url: 'https://docs.aws.amazon.com/config/latest/developerguide/select-resources-cli.html',
  },
  evaluate(region) {
    const recorders = region.resources.flatMap((config) => config.attributes.recorders);
    const evidence = recorders.map((recorder) => ({ ...recorder, problems: shortcomings(recorder) }));
    const good = evidence.find((recorder) => recorder.problems.length === 0);
    if (good) {
      return pass(
        `Recorder ${good.name} is recording all supported resource types${good.includeGlobalResourceTypes ? ', global IAM types included' : ''}`,
        { recorder: good.name, recorders: evidence },
      );
    }
    if (recorders.length === 0) {
      return fail('AWS Config has no configuration recorder in this region', { recorders: [] });
    }
    const summary = evidence
      .map((recorder) => `${recorder.name} (${recorder.problems.join(', ')})`)
      .join('; ');
    return fail(`No recorder records all supported resource types: ${summary}`, { recorders: evidence });
  },
});
