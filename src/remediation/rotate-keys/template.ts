import { stringify } from 'yaml';
import { KMS_ACTIONS, rotationActions } from './aws.js';

/**
 * The CloudFormation template for scheduled rotation: the Lambda function (the package's own handler), a
 * role allowed exactly the calls rotation makes, its log group, and an EventBridge schedule.
 */

/** The handler inside a zip whose root holds the package's dist/, node_modules/ and package.json. */
export const LAMBDA_HANDLER = 'dist/remediation/rotate-keys/lambda.handler';
export const FUNCTION_NAME = 'onus-key-rotation';

/** IAM actions that take no resource: AWS documents `*` as their only resource. */
const UNSCOPED_IAM_ACTIONS = new Set(['iam:ListUsers']);

export function rotationTemplate(): Record<string, unknown> {
  const actions = rotationActions();
  const userArn = { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*' };
  const secretArn = {
    'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:*:${AWS::AccountId}:secret:onus/access-keys/*',
  };
  const statements: Record<string, unknown>[] = [
    {
      Sid: 'ListUsers',
      Effect: 'Allow',
      Action: actions.iam.filter((action) => UNSCOPED_IAM_ACTIONS.has(action)),
      Resource: '*',
    },
    {
      Sid: 'RotateUserKeys',
      Effect: 'Allow',
      Action: actions.iam.filter((action) => !UNSCOPED_IAM_ACTIONS.has(action)),
      Resource: userArn,
    },
    { Sid: 'StoreKeys', Effect: 'Allow', Action: actions.secretsmanager, Resource: secretArn },
    {
      Sid: 'Logs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': ['LogGroup', 'Arn'] },
    },
    {
      'Fn::If': [
        'HasKmsKey',
        {
          Sid: 'EncryptSecrets',
          Effect: 'Allow',
          Action: [...KMS_ACTIONS],
          Resource: { Ref: 'KmsKeyArn' },
          Condition: {
            StringEquals: { 'kms:ViaService': { 'Fn::Sub': 'secretsmanager.${AWS::Region}.amazonaws.com' } },
          },
        },
        { Ref: 'AWS::NoValue' },
      ],
    },
  ];
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'onus: scheduled IAM access key rotation (new keys stored in Secrets Manager)',
    Parameters: {
      CodeS3Bucket: { Type: 'String', Description: 'S3 bucket holding the function zip' },
      CodeS3Key: { Type: 'String', Description: 'S3 key of the function zip (see docs/rotation.md)' },
      Schedule: {
        Type: 'String',
        Default: 'rate(1 day)',
        Description: 'EventBridge schedule expression for rotation runs',
      },
      MaxAgeDays: { Type: 'Number', Default: 90, MinValue: 1 },
      GraceDays: { Type: 'Number', Default: 7, MinValue: 0 },
      KmsKeyArn: {
        Type: 'String',
        Default: '',
        Description: 'ARN of a customer managed KMS key for the secrets; empty: aws/secretsmanager',
      },
      Users: {
        Type: 'String',
        Default: '',
        Description: 'Comma-separated IAM user names; empty: every user',
      },
    },
    Conditions: { HasKmsKey: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'KmsKeyArn' }, ''] }] } },
    Resources: {
      LogGroup: {
        Type: 'AWS::Logs::LogGroup',
        Properties: { LogGroupName: `/aws/lambda/${FUNCTION_NAME}`, RetentionInDays: 365 },
      },
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
          Policies: [
            {
              PolicyName: 'onus-key-rotation',
              PolicyDocument: { Version: '2012-10-17', Statement: statements },
            },
          ],
        },
      },
      Function: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: FUNCTION_NAME,
          Description: 'onus: rotates IAM access keys (state in onus:rotation:* user tags)',
          Runtime: 'nodejs22.x',
          Handler: LAMBDA_HANDLER,
          Code: { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } },
          Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
          Timeout: 900,
          MemorySize: 256,
          // One run at a time: two runs at once could each start a rotation of the same user.
          ReservedConcurrentExecutions: 1,
          LoggingConfig: { LogGroup: { Ref: 'LogGroup' } },
          Environment: {
            Variables: {
              MAX_AGE_DAYS: { Ref: 'MaxAgeDays' },
              GRACE_DAYS: { Ref: 'GraceDays' },
              KMS_KEY_ID: { Ref: 'KmsKeyArn' },
              USERS: { Ref: 'Users' },
            },
          },
        },
      },
      Schedule: {
        Type: 'AWS::Events::Rule',
        Properties: {
          Description: 'runs onus key rotation',
          ScheduleExpression: { Ref: 'Schedule' },
          State: 'ENABLED',
          Targets: [{ Arn: { 'Fn::GetAtt': ['Function', 'Arn'] }, Id: 'onus-key-rotation' }],
        },
      },
      SchedulePermission: {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: { Ref: 'Function' },
          Principal: 'events.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': ['Schedule', 'Arn'] },
        },
      },
    },
  };
}

export function rotationTemplateYaml(): string {
  return stringify(rotationTemplate(), { lineWidth: 0 });
}
