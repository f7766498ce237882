import { MAPPERS as apigateway } from './apigateway.js';
import { MAPPERS as cloudformation } from './cloudformation.js';
import { MAPPERS as cloudfront } from './cloudfront.js';
import { MAPPERS as cloudtrail } from './cloudtrail.js';
import { MAPPERS as dynamodb } from './dynamodb.js';
import { MAPPERS as ec2 } from './ec2.js';
import { MAPPERS as ecr } from './ecr.js';
import { MAPPERS as ecs } from './ecs.js';
import { MAPPERS as efs } from './efs.js';
import { MAPPERS as eks } from './eks.js';
import { MAPPERS as elasticache } from './elasticache.js';
import { MAPPERS as elbv2 } from './elbv2.js';
import { MAPPERS as iam } from './iam.js';
import { MAPPERS as kinesis } from './kinesis.js';
import { MAPPERS as kms } from './kms.js';
import { MAPPERS as lambda } from './lambda.js';
import { MAPPERS as logs } from './logs.js';
import type { KindMapper } from './mapper.js';
import { MAPPERS as opensearch } from './opensearch.js';
import { MAPPERS as rds } from './rds.js';
import { MAPPERS as redshift } from './redshift.js';
import { MAPPERS as s3 } from './s3.js';
import { MAPPERS as sagemaker } from './sagemaker.js';
import { MAPPERS as secretsmanager } from './secretsmanager.js';
import { MAPPERS as sns } from './sns.js';
import { MAPPERS as sqs } from './sqs.js';
import { MAPPERS as ssm } from './ssm.js';

/**
 * Every mapper, CloudFormation and Terraform. Keep the imports and the list alphabetical by file; each service
 * file exports `MAPPERS: KindMapper[]`.
 */
export const MAPPERS: readonly KindMapper[] = [
  ...apigateway,
  ...cloudformation,
  ...cloudfront,
  ...cloudtrail,
  ...dynamodb,
  ...ec2,
  ...ecr,
  ...ecs,
  ...efs,
  ...eks,
  ...elasticache,
  ...elbv2,
  ...iam,
  ...kinesis,
  ...kms,
  ...lambda,
  ...logs,
  ...opensearch,
  ...rds,
  ...redshift,
  ...s3,
  ...sagemaker,
  ...secretsmanager,
  ...sns,
  ...sqs,
  ...ssm,
];
