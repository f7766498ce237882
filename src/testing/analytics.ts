import type { AttributesOf } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { ACCOUNT, REGION, resource } from './builders.js';

/**
 * Builders for the OpenSearch, Kinesis, SageMaker, API Gateway, DynamoDB and EFS kinds in check tests: a
 * compliant resource by default, with overrides for the case at hand.
 */

export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A domain named `search` in a VPC, encrypted everywhere, HTTPS-only with TLS 1.2, logging and with FGAC. */
export function opensearchDomain(
  overrides: Partial<AttributesOf<'opensearch.domain'>> = {},
): Resource<'opensearch.domain'> {
  const name = overrides.name ?? 'search';
  const arn = `arn:aws:es:${REGION}:${ACCOUNT}:domain/${name}`;
  return resource(
    'opensearch.domain',
    name,
    {
      name,
      arn,
      engineVersion: 'OpenSearch_2.13',
      encryptionAtRest: true,
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10',
      vpc: true,
      logPublishing: ['AUDIT_LOGS', 'ES_APPLICATION_LOGS'],
      advancedSecurity: true,
      accessPolicies: null,
      ...overrides,
    },
    { arn },
  );
}

/** A stream named `clicks` encrypted with a customer managed key, keeping records for a day. */
export function kinesisStream(
  overrides: Partial<AttributesOf<'kinesis.stream'>> = {},
): Resource<'kinesis.stream'> {
  const name = overrides.name ?? 'clicks';
  const arn = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`;
  return resource(
    'kinesis.stream',
    name,
    { name, arn, encryptionType: 'KMS', keyId: KEY_ARN, retentionHours: 24, ...overrides },
    { arn },
  );
}

/** A notebook named `research` in a VPC subnet, without direct internet access or root, on a customer key. */
export function notebookInstance(
  overrides: Partial<AttributesOf<'sagemaker.notebook-instance'>> = {},
): Resource<'sagemaker.notebook-instance'> {
  const name = overrides.name ?? 'research';
  return resource(
    'sagemaker.notebook-instance',
    name,
    {
      name,
      kmsKeyId: KEY_ARN,
      directInternetAccess: false,
      rootAccess: false,
      subnetId: 'subnet-0a1b2c3d',
      status: 'InService',
      ...overrides,
    },
    { arn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:notebook-instance/${name}` },
  );
}

/** Stage `prod` of the REST API `orders-api` (a1b2c3d4e5): logged, behind WAF, without a cache. */
export function apiStage(
  overrides: Partial<AttributesOf<'apigateway.stage'>> = {},
): Resource<'apigateway.stage'> {
  const apiId = overrides.apiId ?? 'a1b2c3d4e5';
  const stageName = overrides.stageName ?? 'prod';
  return resource(
    'apigateway.stage',
    `${apiId}/${stageName}`,
    {
      apiId,
      apiName: 'orders-api',
      stageName,
      accessLogDestination: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/apigateway/orders-api`,
      executionLogging: 'ERROR',
      cacheClusterEnabled: false,
      cacheDataEncrypted: false,
      webAclArn: `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/orders/0f1e2d3c`,
      clientCertificateId: null,
      tracingEnabled: true,
      ...overrides,
    },
    { arn: `arn:aws:apigateway:${REGION}::/restapis/${apiId}/stages/${stageName}` },
  );
}

/** A table named `orders` with deletion protection, point-in-time recovery and a customer managed key. */
export function dynamodbTable(
  overrides: Partial<AttributesOf<'dynamodb.table'>> = {},
): Resource<'dynamodb.table'> {
  const name = overrides.name ?? 'orders';
  return resource(
    'dynamodb.table',
    name,
    {
      name,
      sseType: 'KMS',
      kmsKeyArn: KEY_ARN,
      pointInTimeRecovery: true,
      deletionProtection: true,
      billingMode: 'PAY_PER_REQUEST',
      ...overrides,
    },
    { arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}` },
  );
}

/** An encrypted file system `fs-0123456789abcdef0` with automatic backups on. */
export function efsFileSystem(
  overrides: Partial<AttributesOf<'efs.file-system'>> = {},
): Resource<'efs.file-system'> {
  const fileSystemId = overrides.fileSystemId ?? 'fs-0123456789abcdef0';
  return resource(
    'efs.file-system',
    fileSystemId,
    {
      fileSystemId,
      encrypted: true,
      kmsKeyId: KEY_ARN,
      backupPolicyEnabled: true,
      policy: null,
      ...overrides,
    },
    { arn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${fileSystemId}` },
  );
}
