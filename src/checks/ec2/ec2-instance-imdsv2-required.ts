import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-instance-imdsv2-required',
  title: 'EC2 instance requires IMDSv2',
  description:
    'The instance metadata service hands out the credentials of the instance role. IMDSv2 requires a session token obtained by a PUT request, which SSRF flaws and misconfigured proxies cannot forge. The check passes when IMDSv2 is required or the metadata endpoint is turned off; stopped instances are checked too, since they can be started; terminated instances are skipped.',
  risk: 'With IMDSv1 allowed, a server-side request forgery in any application on the instance lets an attacker read the role credentials with a single GET and use them from anywhere.',
  severity: 'high',
  service: 'ec2',
  domain: 'compute',
  kind: 'ec2.instance',
  scope: 'resource',
  reads: ['instanceId', 'state', 'metadataOptions'],
  appliesTo: (instance) => instance.attributes.state !== 'terminated',
  remediation: {
    text: 'Require IMDSv2 on the instance once its software no longer makes IMDSv1 calls (the MetadataNoToken CloudWatch metric shows them). Set it in launch templates and AMIs too, or account-wide with the EC2 instance metadata defaults, so new instances start that way.',
    cli: 'aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens required --http-endpoint enabled',
    cloudformation:
      'LaunchTemplate:\n  Type: AWS::EC2::LaunchTemplate\n  Properties:\n    LaunchTemplateData:\n      MetadataOptions:\n        HttpEndpoint: enabled\n        HttpTokens: required',
    terraform:
      'resource "aws_instance" "this" {\n  # ...\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "required"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  },
  evaluate(instance) {
    const { instanceId, metadataOptions } = instance.attributes;
    const evidence = { httpTokens: metadataOptions.httpTokens, httpEndpoint: metadataOptions.httpEndpoint };
    if (metadataOptions.httpEndpoint === 'disabled') {
      return pass(`Instance ${instanceId} has the metadata endpoint turned off`, evidence);
    }
    return metadataOptions.httpTokens === 'required'
      ? pass(`Instance ${instanceId} requires IMDSv2`, evidence)
      : fail(`Instance ${instanceId} accepts IMDSv1 requests (httpTokens is optional)`, evidence);
  },
});
