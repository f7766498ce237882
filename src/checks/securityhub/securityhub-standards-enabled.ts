import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/** `arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/5.0.0` → `cis-aws-foundations-benchmark v5.0.0`. */
function standardName(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return resource.slice(resource.indexOf('/') + 1).replace(/\/v\//, ' v');
}

export default defineCheck({
  id: 'securityhub-standards-enabled',
  title: 'Security Hub runs at least one security standard',
  description:
    'Security Hub checks the account continuously only through the controls of the standards enabled on it (AWS Foundational Security Best Practices, CIS AWS Foundations Benchmark, NIST, PCI DSS). The check passes when at least one standard is READY in the region, naming them; it fails when Security Hub is on with none, or none has finished enabling. Regions where Security Hub is off are skipped: securityhub-enabled reports them.',
  risk: 'Security Hub is paid for and looks enabled, yet no control evaluates the account: misconfigurations are never flagged and the dashboards stay empty.',
  severity: 'medium',
  service: 'securityhub',
  domain: 'detection',
  kind: 'securityhub.hub',
  scope: 'resource',
  reads: ['enabled', 'standards'],
  appliesTo: (hub) => hub.attributes.enabled,
  remediation: {
    text: 'Enable the standards you follow, at least AWS Foundational Security Best Practices, preferably for the whole organization through Security Hub central configuration. AWS Config must record resources for most controls to run. Standards that stay INCOMPLETE or FAILED need their Config prerequisites fixed.',
    cli: 'aws securityhub batch-enable-standards --region <region> --standards-subscription-requests StandardsArn=arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0',
    cloudformation:
      'FsbpStandard:\n  Type: AWS::SecurityHub::Standard\n  Properties:\n    StandardsArn: !Sub arn:${AWS::Partition}:securityhub:${AWS::Region}::standards/aws-foundational-security-best-practices/v/1.0.0',
    terraform:
      'resource "aws_securityhub_standards_subscription" "fsbp" {\n  standards_arn = "arn:aws:securityhub:${data.aws_region.current.name}::standards/aws-foundational-security-best-practices/v/1.0.0"\n  depends_on    = [aws_securityhub_account.this]\n}',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/enable-standards.html',
  },
  evaluate(hub) {
    const standards = hub.attributes.standards.map(({ arn, status }) => ({
      name: standardName(arn),
      arn,
      status,
    }));
    const ready = standards.filter((standard) => standard.status === 'READY');
    const evidence = { standards };
    if (ready.length > 0) {
      return pass(
        `Security Hub in ${hub.region} runs ${ready.length === 1 ? 'standard' : 'standards'} ${ready.map((standard) => standard.name).join(', ')}`,
        evidence,
      );
    }
    if (standards.length === 0)
      return fail(`Security Hub in ${hub.region} is enabled with no standard`, evidence);
    return fail(
      `Security Hub in ${hub.region} has no standard ready: ${standards.map((standard) => `${standard.name} (${standard.status})`).join(', ')}`,
      evidence,
    );
  },
});
