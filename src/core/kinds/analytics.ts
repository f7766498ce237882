import { z } from 'zod';
import { defineKind, policyDocument } from './kind.js';

/** An OpenSearch Service domain (OpenSearch or legacy Elasticsearch engine). */
export const opensearchDomain = defineKind({
  name: 'opensearch.domain',
  service: 'opensearch',
  title: 'OpenSearch Service domain',
  global: false,
  attributes: z.object({
    name: z.string(),
    arn: z.string(),
    /** `OpenSearch_2.11`, `Elasticsearch_7.10`, ...: old engines lack fine-grained access control and audit logs. */
    engineVersion: z.string(),
    /** Indices, logs, swap and automated snapshots are encrypted with a KMS key. */
    encryptionAtRest: z.boolean(),
    /** Traffic between the domain's nodes is TLS-encrypted. */
    nodeToNodeEncryption: z.boolean(),
    /** The endpoint refuses plain HTTP. */
    enforceHttps: z.boolean(),
    /** The TLS policy of the endpoint (`Policy-Min-TLS-1-2-2019-07`, ...); null when AWS did not say. */
    tlsSecurityPolicy: z.string().nullable(),
    /** The domain sits in a VPC rather than behind a public endpoint. */
    vpc: z.boolean(),
    /** Log types published to CloudWatch Logs (`AUDIT_LOGS`, `ES_APPLICATION_LOGS`, `INDEX_SLOW_LOGS`, `SEARCH_SLOW_LOGS`). */
    logPublishing: z.array(z.string()),
    /** Fine-grained access control: users, roles and document-level security inside the domain. */
    advancedSecurity: z.boolean(),
    /** The domain's resource-based access policy; null when it has none. */
    accessPolicies: policyDocument.nullable(),
  }),
});

/** A Kinesis data stream. */
export const kinesisStream = defineKind({
  name: 'kinesis.stream',
  service: 'kinesis',
  title: 'Kinesis data stream',
  global: false,
  attributes: z.object({
    name: z.string(),
    arn: z.string(),
    /** `KMS`: records are encrypted at rest with a KMS key; `NONE`: they are stored in clear. */
    encryptionType: z.enum(['NONE', 'KMS']),
    /** The KMS key (ARN, alias or id) of a `KMS` stream; null when the stream is not encrypted. */
    keyId: z.string().nullable(),
    /** How long records stay readable: the window in which leaked data can be replayed, or lost data recovered. */
    retentionHours: z.number().int().nonnegative(),
  }),
});

/** A SageMaker notebook instance: a managed Jupyter server that runs with an IAM role. */
export const sagemakerNotebookInstance = defineKind({
  name: 'sagemaker.notebook-instance',
  service: 'sagemaker',
  title: 'SageMaker notebook instance',
  global: false,
  attributes: z.object({
    name: z.string(),
    /** The customer managed KMS key that encrypts its storage volume; null when SageMaker uses its own key. */
    kmsKeyId: z.string().nullable(),
    /** SageMaker gives the instance its own route to the internet, outside any VPC control. */
    directInternetAccess: z.boolean(),
    /** Notebook users can become root on the instance. */
    rootAccess: z.boolean(),
    /** The VPC subnet its network interface is in; null when it runs outside the customer's VPCs. */
    subnetId: z.string().nullable(),
    /** `InService`, `Stopped`, `Pending`, `Failed`, ... */
    status: z.string(),
  }),
});

/** A stage of an API Gateway REST API (HTTP and WebSocket APIs are not covered). */
export const apigatewayStage = defineKind({
  name: 'apigateway.stage',
  service: 'apigateway',
  title: 'API Gateway REST API stage',
  global: false,
  attributes: z.object({
    apiId: z.string(),
    apiName: z.string(),
    stageName: z.string(),
    /** Where access logs (who called what) go; null when access logging is off. */
    accessLogDestination: z.string().nullable(),
    /**
     * CloudWatch execution logging: the weakest level of the stage-wide default and of any method that
     * overrides it, so `OFF` when some method goes unlogged.
     */
    executionLogging: z.enum(['OFF', 'ERROR', 'INFO']),
    /** The stage has a response cache. */
    cacheClusterEnabled: z.boolean(),
    /** The stage default and every method that caches encrypt the cached responses. */
    cacheDataEncrypted: z.boolean(),
    /** The AWS WAF web ACL in front of the stage; null when none. */
    webAclArn: z.string().nullable(),
    /** The client certificate the stage presents to its backend; null when none. */
    clientCertificateId: z.string().nullable(),
    /** X-Ray tracing is on. */
    tracingEnabled: z.boolean(),
  }),
});
