import { z } from 'zod';
import { defineKind, policyDocument, timestamp } from './kind.js';

/** Kinds at the edge of an application and around it: load balancers, CDN, messaging, parameters, stacks. */

export const loadBalancerListener = z.object({
  /** Null for Gateway Load Balancer listeners, which have neither port nor protocol. */
  port: z.number().int().nullable(),
  /** `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `QUIC`, ...; null on Gateway Load Balancers. */
  protocol: z.string().nullable(),
  /** The TLS security policy of an HTTPS or TLS listener; null for every other protocol. */
  sslPolicy: z.string().nullable(),
  /** Whether the default action redirects to HTTPS (what an HTTP listener of an ALB should do). */
  defaultActionRedirectsToHttps: z.boolean(),
});
export type LoadBalancerListener = z.infer<typeof loadBalancerListener>;

export const elbv2LoadBalancer = defineKind({
  name: 'elbv2.load-balancer',
  service: 'elbv2',
  title: 'Elastic Load Balancing v2 load balancer',
  global: false,
  attributes: z.object({
    arn: z.string(),
    name: z.string(),
    type: z.enum(['application', 'network', 'gateway']),
    scheme: z.enum(['internet-facing', 'internal']),
    listeners: z.array(loadBalancerListener),
    /** `routing.http.drop_invalid_header_fields.enabled`; null for network and gateway load balancers. */
    dropInvalidHeaderFields: z.boolean().nullable(),
    /** `access_logs.s3.enabled`; null for gateway load balancers, which have no access logs. */
    accessLogsEnabled: z.boolean().nullable(),
    deletionProtection: z.boolean(),
  }),
});

export const viewerProtocolPolicy = z.enum(['allow-all', 'https-only', 'redirect-to-https']);

export const cloudfrontDistribution = defineKind({
  name: 'cloudfront.distribution',
  service: 'cloudfront',
  title: 'CloudFront distribution',
  global: true,
  attributes: z.object({
    id: z.string(),
    domainName: z.string(),
    enabled: z.boolean(),
    /** The default cache behavior (`pathPattern` null) first, then each cache behavior in order. */
    viewerProtocolPolicies: z.array(
      z.object({ pathPattern: z.string().nullable(), policy: viewerProtocolPolicy }),
    ),
    /**
     * The viewer certificate's security policy, e.g. `TLSv1.2_2021`. A distribution on the default
     * *.cloudfront.net certificate reports `TLSv1`, which it cannot change.
     */
    minimumProtocolVersion: z.string(),
    /** Custom origins only (S3 and VPC origins have no origin protocol policy). */
    originProtocolPolicies: z.array(
      z.object({
        originId: z.string(),
        domainName: z.string(),
        policy: z.enum(['http-only', 'match-viewer', 'https-only']),
        /** TLS versions CloudFront may use to the origin: `SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`. */
        sslProtocols: z.array(z.string()),
      }),
    ),
    /** The AWS WAF web ACL (v2 ARN or classic id); null when none is associated. */
    webAclId: z.string().nullable(),
    /**
     * Standard logging to S3 as set in the distribution config. Logging delivered through CloudWatch Logs
     * (standard logging v2) is configured outside the distribution and is not seen here.
     */
    loggingEnabled: z.boolean(),
    defaultRootObject: z.string().nullable(),
  }),
});

export const snsTopic = defineKind({
  name: 'sns.topic',
  service: 'sns',
  title: 'SNS topic',
  global: false,
  attributes: z.object({
    arn: z.string(),
    name: z.string(),
    /** Null when the topic is not encrypted at rest. */
    kmsMasterKeyId: z.string().nullable(),
    /** The topic's access policy; null only if SNS returns none (every topic normally has one). */
    policy: policyDocument.nullable(),
    /** SubscriptionsConfirmed: endpoints that actually receive what is published (alarms notify no one without). */
    confirmedSubscriptions: z.number().int().nonnegative(),
  }),
});

export const sqsQueue = defineKind({
  name: 'sqs.queue',
  service: 'sqs',
  title: 'SQS queue',
  global: false,
  attributes: z.object({
    url: z.string(),
    arn: z.string(),
    name: z.string(),
    /** SSE-SQS: encryption at rest with keys SQS owns. */
    sqsManagedSse: z.boolean(),
    /** SSE-KMS: the KMS key; null when the queue does not use one. Neither set means not encrypted. */
    kmsMasterKeyId: z.string().nullable(),
    /** The queue's access policy; null when it has none. */
    policy: policyDocument.nullable(),
  }),
});

export const ssmParameter = defineKind({
  name: 'ssm.parameter',
  service: 'ssm',
  title: 'SSM parameter',
  global: false,
  attributes: z.object({
    name: z.string(),
    type: z.enum(['String', 'StringList', 'SecureString']),
    /** The KMS key of a SecureString parameter; null for the other types. */
    keyId: z.string().nullable(),
    lastModifiedDate: timestamp,
    tier: z.enum(['Standard', 'Advanced', 'Intelligent-Tiering']),
  }),
});

export const stackOutput = z.object({
  key: z.string(),
  /** May hold a secret: checks scan it and never repeat it in a result; a snapshot keeps it as collected. */
  value: z.string(),
  description: z.string().nullable(),
});

export const stackParameter = z.object({
  key: z.string(),
  /**
   * As DescribeStacks shows it: `****` for a NoEcho parameter, else the value in clear text, which checks scan
   * and never repeat in a result (a snapshot keeps it as collected). For an SSM parameter type, the
   * parameter's name, not its value.
   */
  value: z.string(),
  /** Typed `AWS::SSM::Parameter::Value<...>`: the value is resolved from Parameter Store at deploy time. */
  resolvedFromSsm: z.boolean(),
});
export type StackParameter = z.infer<typeof stackParameter>;

export const cloudformationStack = defineKind({
  name: 'cloudformation.stack',
  service: 'cloudformation',
  title: 'CloudFormation stack',
  global: false,
  attributes: z.object({
    stackId: z.string(),
    name: z.string(),
    /** `CREATE_COMPLETE`, `UPDATE_ROLLBACK_FAILED`, ... (deleted stacks are not collected). */
    status: z.string(),
    terminationProtection: z.boolean(),
    outputs: z.array(stackOutput),
    /** The stack's parameters as last deployed; `[]` when it has none. */
    parameters: z.array(stackParameter),
    /** The service role CloudFormation uses for the stack; null when it uses the caller's credentials. */
    roleArn: z.string().nullable(),
    driftStatus: z.enum(['DRIFTED', 'IN_SYNC', 'NOT_CHECKED', 'UNKNOWN']),
  }),
});
