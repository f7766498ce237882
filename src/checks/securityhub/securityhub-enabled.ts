import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/** `arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/5.0.0` → `cis-aws-foundations-benchmark v5.0.0`. */
function standardName(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const path = resource.slice(resource.indexOf('/') + 1);
  return path.replace(/\/v\//, ' v');
}

export default defineCheck({
  id: 'securityhub-enabled',
  title: 'Security Hub is enabled in the region',
  description:
    'Security Hub (CSPM) gathers findings from GuardDuty, Inspector, Macie, IAM Access Analyzer and others, and runs the controls of the standards you enable against the account (CIS 4.16). It is regional: a region where it is off has none of this. The enabled standards are reported as evidence; which ones to run is left to you.',
  risk: 'Without Security Hub, findings stay scattered across services and accounts, misconfigurations are not continuously checked, and nobody gets one place to notice and triage them in that region.',
  severity: 'medium',
  service: 'securityhub',
  domain: 'detection',
  kind: 'securityhub.hub',
  scope: 'region',
  reads: ['enabled', 'standards'],
  remediation: {
    text: 'Enable Security Hub in every region you use, preferably for the whole organization from a delegated administrator account with central configuration, and enable the standards you follow (AWS Foundational Security Best Practices, CIS AWS Foundations Benchmark). AWS Config must record resources for most controls to work. Security Hub has a cost.',
    cli: 'aws securityhub enable-security-hub --enable-default-standards --region <region>\n# add a standard, e.g. CIS v5.0.0:\naws securityhub batch-enable-standards --region <region> --standards-subscription-requests StandardsArn=arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/5.0.0',
    cloudformation:
      'Hub:\n  Type: AWS::SecurityHub::Hub\n  Properties:\n    EnableDefaultStandards: true\nCisStandard:\n  Type: AWS::SecurityHub::Standard\n  DependsOn: Hub\n  Properties:\n    StandardsArn: !Sub arn:${AWS::Partition}:securityhub:${AWS::Region}::standards/cis-aws-foundations-benchmark/v/5.0.0',
    terraform:
      'resource "aws_securityhub_account" "this" {\n  enable_default_standards = true\n}\n\nresource "aws_securityhub_standards_subscription" "cis" {\n  standards_arn = "arn:aws:securityhub:${data.aws_region.current.name}::standards/cis-aws-foundations-benchmark/v/5.0.0"\n  depends_on    = [aws_securityhub_account.this]\n}',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html',
  },
  evaluate(region) {
    const hub = region.resources.find((candidate) => candidate.attributes.enabled);
    if (!hub) {
      return fail('Security Hub is not enabled in this region', { enabled: false, standards: [] });
    }
    const standards = hub.attributes.standards.map(({ arn, status }) => ({
      name: standardName(arn),
      arn,
      status,
    }));
    const listed = standards
      .map((standard) =>
        standard.status === 'READY' ? standard.name : `${standard.name} (${standard.status})`,
      )
      .join(', ');
    return pass(
      standards.length === 0
        ? 'Security Hub is enabled, with no standard enabled'
        : `Security Hub is enabled with ${standards.length === 1 ? 'standard' : 'standards'} ${listed}`,
      { enabled: true, standards },
    );
  },
});
