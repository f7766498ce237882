import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ssm-managed-instance-patch-compliant',
  title: 'Managed instances are compliant with their patch baseline',
  description:
    'Patch Manager records, for each managed node it scans, whether every patch its patch baseline approves is installed (FSBP SSM.2). The check fails on a node reported NON_COMPLIANT, and on a node with no patch data at all: no scan has ever run, so nobody knows what it is missing.',
  risk: 'Missing operating-system and package patches leave known, often publicly exploited, vulnerabilities open on the instance: patching the guest OS is the customer side of the Shared Responsibility Model.',
  severity: 'high',
  service: 'ssm',
  domain: 'compute',
  kind: 'ssm.managed-instance',
  scope: 'resource',
  reads: ['instanceId', 'patchCompliance'],
  remediation: {
    text: 'Scan and install patches on a schedule with a Patch Manager patch policy (Quick Setup) or a maintenance window running AWS-RunPatchBaseline with Operation=Install, then reboot as the baseline requires. For nodes with no patch data, start with a Scan so their state is known.',
    cli: 'aws ssm send-command --region <region> --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=<instance-id> --parameters Operation=Install,RebootOption=RebootIfNeeded',
    cloudformation:
      'PatchAssociation:\n  Type: AWS::SSM::Association\n  Properties:\n    Name: AWS-RunPatchBaseline\n    ScheduleExpression: cron(0 3 ? * SUN *)\n    Parameters:\n      Operation: [Install]\n      RebootOption: [RebootIfNeeded]\n    Targets:\n      - Key: InstanceIds\n        Values: ["*"]',
    terraform:
      'resource "aws_ssm_association" "patch" {\n  name                = "AWS-RunPatchBaseline"\n  schedule_expression = "cron(0 3 ? * SUN *)"\n  parameters = {\n    Operation    = "Install"\n    RebootOption = "RebootIfNeeded"\n  }\n  targets {\n    key    = "InstanceIds"\n    values = ["*"]\n  }\n}',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager.html',
  },
  evaluate({ attributes }) {
    const { instanceId, patchCompliance } = attributes;
    const evidence = { patchCompliance };
    if (patchCompliance === 'COMPLIANT')
      return pass(`Managed instance ${instanceId} has every patch its baseline approves`, evidence);
    if (patchCompliance === 'NON_COMPLIANT')
      return fail(`Managed instance ${instanceId} is missing patches its baseline approves`, evidence);
    return fail(
      `Managed instance ${instanceId} has no patch compliance data: Patch Manager never scanned it`,
      evidence,
    );
  },
});
