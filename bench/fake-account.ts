/**
 * A large AWS account answered in memory, for the collection benchmark. Answers are the SDK's deserialized
 * output shapes, keyed by command name; commands it does not know answer `{}` (an empty account for them).
 */
import { sleep } from '../src/sources/aws/limits.js';

export interface AccountSize {
  regions: number;
  users: number;
  buckets: number;
  securityGroups: number;
  instances: number;
}

const ALL_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
];
const ACCOUNT = '123456789012';

function page<T>(
  items: T[],
  token: string | undefined,
  size: number,
): { items: T[]; next: string | undefined } {
  const start = token ? Number(token) : 0;
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}

function notFound(name: string): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 404 } });
}

export class FakeAccount {
  readonly regions: string[];
  private readonly users: string[];
  private readonly buckets: { name: string; region: string }[];
  private readonly report: Uint8Array;
  /** GetAccountAuthorizationDetails entries: every user, a role per two users, a managed policy per ten. */
  private readonly authorization: Record<string, unknown>[];
  calls = 0;

  constructor(
    readonly size: AccountSize,
    readonly latencyMs: number,
  ) {
    this.regions = ALL_REGIONS.slice(0, size.regions);
    this.users = Array.from({ length: size.users }, (_, i) => `user-${i}`);
    this.buckets = Array.from({ length: size.buckets }, (_, i) => ({
      name: `bucket-${i}`,
      region: this.regions[i % this.regions.length] ?? 'us-east-1',
    }));
    const created = '2025-01-01T00:00:00+00:00';
    const document = encodeURIComponent(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      }),
    );
    const createDate = new Date('2025-01-01T00:00:00Z');
    this.authorization = [
      ...this.users.map((name) => ({
        UserName: name,
        Arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
        CreateDate: createDate,
        GroupList: [],
        AttachedManagedPolicies: [],
        UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: document }],
      })),
      ...Array.from({ length: Math.ceil(size.users / 2) }, (_, i) => ({
        RoleName: `role-${String(i)}`,
        Arn: `arn:aws:iam::${ACCOUNT}:role/role-${String(i)}`,
        Path: '/',
        CreateDate: createDate,
        AssumeRolePolicyDocument: encodeURIComponent(
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          }),
        ),
        AttachedManagedPolicies: [],
        RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: document }],
        RoleLastUsed: { LastUsedDate: createDate, Region: 'us-east-1' },
      })),
      ...Array.from({ length: Math.ceil(size.users / 10) }, (_, i) => ({
        PolicyName: `policy-${String(i)}`,
        Arn: `arn:aws:iam::${ACCOUNT}:policy/policy-${String(i)}`,
        DefaultVersionId: 'v1',
        AttachmentCount: 1,
        PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: document }],
      })),
    ];
    const header =
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
    const rows = this.users.map(
      (user, i) =>
        `${user},arn:aws:iam::${ACCOUNT}:user/${user},${created},${i % 2 === 0},N/A,N/A,N/A,${i % 3 === 0},true,${created},N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    );
    this.report = new TextEncoder().encode(
      [
        header,
        `<root_account>,arn:aws:iam::${ACCOUNT}:root,${created},not_supported,N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
        ...rows,
      ].join('\n'),
    );
  }

  private perRegion(total: number, region: string): number {
    const index = this.regions.indexOf(region);
    const base = Math.floor(total / this.regions.length);
    return base + (index < total % this.regions.length ? 1 : 0);
  }

  async answer(command: string, input: Record<string, unknown>, region: string): Promise<unknown> {
    this.calls++;
    await sleep(this.latencyMs);
    const token = (input.NextToken ?? input.Marker ?? input.ContinuationToken) as string | undefined;
    switch (command) {
      case 'GetCallerIdentityCommand':
        return { Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/auditor`, UserId: 'AIDA' };
      case 'DescribeRegionsCommand':
        return {
          Regions: [
            ...this.regions.map((name) => ({ RegionName: name, OptInStatus: 'opt-in-not-required' })),
            { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
          ],
        };
      case 'DescribeSecurityGroupsCommand': {
        const groups = Array.from({ length: this.perRegion(this.size.securityGroups, region) }, (_, i) => ({
          GroupId: `sg-${region}-${i}`,
          GroupName: `group-${i}`,
          VpcId: 'vpc-1',
          Description: 'bench',
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: i % 7 === 0 ? 22 : 443,
              ToPort: i % 7 === 0 ? 22 : 443,
              IpRanges: [{ CidrIp: '0.0.0.0/0' }],
            },
          ],
          IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        }));
        const { items, next } = page(groups, token, Number(input.MaxResults ?? 1000));
        return { SecurityGroups: items, NextToken: next };
      }
      case 'DescribeInstancesCommand': {
        const instances = Array.from({ length: this.perRegion(this.size.instances, region) }, (_, i) => ({
          InstanceId: `i-${region}-${i}`,
          State: { Name: 'running' },
          InstanceType: 't3.micro',
          ImageId: 'ami-1',
          VpcId: 'vpc-1',
          MetadataOptions: {
            HttpEndpoint: 'enabled',
            HttpTokens: i % 4 === 0 ? 'optional' : 'required',
            HttpPutResponseHopLimit: 2,
          },
        }));
        const { items, next } = page(instances, token, Number(input.MaxResults ?? 1000));
        return { Reservations: [{ Instances: items }], NextToken: next };
      }
      case 'GetEbsEncryptionByDefaultCommand':
        return { EbsEncryptionByDefault: region !== 'us-east-1' };
      case 'GetEbsDefaultKmsKeyIdCommand':
        return { KmsKeyId: 'alias/aws/ebs' };
      case 'GenerateCredentialReportCommand':
        return { State: 'COMPLETE' };
      case 'GetCredentialReportCommand':
        return { Content: this.report };
      case 'ListUsersCommand': {
        const { items, next } = page(this.users, token, Number(input.MaxItems ?? 100));
        return {
          Users: items.map((name) => ({
            UserName: name,
            Arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
            CreateDate: new Date('2025-01-01T00:00:00Z'),
            Path: '/',
            UserId: name,
          })),
          IsTruncated: next !== undefined,
          Marker: next,
        };
      }
      case 'ListAccessKeysCommand':
        return {
          AccessKeyMetadata: [
            {
              AccessKeyId: `AKIA${String(input.UserName)}`,
              Status: 'Active',
              CreateDate: new Date('2025-01-01T00:00:00Z'),
            },
          ],
        };
      case 'ListUserTagsCommand':
        return { Tags: [] };
      case 'GetAccountAuthorizationDetailsCommand': {
        // One list of users, roles and policies, paged together (IAM pages this call the same way).
        const { items, next } = page(this.authorization, token, Number(input.MaxItems ?? 100));
        return {
          UserDetailList: items.filter((item) => 'UserName' in item),
          RoleDetailList: items.filter((item) => 'RoleName' in item),
          Policies: items.filter((item) => 'PolicyName' in item),
          GroupDetailList: [],
          IsTruncated: next !== undefined,
          Marker: next,
        };
      }
      case 'ListServerCertificatesCommand':
        return { ServerCertificateMetadataList: [] };
      case 'GetAccountPasswordPolicyCommand':
        return { PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24 } };
      case 'ListVirtualMFADevicesCommand':
        return { VirtualMFADevices: [] };
      case 'ListBucketsCommand': {
        const { items, next } = page(this.buckets, token, Number(input.MaxBuckets ?? 1000));
        return {
          Buckets: items.map((bucket) => ({
            Name: bucket.name,
            BucketRegion: bucket.region,
            CreationDate: new Date('2025-01-01T00:00:00Z'),
          })),
          ContinuationToken: next,
        };
      }
      case 'GetPublicAccessBlockCommand':
        if (input.AccountId) throw notFound('NoSuchPublicAccessBlockConfiguration');
        return {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        };
      case 'GetBucketPolicyCommand':
        throw notFound('NoSuchBucketPolicy');
      case 'GetBucketEncryptionCommand':
        return {
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
        };
      case 'GetBucketTaggingCommand':
        throw notFound('NoSuchTagSet');
      case 'DescribeTrailsCommand':
        return {
          trailList: [
            {
              Name: 'org',
              TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org`,
              HomeRegion: 'us-east-1',
              IsMultiRegionTrail: true,
              IsOrganizationTrail: false,
              LogFileValidationEnabled: true,
              S3BucketName: 'bucket-0',
            },
          ],
        };
      case 'GetTrailStatusCommand':
        return { IsLogging: true };
      case 'GetEventSelectorsCommand':
        return { EventSelectors: [{ IncludeManagementEvents: true, ReadWriteType: 'All' }] };
      case 'ListDetectorsCommand':
        return { DetectorIds: [`det-${region}`] };
      case 'GetDetectorCommand':
        return { Status: 'ENABLED', ServiceRole: 'role' };
      case 'ListKeysCommand':
        return { Keys: [{ KeyId: `k1-${region}` }, { KeyId: `k2-${region}` }] };
      case 'DescribeKeyCommand':
        return {
          KeyMetadata: {
            KeyId: input.KeyId,
            Description: '',
            KeyManager: 'CUSTOMER',
            KeySpec: 'SYMMETRIC_DEFAULT',
            KeyUsage: 'ENCRYPT_DECRYPT',
            KeyState: 'Enabled',
            Origin: 'AWS_KMS',
          },
        };
      case 'GetKeyRotationStatusCommand':
        return { KeyRotationEnabled: true };
      case 'ListSecretsCommand':
        return {
          SecretList: [
            {
              ARN: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:s-1`,
              Name: 's-1',
              RotationEnabled: false,
              CreatedDate: new Date('2025-01-01T00:00:00Z'),
            },
          ],
        };
      default:
        return {};
    }
  }
}
