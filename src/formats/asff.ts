import { complianceRefsOf } from './compliance-refs.js';
import type { AwsSecurityFinding, Resource as AsffResource } from '@aws-sdk/client-securityhub';
import type { Finding } from '../core/finding.js';
import { GLOBAL } from '../core/resource.js';
import type { ScanReport } from '../core/scan.js';
import type { Severity } from '../core/severity.js';

/**
 * AWS Security Finding Format (ASFF, schema 2018-10-08): how a finding looks to Security Hub. Pure functions;
 * the limits below are the ones the Security Hub API model documents for each field (Title 256, Description
 * 1024, Recommendation.Text 512, ProductFields 50 pairs of 128/2048, Resources and RelatedRequirements 32...).
 */

export type AsffFinding = AwsSecurityFinding;

export const ASFF_SCHEMA_VERSION = '2018-10-08';
export const LIMITS = {
  id: 512,
  generatorId: 512,
  title: 256,
  description: 1024,
  recommendationText: 512,
  productFields: 50,
  productFieldKey: 128,
  productFieldValue: 2048,
  relatedRequirements: 32,
  resourceType: 256,
  region: 16,
  types: 50,
  severityOriginal: 64,
} as const;

export const BEST_PRACTICES_TYPE = 'Software and Configuration Checks/AWS Security Best Practices';
const STANDARDS_TYPE = 'Software and Configuration Checks/Industry and Regulatory Standards';

export interface AsffOptions {
  /** When the finding is sent or written (UpdatedAt, LastObservedAt). */
  now: string;
  /** Where findings about global resources (IAM, account settings) go: Security Hub is regional. */
  homeRegion: string;
  /** When onus first recorded it failing (CreatedAt, FirstObservedAt); `now` when unknown. */
  firstSeen?: string;
  /** Overrides the status the finding's own status maps to (used to resolve what passes now). */
  compliance?: ComplianceStatus;
}

export type ComplianceStatus = 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE';

/** ASFF's Severity.Label for each onus severity. */
export const SEVERITY_LABEL: Record<Severity, 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL'> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFORMATIONAL',
};

/** onus resource kinds whose Security Hub resource type exists (the API model's ResourceDetails members). */
const RESOURCE_TYPES: Record<string, string> = {
  's3.bucket': 'AwsS3Bucket',
  's3.account-public-access-block': 'AwsS3AccountPublicAccessBlock',
  'iam.user': 'AwsIamUser',
  'iam.role': 'AwsIamRole',
  'iam.group': 'AwsIamGroup',
  'iam.managed-policy': 'AwsIamPolicy',
  'iam.root-user': 'AwsAccount',
  'iam.password-policy': 'AwsAccount',
  'ec2.ebs-encryption-by-default': 'AwsAccount',
  'ec2.instance': 'AwsEc2Instance',
  'ec2.security-group': 'AwsEc2SecurityGroup',
  'ec2.volume': 'AwsEc2Volume',
  'ec2.vpc': 'AwsEc2Vpc',
  'ec2.subnet': 'AwsEc2Subnet',
  'ec2.network-acl': 'AwsEc2NetworkAcl',
  'ec2.launch-template': 'AwsEc2LaunchTemplate',
  'elbv2.load-balancer': 'AwsElbv2LoadBalancer',
  'cloudfront.distribution': 'AwsCloudFrontDistribution',
  'cloudtrail.trail': 'AwsCloudTrailTrail',
  'cloudformation.stack': 'AwsCloudFormationStack',
  'cloudwatch.alarm': 'AwsCloudWatchAlarm',
  'apigateway.stage': 'AwsApiGatewayStage',
  'lambda.function': 'AwsLambdaFunction',
  'rds.db-instance': 'AwsRdsDbInstance',
  'rds.db-cluster': 'AwsRdsDbCluster',
  'rds.db-snapshot': 'AwsRdsDbSnapshot',
  'dynamodb.table': 'AwsDynamoDbTable',
  'redshift.cluster': 'AwsRedshiftCluster',
  'kms.key': 'AwsKmsKey',
  'sns.topic': 'AwsSnsTopic',
  'sqs.queue': 'AwsSqsQueue',
  'kinesis.stream': 'AwsKinesisStream',
  'secretsmanager.secret': 'AwsSecretsManagerSecret',
  'sagemaker.notebook-instance': 'AwsSageMakerNotebookInstance',
  'guardduty.detector': 'AwsGuardDutyDetector',
  'ecs.cluster': 'AwsEcsCluster',
  'ecs.task-definition': 'AwsEcsTaskDefinition',
  'eks.cluster': 'AwsEksCluster',
  'ecr.repository': 'AwsEcrRepository',
};

