import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EFSClient } from '@aws-sdk/client-efs';
import { EKSClient } from '@aws-sdk/client-eks';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OpenSearchClient } from '@aws-sdk/client-opensearch';
import { RDSClient } from '@aws-sdk/client-rds';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import {
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import {
  GenerateCredentialReportCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  GetServiceLastAccessedDetailsCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListServerCertificatesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import {
  GetResourcePolicyCommand,
  ListSecretsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { awsError } from './aws.js';

const EMPTY_SERVICES = [
  AccessAnalyzerClient,
  APIGatewayClient,
  CloudFormationClient,
  CloudFrontClient,
  CloudWatchClient,
  CloudWatchLogsClient,
  ConfigServiceClient,
  DynamoDBClient,
  ECRClient,
  ECSClient,
  EFSClient,
  EKSClient,
  ElastiCacheClient,
  ElasticLoadBalancingV2Client,
  Inspector2Client,
  KinesisClient,
  LambdaClient,
  OpenSearchClient,
  RDSClient,
  RedshiftClient,
  SageMakerClient,
  SecurityHubClient,
  SNSClient,
  SQSClient,
  SSMClient,
];

/**
 * A small AWS account behind aws-sdk-client-mock, for end-to-end tests of live scanning: two enabled regions
 * and one opt-in region that is off, something failing on every topic, and two APIs the audit role may not
 * call (ec2:DescribeInstances in eu-west-1, kms:GetKeyRotationStatus on one key).
 */
export const MOCK_ACCOUNT = '210987654321';
const NOW = new Date();
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

type Region = 'us-east-1' | 'eu-west-1';

async function regionOf(getClient: () => { config: { region: unknown } }): Promise<Region> {
  const region = getClient().config.region;
  return (typeof region === 'function' ? await (region as () => Promise<string>)() : region) as Region;
}

const REPORT = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  `<root_account>,arn:aws:iam::${MOCK_ACCOUNT}:root,2019-01-01T00:00:00+00:00,not_supported,${daysAgo(3).toISOString()},not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `alice,arn:aws:iam::${MOCK_ACCOUNT}:user/alice,2024-01-01T00:00:00+00:00,true,${daysAgo(1).toISOString()},N/A,N/A,false,true,${daysAgo(200).toISOString()},${daysAgo(1).toISOString()},eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

/** Installs the mocks; returns them so a test can change one answer. */
export function mockAccount() {
  const sts = mockClient(STSClient);
  sts.on(GetCallerIdentityCommand).resolves({
    Account: MOCK_ACCOUNT,
    Arn: `arn:aws:sts::${MOCK_ACCOUNT}:assumed-role/OnusAudit/onus`,
    UserId: 'AROA:onus',
  });

  const ec2 = mockClient(EC2Client);
  // Declared first: aws-sdk-client-mock needs wider matchers before narrower ones.
  ec2.onAnyCommand().resolves({});
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
    ],
  });
  ec2.on(DescribeSecurityGroupsCommand).callsFake(async (_input, getClient) => {
    const region = await regionOf(getClient);
    const open = region === 'us-east-1';
    return {
      SecurityGroups: [
        {
          GroupId: `sg-${region}`,
          GroupName: open ? 'bastion' : 'web',
          VpcId: 'vpc-1',
          Description: 'test',
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: open ? 22 : 443,
              ToPort: open ? 22 : 443,
              IpRanges: [{ CidrIp: '0.0.0.0/0' }],
            },
          ],
          IpPermissionsEgress: [],
        },
      ],
    };
  });
  ec2.on(DescribeInstancesCommand).callsFake(async (_input, getClient) => {
    if ((await regionOf(getClient)) === 'eu-west-1') throw awsError('UnauthorizedOperation', 403);
    return {
      Reservations: [
        {
          Instances: [
            {
              InstanceId: 'i-0abc',
              State: { Name: 'running' },
              InstanceType: 't3.micro',
              ImageId: 'ami-1',
              VpcId: 'vpc-1',
              SubnetId: 'subnet-1',
              MetadataOptions: {
                HttpEndpoint: 'enabled',
                HttpTokens: 'optional',
                HttpPutResponseHopLimit: 1,
              },
            },
          ],
        },
      ],
    };
  });
  ec2.on(GetEbsEncryptionByDefaultCommand).callsFake(async (_input, getClient) => ({
    EbsEncryptionByDefault: (await regionOf(getClient)) === 'eu-west-1',
  }));
  ec2.on(GetEbsDefaultKmsKeyIdCommand).resolves({ KmsKeyId: 'alias/aws/ebs' });

  const iam = mockClient(IAMClient);
  iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(REPORT) });
  iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntity', 404));
  iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [] });
  iam.on(ListUsersCommand).resolves({
    Users: [
      {
        UserName: 'alice',
        Arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/alice`,
        CreateDate: new Date('2024-01-01T00:00:00Z'),
        Path: '/',
        UserId: 'AIDA1',
      },
    ],
  });
  iam.on(ListAccessKeysCommand).resolves({
    AccessKeyMetadata: [
      {
        AccessKeyId: 'AKIAQEXAMPLEALICE001',
        Status: 'Active',
        CreateDate: new Date(daysAgo(200).toISOString()),
      },
    ],
  });
  iam.on(ListUserTagsCommand).resolves({ Tags: [] });
  // alice holds AdministratorAccess herself; the one role trusts EC2 and is in use.
  iam.on(GetAccountAuthorizationDetailsCommand).resolves({
    UserDetailList: [
      {
        UserName: 'alice',
        GroupList: [],
        AttachedManagedPolicies: [
          { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        ],
        UserPolicyList: [],
      },
    ],
    RoleDetailList: [
      {
        RoleName: 'web',
        Arn: `arn:aws:iam::${MOCK_ACCOUNT}:role/web`,
        Path: '/',
        CreateDate: new Date('2024-01-01T00:00:00Z'),
        AssumeRolePolicyDocument: encodeURIComponent(
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          }),
        ),
        AttachedManagedPolicies: [],
        RolePolicyList: [],
        RoleLastUsed: { LastUsedDate: daysAgo(2) },
      },
    ],
    GroupDetailList: [],
    Policies: [],
  });
  iam.on(ListServerCertificatesCommand).resolves({ ServerCertificateMetadataList: [] });
  // Access advisor: alice uses S3 but never touched EC2 in the tracking period; the web role uses S3.
  iam
    .on(GenerateServiceLastAccessedDetailsCommand)
    .callsFake((input: { Arn: string }) => ({ JobId: `job:${input.Arn}` }));
  iam.on(GetServiceLastAccessedDetailsCommand).callsFake((input: { JobId: string }) => ({
    JobStatus: 'COMPLETED',
    JobCreationDate: daysAgo(0),
    JobCompletionDate: daysAgo(0),
    IsTruncated: false,
    ServicesLastAccessed: [
      { ServiceName: 'Amazon S3', ServiceNamespace: 's3', LastAuthenticated: daysAgo(1) },
      ...(input.JobId.endsWith(':user/alice')
        ? [{ ServiceName: 'Amazon EC2', ServiceNamespace: 'ec2' }]
        : []),
    ],
  }));

  const s3 = mockClient(S3Client);
  s3.on(ListBucketsCommand).resolves({
    Buckets: [
      { Name: 'audit-logs', BucketRegion: 'us-east-1', CreationDate: new Date('2024-01-01T00:00:00Z') },
      { Name: 'public-site', BucketRegion: 'eu-west-1', CreationDate: new Date('2024-01-01T00:00:00Z') },
    ],
  });
  const allOn = {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  };
  s3.on(GetPublicAccessBlockCommand, { Bucket: 'audit-logs' }).resolves({
    PublicAccessBlockConfiguration: allOn,
  });
  s3.on(GetPublicAccessBlockCommand, { Bucket: 'public-site' }).rejects(
    awsError('NoSuchPublicAccessBlockConfiguration', 404),
  );
  s3.on(GetBucketPolicyCommand, { Bucket: 'audit-logs' }).resolves({
    Policy: JSON.stringify({
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::audit-logs', 'arn:aws:s3:::audit-logs/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }),
  });
  s3.on(GetBucketPolicyCommand, { Bucket: 'public-site' }).rejects(awsError('NoSuchBucketPolicy', 404));
  s3.on(GetBucketEncryptionCommand).resolves({
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    },
  });
  s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet', 404));
  // Versioning never enabled, no access logging; public-site still grants everyone read through its ACL.
  s3.on(GetBucketVersioningCommand).resolves({});
  s3.on(GetBucketLoggingCommand).resolves({});
  const ownerGrant = {
    Grantee: { Type: 'CanonicalUser' as const, ID: 'owner' },
    Permission: 'FULL_CONTROL' as const,
  };
  s3.on(GetBucketAclCommand, { Bucket: 'audit-logs' }).resolves({ Grants: [ownerGrant] });
  s3.on(GetBucketAclCommand, { Bucket: 'public-site' }).resolves({
    Grants: [
      ownerGrant,
      {
        Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
        Permission: 'READ',
      },
    ],
  });
  s3.on(GetBucketOwnershipControlsCommand, { Bucket: 'audit-logs' }).resolves({
    OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
  });
  s3.on(GetBucketOwnershipControlsCommand, { Bucket: 'public-site' }).rejects(
    awsError('OwnershipControlsNotFoundError', 404),
  );
  const s3control = mockClient(S3ControlClient);
  s3control
    .on(GetAccountPublicAccessBlockCommand)
    .rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));

  const cloudtrail = mockClient(CloudTrailClient);
  const trailArn = `arn:aws:cloudtrail:us-east-1:${MOCK_ACCOUNT}:trail/management`;
  cloudtrail.on(DescribeTrailsCommand).resolves({
    trailList: [
      {
        Name: 'management',
        TrailARN: trailArn,
        HomeRegion: 'us-east-1',
        IsMultiRegionTrail: true,
        IsOrganizationTrail: false,
        LogFileValidationEnabled: false,
        S3BucketName: 'audit-logs',
      },
    ],
  });
  cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
  cloudtrail
    .on(GetEventSelectorsCommand)
    .resolves({ EventSelectors: [{ IncludeManagementEvents: true, ReadWriteType: 'All' }] });
  cloudtrail.on(ListTagsCommand).resolves({ ResourceTagList: [] });

  const guardduty = mockClient(GuardDutyClient);
  guardduty.on(ListDetectorsCommand).callsFake(async (_input, getClient) => ({
    DetectorIds: (await regionOf(getClient)) === 'us-east-1' ? ['det-1'] : [],
  }));
  guardduty.on(GetDetectorCommand).resolves({
    Status: 'ENABLED',
    ServiceRole: 'role',
    Features: [
      { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
      { Name: 'RUNTIME_MONITORING', Status: 'DISABLED' },
    ],
  });
  guardduty.on(ListFindingsCommand).resolves({ FindingIds: [] });

  const kms = mockClient(KMSClient);
  kms
    .on(ListKeysCommand)
    .callsFake(async (_input, getClient) => ({ Keys: [{ KeyId: `key-${await regionOf(getClient)}` }] }));
  kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => ({
    KeyMetadata: {
      KeyId: input.KeyId,
      Description: 'test key',
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
    },
  }));
  kms.on(GetKeyRotationStatusCommand, { KeyId: 'key-us-east-1' }).resolves({ KeyRotationEnabled: false });
  kms
    .on(GetKeyRotationStatusCommand, { KeyId: 'key-eu-west-1' })
    .rejects(awsError('AccessDeniedException', 400));
  kms.on(ListResourceTagsCommand).resolves({ Tags: [] });
  kms.on(GetKeyPolicyCommand).resolves({
    Policy: JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${MOCK_ACCOUNT}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    }),
  });

  const secrets = mockClient(SecretsManagerClient);
  secrets.on(ListSecretsCommand).callsFake(async (_input, getClient) => ({
    SecretList:
      (await regionOf(getClient)) === 'us-east-1'
        ? [
            {
              ARN: `arn:aws:secretsmanager:us-east-1:${MOCK_ACCOUNT}:secret:api-key-a1b2c3`,
              Name: 'api-key',
              RotationEnabled: false,
              CreatedDate: daysAgo(100),
            },
          ]
        : [],
  }));

  secrets.on(GetResourcePolicyCommand).resolves({});

  // Every other service the collectors read answers as an account that does not use it.
  const unused = EMPTY_SERVICES.map((ClientClass) => {
    // The client classes differ in their command types; the mock only needs the class.
    const mock = mockClient(ClientClass as unknown as typeof SQSClient);
    mock.onAnyCommand().resolves({});
    return mock;
  });

  return { sts, ec2, iam, s3, s3control, cloudtrail, guardduty, kms, secrets, unused };
}
