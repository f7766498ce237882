import { defineCheck } from '../../core/check.js';
import { fail, notEvaluated, pass } from '../../core/outcome.js';

/** Statuses under which Inspector scans, or is about to. */
const SCANNING = new Set(['ENABLED', 'ENABLING']);

export default defineCheck({
  id: 'inspector2-enabled',
  title: 'Amazon Inspector scans EC2, ECR and Lambda in the region',
  description:
    'Amazon Inspector continuously scans EC2 instances, ECR container images and Lambda functions for known software vulnerabilities (CVEs) and unintended network exposure (FSBP Inspector.1-3). It is regional and enabled per resource type. The check fails when EC2 or ECR scanning is off, and when Lambda scanning is off in a region that offers it; Lambda code scanning is reported but not required.',
  risk: 'Instances, images and functions run software with known, exploitable vulnerabilities that nobody is told about: patching the customer side of the Shared Responsibility Model happens blind.',
  severity: 'medium',
  service: 'inspector2',
  domain: 'detection',
  kind: 'inspector2.account',
  scope: 'region',
  reads: ['ec2', 'ecr', 'lambda', 'lambdaCode'],
  remediation: {
    text: 'Enable Amazon Inspector with EC2, ECR and Lambda scanning in every region you use, for the whole organization from a delegated administrator account (auto-enable for new members). EC2 scanning needs the SSM agent, or uses agentless scanning. Inspector has a cost per instance, image and function scanned.',
    cli: 'aws inspector2 enable --region <region> --resource-types EC2 ECR LAMBDA LAMBDA_CODE',
    terraform:
      'resource "aws_inspector2_enabler" "this" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE"]\n}',
    url: 'https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html',
  },
  evaluate(region) {
    const status = region.resources[0];
    if (!status) {
      return notEvaluated(
        { field: '*', reason: 'not-collected', action: 'inspector2:BatchGetAccountStatus' },
        `No Amazon Inspector status was recorded for ${region.region}`,
      );
    }
    const { ec2, ecr, lambda, lambdaCode } = status.attributes;
    const evidence = { ec2, ecr, lambda, lambdaCode };
    const off = [
      ...(SCANNING.has(ec2) ? [] : [`EC2 (${ec2})`]),
      ...(SCANNING.has(ecr) ? [] : [`ECR (${ecr})`]),
      ...(lambda === null || SCANNING.has(lambda) ? [] : [`Lambda (${lambda})`]),
    ];
    if (off.length === 3) return fail(`Amazon Inspector is not enabled in ${region.region}`, evidence);
    if (off.length > 0)
      return fail(`Amazon Inspector in ${region.region} does not scan ${off.join(', ')}`, evidence);
    const covered = ['EC2', 'ECR', ...(lambda === null ? [] : ['Lambda'])];
    if (lambdaCode !== null && SCANNING.has(lambdaCode)) covered.push('Lambda code');
    return pass(`Amazon Inspector in ${region.region} scans ${covered.join(', ')}`, evidence);
  },
});
