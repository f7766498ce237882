/** Every service file of the catalog; importing the JSON makes tsc copy it into dist. A test keeps this list complete. */
import accessanalyzer from './accessanalyzer.json' with { type: 'json' };
import acm from './acm.json' with { type: 'json' };
import apigateway from './apigateway.json' with { type: 'json' };
import autoscaling from './autoscaling.json' with { type: 'json' };
import backup from './backup.json' with { type: 'json' };
import cloudformation from './cloudformation.json' with { type: 'json' };
import cloudfront from './cloudfront.json' with { type: 'json' };
import cloudtrail from './cloudtrail.json' with { type: 'json' };
import cloudwatch from './cloudwatch.json' with { type: 'json' };
import cognito from './cognito.json' with { type: 'json' };
import config from './config.json' with { type: 'json' };
import dynamodb from './dynamodb.json' with { type: 'json' };
import ebs from './ebs.json' with { type: 'json' };
import ec2 from './ec2.json' with { type: 'json' };
import ecr from './ecr.json' with { type: 'json' };
import ecs from './ecs.json' with { type: 'json' };
import efs from './efs.json' with { type: 'json' };
import eks from './eks.json' with { type: 'json' };
import elasticache from './elasticache.json' with { type: 'json' };
import elasticbeanstalk from './elasticbeanstalk.json' with { type: 'json' };
import elb from './elb.json' with { type: 'json' };
import firehose from './firehose.json' with { type: 'json' };
import glue from './glue.json' with { type: 'json' };
import guardduty from './guardduty.json' with { type: 'json' };
import iam from './iam.json' with { type: 'json' };
import inspector2 from './inspector2.json' with { type: 'json' };
import kinesis from './kinesis.json' with { type: 'json' };
import kms from './kms.json' with { type: 'json' };
import lambda from './lambda.json' with { type: 'json' };
import logs from './logs.json' with { type: 'json' };
import macie from './macie.json' with { type: 'json' };
import opensearch from './opensearch.json' with { type: 'json' };
import organizations from './organizations.json' with { type: 'json' };
import rds from './rds.json' with { type: 'json' };
import redshift from './redshift.json' with { type: 'json' };
import route53 from './route53.json' with { type: 'json' };
import s3 from './s3.json' with { type: 'json' };
import sagemaker from './sagemaker.json' with { type: 'json' };
import secretsmanager from './secretsmanager.json' with { type: 'json' };
import securityhub from './securityhub.json' with { type: 'json' };
import shield from './shield.json' with { type: 'json' };
import sns from './sns.json' with { type: 'json' };
import sqs from './sqs.json' with { type: 'json' };
import ssm from './ssm.json' with { type: 'json' };
import stepfunctions from './stepfunctions.json' with { type: 'json' };
import vpc from './vpc.json' with { type: 'json' };
import waf from './waf.json' with { type: 'json' };

export const SERVICE_FILES: Readonly<Record<string, unknown>> = {
  accessanalyzer: accessanalyzer,
  acm: acm,
  apigateway: apigateway,
  autoscaling: autoscaling,
  backup: backup,
  cloudformation: cloudformation,
  cloudfront: cloudfront,
  cloudtrail: cloudtrail,
  cloudwatch: cloudwatch,
  cognito: cognito,
  config: config,
  dynamodb: dynamodb,
  ebs: ebs,
  ec2: ec2,
  ecr: ecr,
  ecs: ecs,
  efs: efs,
  eks: eks,
  elasticache: elasticache,
  elasticbeanstalk: elasticbeanstalk,
  elb: elb,
  firehose: firehose,
  glue: glue,
  guardduty: guardduty,
  iam: iam,
  inspector2: inspector2,
  kinesis: kinesis,
  kms: kms,
  lambda: lambda,
  logs: logs,
  macie: macie,
  opensearch: opensearch,
  organizations: organizations,
  rds: rds,
  redshift: redshift,
  route53: route53,
  s3: s3,
  sagemaker: sagemaker,
  secretsmanager: secretsmanager,
  securityhub: securityhub,
  shield: shield,
  sns: sns,
  sqs: sqs,
  ssm: ssm,
  stepfunctions: stepfunctions,
  vpc: vpc,
  waf: waf,
};
