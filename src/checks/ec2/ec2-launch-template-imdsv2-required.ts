import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-launch-template-imdsv2-required',
  title: 'EC2 launch template requires IMDSv2',
  description:
    'Instances launched from a template inherit its metadata options. The latest version of the template must require IMDSv2 (httpTokens `required`) or turn the metadata endpoint off. A template that does not set httpTokens leaves the choice to the AMI and the account’s instance metadata defaults, which the template does not guarantee, so it fails.',
  risk: 'Instances launched from the template accept IMDSv1: a server-side request forgery in any application on them lets an attacker read the instance role credentials with a single GET. Auto Scaling groups keep launching such instances after the running ones are fixed.',
  severity: 'medium',
  service: 'ec2',
  domain: 'compute',
  kind: 'ec2.launch-template',
  scope: 'resource',
  reads: ['launchTemplateId', 'name', 'latestVersion', 'metadataOptions'],
  remediation: {
    text: 'Create a new template version with HttpTokens set to required (and HttpEndpoint enabled), make it the default version, and point Auto Scaling groups at it. Check first that the software on the instances uses IMDSv2 (recent AWS SDKs and CLI do).',
    cli: 'aws ec2 create-launch-template-version --launch-template-id <template-id> --source-version <latest-version> --launch-template-data \'{"MetadataOptions":{"HttpTokens":"required","HttpEndpoint":"enabled"}}\'\naws ec2 modify-launch-template --launch-template-id <template-id> --default-version <new-version>',
    cloudformation:
      'LaunchTemplate:\n  Type: AWS::EC2::LaunchTemplate\n  Properties:\n    LaunchTemplateData:\n      MetadataOptions:\n        HttpEndpoint: enabled\n        HttpTokens: required',
    terraform:
      'resource "aws_launch_template" "this" {\n  # ...\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "required"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html',
  },
  evaluate(template) {
    const { launchTemplateId, name, latestVersion, metadataOptions } = template.attributes;
    const label = `Launch template ${name} (${launchTemplateId}) version ${latestVersion}`;
    const httpTokens = metadataOptions?.httpTokens ?? null;
    const httpEndpoint = metadataOptions?.httpEndpoint ?? null;
    const evidence = { latestVersion, httpTokens, httpEndpoint };
    if (httpEndpoint === 'disabled') return pass(`${label} turns the metadata endpoint off`, evidence);
    if (httpTokens === 'required') return pass(`${label} requires IMDSv2`, evidence);
    if (httpTokens === 'optional') {
      return fail(`${label} accepts IMDSv1 requests (httpTokens is optional)`, evidence);
    }
    return fail(
      `${label} does not set httpTokens: the AMI and account defaults decide whether IMDSv1 is accepted`,
      evidence,
    );
  },
});