/** Security Hub's resource type for an onus kind; `Other` when it has none. */
export function asffResourceType(kind: string): string {
  return RESOURCE_TYPES[kind] ?? (kind === 'account' ? 'AwsAccount' : 'Other');
}

/** The finding's Security Hub region: its own, or the home region for global resources. */
export function asffRegion(region: string, homeRegion: string): string {
  return region === GLOBAL || region === '' ? homeRegion : region;
}

export function partitionOfRegion(region: string): 'aws' | 'aws-cn' | 'aws-us-gov' {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The ARN of the account's default product: findings of a custom integration are imported under it. */
export function productArn(account: string, region: string): string {
  return `arn:${partitionOfRegion(region)}:securityhub:${region}:${account}:product/${account}/default`;
}

/** Stable across runs: Security Hub updates the finding with the same Id instead of adding one. */
export function asffId(fingerprint: string): string {
  return `onus/${fingerprint}`;
}

/**
 * `value` cut to `max` characters (code points, so no half surrogate pairs), with an ellipsis when cut; never
 * empty or blank (the model's NonEmptyString), `fallback` standing in.
 */
export function clip(value: string, max: number, fallback = '-'): string {
  // Control characters other than tab and newline carry nothing for a reader and some consoles choke on them.
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  const text = /\S/.test(clean) ? clean : fallback;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

function complianceStatusOf(finding: Finding): ComplianceStatus {
  switch (finding.status) {
    case 'PASS':
      return 'PASSED';
    case 'FAIL':
    case 'MUTED':
      return 'FAILED';
    case 'MANUAL':
      return 'WARNING';
    case 'NOT_EVALUATED':
      return 'NOT_AVAILABLE';
  }
}

function productFields(finding: Finding, status: ComplianceStatus): Record<string, string> {
  const fields: [string, string | null | undefined][] = [
    ['onus/fingerprint', finding.fingerprint],
    ['onus/check-id', finding.checkId],
    ['onus/status', status === 'PASSED' && finding.status !== 'PASS' ? 'RESOLVED' : finding.status],
    ['onus/reason', finding.reason],
    ['onus/muted-reason', finding.suppression?.reason],
    ['onus/muted-until', finding.suppression?.expires],
    ['onus/service', finding.service],
    ['onus/domain', finding.domain],
    ['onus/resource-kind', finding.resource.kind],
    ['onus/resource-id', finding.resource.id],
    ['onus/resource-name', finding.resource.name],
    ['onus/region', finding.resource.region],
    ['onus/message', finding.message],
    ['onus/risk', finding.risk],
    ['onus/evidence', Object.keys(finding.evidence).length > 0 ? JSON.stringify(finding.evidence) : null],
    ['onus/remediation-cli', finding.remediation.cli],
  ];
  const out: Record<string, string> = {};
  for (const [key, value] of fields.slice(0, LIMITS.productFields)) {
    if (value === null || value === undefined || !/\S/.test(value)) continue;
    out[clip(key, LIMITS.productFieldKey)] = clip(value, LIMITS.productFieldValue);
  }
  return out;
}

function tagsOf(tags: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!tags) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags).slice(0, 50)) {
    // FieldMap keys and values are NonEmptyStrings: an empty tag value cannot be sent.
    if (/\S/.test(key) && /\S/.test(value)) out[clip(key, 128)] = clip(value, 256);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function resourceOf(finding: Finding, region: string): AsffResource {
  const { resource } = finding;
  const type = asffResourceType(resource.kind);
  const id =
    resource.arn ??
    (type === 'AwsAccount' || resource.kind === 'region'
      ? `AWS::::Account:${resource.account}`
      : `${resource.kind}/${resource.id}`);
  const tags = tagsOf(resource.tags);
  return {
    Type: clip(type, LIMITS.resourceType),
    Id: clip(id, 2048),
    Partition: partitionOfRegion(region),
    Region: clip(region, LIMITS.region),
    ...(tags ? { Tags: tags } : {}),
  };
}

function requirementsOf(finding: Finding): string[] {
  const seen = new Set<string>();
  for (const ref of complianceRefsOf(finding)) {
    seen.add(clip(`${ref.framework} ${ref.version}/${ref.requirement}`, 256));
    if (seen.size >= LIMITS.relatedRequirements) break;
  }
  return [...seen];
}

/** The Security Hub control id (`S3.1`) when the finding verifies an FSBP control. */
function securityControlId(finding: Finding): string | undefined {
  const fsbp = complianceRefsOf(finding).find((ref) =>
    /fsbp|foundational security best practices/i.test(ref.framework),
  );
  return fsbp && /^[A-Za-z0-9]+\.\d+$/.test(fsbp.requirement) ? fsbp.requirement : undefined;
}

/** One finding in ASFF. */
export function toAsff(finding: Finding, options: AsffOptions): AsffFinding {
  const region = asffRegion(finding.resource.region, options.homeRegion);
  const account = finding.resource.account;
  const status = options.compliance ?? complianceStatusOf(finding);
  const label = SEVERITY_LABEL[finding.severity];
  const types = [BEST_PRACTICES_TYPE];
  if (complianceRefsOf(finding).length > 0) types.push(STANDARDS_TYPE);
  const requirements = requirementsOf(finding);
  const controlId = securityControlId(finding);
  const first = options.firstSeen ?? options.now;
  const workflow =
    status === 'PASSED' ? 'RESOLVED' : finding.status === 'MUTED' ? 'SUPPRESSED' : ('NEW' as const);
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: clip(asffId(finding.fingerprint), LIMITS.id),
    ProductArn: productArn(account, region),
    ProductName: 'onus',
    CompanyName: 'onus',
    GeneratorId: clip(`onus/${finding.checkId}`, LIMITS.generatorId),
    AwsAccountId: account,
    Region: region,
    Types: types,
    CreatedAt: first,
    UpdatedAt: options.now,
    FirstObservedAt: first,
    LastObservedAt: options.now,
    Severity: { Label: label, Original: finding.severity },
    Title: clip(finding.title, LIMITS.title),
    Description: clip(finding.message || finding.risk, LIMITS.description, finding.title),
    Remediation: {
      Recommendation: {
        Text: clip(finding.remediation.text, LIMITS.recommendationText, 'See the linked documentation.'),
        ...(/^https?:\/\/\S+$/.test(finding.remediation.url) ? { Url: finding.remediation.url } : {}),
      },
    },
    ProductFields: productFields(finding, status),
    Resources: [resourceOf(finding, region)],
    Compliance: {
      Status: status,
      ...(requirements.length > 0 ? { RelatedRequirements: requirements } : {}),
      ...(controlId ? { SecurityControlId: controlId } : {}),
    },
    FindingProviderFields: { Severity: { Label: label, Original: finding.severity }, Types: types },
    Workflow: { Status: workflow },
    RecordState: 'ACTIVE',
  };
}

/** `onus scan --format asff`: every finding of the report as a JSON array of ASFF findings. */
export function formatAsff(report: ScanReport, options: { homeRegion: string }): string {
  const now = new Date(report.generatedAt).toISOString();
  const findings = report.findings.map((finding) => toAsff(finding, { now, homeRegion: options.homeRegion }));
  return `${JSON.stringify(findings, null, 2)}\n`;
}
