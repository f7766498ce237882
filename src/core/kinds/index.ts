import type { z } from 'zod';
import { apigatewayStage, kinesisStream, opensearchDomain, sagemakerNotebookInstance } from './analytics.js';
import {
  cloudformationStack,
  cloudfrontDistribution,
  elbv2LoadBalancer,
  snsTopic,
  sqsQueue,
  ssmParameter,
} from './app.js';
import { cloudtrailTrail } from './cloudtrail.js';
import { ecrRepository, ecsCluster, ecsTaskDefinition, eksCluster, lambdaFunction } from './compute.js';
import { elasticacheCacheCluster, elasticacheReplicationGroup, redshiftCluster } from './databases.js';
import {
  dynamodbTable,
  efsFileSystem,
  rdsDbCluster,
  rdsDbInstance,
  rdsDbParameterGroup,
  rdsDbSnapshot,
} from './data-stores.js';
import { guarddutyDetector } from './detection.js';
import { ec2EbsEncryptionByDefault, ec2Instance, ec2InstanceUserData, ec2SecurityGroup } from './ec2.js';
import { ec2Image, ec2LaunchTemplate, ec2Snapshot, ec2Volume } from './ec2-storage.js';
import {
  iamGroup,
  iamManagedPolicy,
  iamPasswordPolicy,
  iamRole,
  iamRootUser,
  iamServerCertificate,
  iamUser,
} from './iam.js';
import { kmsKey } from './kms.js';
import {
  accessanalyzerAnalyzer,
  cloudwatchAlarm,
  configRecorder,
  logsLogGroup,
  securityhubHub,
} from './monitoring.js';
import { s3AccountPublicAccessBlock, s3Bucket } from './s3.js';
import { secretsmanagerSecret } from './secretsmanager.js';
import { inspector2Account, ssmManagedInstance } from './systems.js';
import { ec2NetworkAcl, ec2Subnet, ec2Vpc } from './vpc.js';

const definitions = [
  iamRootUser,
  iamUser,
  iamPasswordPolicy,
  iamRole,
  iamGroup,
  iamManagedPolicy,
  iamServerCertificate,
  s3AccountPublicAccessBlock,
  s3Bucket,
  ec2SecurityGroup,
  ec2EbsEncryptionByDefault,
  ec2Instance,
  ec2InstanceUserData,
  ec2Vpc,
  ec2NetworkAcl,
  ec2Subnet,
  ec2Volume,
  ec2Snapshot,
  ec2LaunchTemplate,
  ec2Image,
  cloudtrailTrail,
  guarddutyDetector,
  inspector2Account,
  ssmManagedInstance,
  logsLogGroup,
  cloudwatchAlarm,
  configRecorder,
  securityhubHub,
  accessanalyzerAnalyzer,
  kmsKey,
  secretsmanagerSecret,
  rdsDbInstance,
  rdsDbCluster,
  rdsDbSnapshot,
  rdsDbParameterGroup,
  elasticacheReplicationGroup,
  elasticacheCacheCluster,
  redshiftCluster,
  dynamodbTable,
  efsFileSystem,
  elbv2LoadBalancer,
  cloudfrontDistribution,
  snsTopic,
  sqsQueue,
  ssmParameter,
  cloudformationStack,
  lambdaFunction,
  ecsTaskDefinition,
  ecsCluster,
  eksCluster,
  ecrRepository,
  opensearchDomain,
  kinesisStream,
  sagemakerNotebookInstance,
  apigatewayStage,
] as const;

type Definitions = (typeof definitions)[number];

/** Every resource kind onus knows, by name. */
export type KindName = Definitions['name'];
export type KindOf<K extends KindName> = Extract<Definitions, { name: K }>;
/** The typed attributes of a kind. */
export type AttributesOf<K extends KindName> = z.infer<KindOf<K>['attributes']>;

export const KINDS: ReadonlyMap<string, Definitions> = new Map(definitions.map((kind) => [kind.name, kind]));

export function isKindName(name: string): name is KindName {
  return KINDS.has(name);
}

export function kindDefinition<K extends KindName>(name: K): KindOf<K> {
  const kind = KINDS.get(name);
  if (!kind) throw new Error(`unknown resource kind ${name}`);
  return kind as KindOf<K>;
}
