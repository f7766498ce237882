import type { Collector } from '../collector.js';
import { accessanalyzerCollector } from './accessanalyzer.js';
import { apigatewayCollector } from './apigateway.js';
import { cloudformationCollector } from './cloudformation.js';
import { cloudfrontCollector } from './cloudfront.js';
import { cloudtrailCollector } from './cloudtrail.js';
import { cloudwatchCollector } from './cloudwatch.js';
import { configCollector } from './config.js';
import { dynamodbCollector } from './dynamodb.js';
import { ec2Collector } from './ec2.js';
import { ec2StorageCollector } from './ec2-storage.js';
import { ecrCollector } from './ecr.js';
import { ecsCollector } from './ecs.js';
import { efsCollector } from './efs.js';
import { eksCollector } from './eks.js';
import { elasticacheCollector } from './elasticache.js';
import { elbv2Collector } from './elbv2.js';
import { guarddutyCollector } from './guardduty.js';
import { iamCollector } from './iam.js';
import { inspector2Collector } from './inspector2.js';
import { kinesisCollector } from './kinesis.js';
import { kmsCollector } from './kms.js';
import { lambdaCollector } from './lambda.js';
import { logsCollector } from './logs.js';
import { opensearchCollector } from './opensearch.js';
import { rdsCollector } from './rds.js';
import { redshiftCollector } from './redshift.js';
import { s3Collector } from './s3.js';
import { sagemakerCollector } from './sagemaker.js';
import { secretsmanagerCollector } from './secretsmanager.js';
import { securityhubCollector } from './securityhub.js';
import { snsCollector } from './sns.js';
import { sqsCollector } from './sqs.js';
import { ssmCollector } from './ssm.js';
import { vpcCollector } from './vpc.js';

/** Every collector a live scan runs. */
export const COLLECTORS: readonly Collector[] = [
  iamCollector,
  s3Collector,
  ec2Collector,
  vpcCollector,
  ec2StorageCollector,
  cloudtrailCollector,
  guarddutyCollector,
  inspector2Collector,
  logsCollector,
  cloudwatchCollector,
  configCollector,
  securityhubCollector,
  accessanalyzerCollector,
  kmsCollector,
  secretsmanagerCollector,
  rdsCollector,
  elasticacheCollector,
  redshiftCollector,
  dynamodbCollector,
  efsCollector,
  lambdaCollector,
  ecsCollector,
  eksCollector,
  ecrCollector,
  elbv2Collector,
  cloudfrontCollector,
  snsCollector,
  sqsCollector,
  ssmCollector,
  cloudformationCollector,
  opensearchCollector,
  kinesisCollector,
  sagemakerCollector,
  apigatewayCollector,
];
