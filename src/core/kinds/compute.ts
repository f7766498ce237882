import { z } from 'zod';
import { defineKind, policyDocument } from './kind.js';

/** Environment variables, name to value; `{}` when there are none. Values may hold secrets: checks scan them and never repeat them in a result. */
const environment = z.record(z.string(), z.string());

export const lambdaFunction = defineKind({
  name: 'lambda.function',
  service: 'lambda',
  title: 'Lambda function',
  global: false,
  attributes: z.object({
    name: z.string(),
    /** The runtime identifier (`python3.12`, `provided.al2023`); null for container images, which bring their own. */
    runtime: z.string().nullable(),
    packageType: z.enum(['Zip', 'Image']),
    /** The execution role's ARN. */
    role: z.string(),
    environment,
    /** The customer managed key that encrypts the environment; null means Lambda's AWS managed key. */
    kmsKeyArn: z.string().nullable(),
    /** Attached to subnets of a VPC. */
    vpcConfigured: z.boolean(),
    /** Auth type of the function URL of the unqualified function; null when it has none. `NONE` is public. */
    urlAuthType: z.enum(['AWS_IAM', 'NONE']).nullable(),
    /** The resource-based policy of the unqualified function; null when it has none. */
    policy: policyDocument.nullable(),
  }),
});

export const ecsContainer = z.object({
  name: z.string(),
  image: z.string(),
  privileged: z.boolean(),
  readonlyRootFilesystem: z.boolean(),
  /** The user the container runs as; null when unset, which means the image's user (root unless it says). */
  user: z.string().nullable(),
  environment,
  /** Names of the variables injected from Secrets Manager or Parameter Store (`secrets`); values are never read. */
  secretsFromParameters: z.array(z.string()),
  /** Null when the container has no log configuration. */
  logDriver: z.string().nullable(),
});
export type EcsContainer = z.infer<typeof ecsContainer>;

/** One per task definition family: its latest ACTIVE revision. */
export const ecsTaskDefinition = defineKind({
  name: 'ecs.task-definition',
  service: 'ecs',
  title: 'ECS task definition',
  global: false,
  attributes: z.object({
    /** ARN of the revision described, `...:task-definition/<family>:<revision>`. */
    arn: z.string(),
    family: z.string(),
    revision: z.number().int().positive(),
    /** Null when unset: `bridge` on Linux EC2 hosts, the Windows default (NAT) on Windows ones. */
    networkMode: z.enum(['awsvpc', 'bridge', 'host', 'none']).nullable(),
    /** `host` shares the host's process namespace (FSBP ECS.3); null when unset (each container its own). */
    pidMode: z.enum(['host', 'task']).nullable(),
    containers: z.array(ecsContainer),
  }),
});

export const ecsCluster = defineKind({
  name: 'ecs.cluster',
  service: 'ecs',
  title: 'ECS cluster',
  global: false,
  attributes: z.object({
    name: z.string(),
    /** The cluster's `containerInsights` setting. */
    containerInsights: z.enum(['enabled', 'disabled', 'enhanced']),
    status: z.enum(['ACTIVE', 'PROVISIONING', 'DEPROVISIONING', 'FAILED', 'INACTIVE']),
  }),
});

export const eksCluster = defineKind({
  name: 'eks.cluster',
  service: 'eks',
  title: 'EKS cluster',
  global: false,
  attributes: z.object({
    name: z.string(),
    /** Kubernetes version, e.g. `1.31`. */
    version: z.string(),
    endpointPublicAccess: z.boolean(),
    endpointPrivateAccess: z.boolean(),
    /** CIDRs that may reach the public endpoint; `[]` when the endpoint is not public. */
    publicAccessCidrs: z.array(z.string()),
    /**
     * Kubernetes secrets are envelope-encrypted with a KMS key of the customer's (FSBP EKS.3). Since 2025, EKS
     * 1.28+ also encrypts all API data by default with a key of its own; that does not count here.
     */
    secretsEncryption: z.boolean(),
    /** Control plane log types sent to CloudWatch Logs (`api`, `audit`, `authenticator`, ...); `[]` when none. */
    enabledLogTypes: z.array(z.string()),
  }),
});

export const ecrRepository = defineKind({
  name: 'ecr.repository',
  service: 'ecr',
  title: 'ECR repository',
  global: false,
  attributes: z.object({
    name: z.string(),
    uri: z.string(),
    /** The repository's own scan-on-push setting (registry-level scanning rules are not read). */
    scanOnPush: z.boolean(),
    tagMutability: z.enum(['MUTABLE', 'IMMUTABLE', 'MUTABLE_WITH_EXCLUSION', 'IMMUTABLE_WITH_EXCLUSION']),
    encryptionType: z.enum(['AES256', 'KMS', 'KMS_DSSE']),
    /** The KMS key for `KMS` and `KMS_DSSE` encryption; null for AES256. */
    kmsKey: z.string().nullable(),
    /** The repository policy; null when it has none. */
    policy: policyDocument.nullable(),
    hasLifecyclePolicy: z.boolean(),
  }),
});
