import {
  DescribeRegionsCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateDetectorCommand,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  UpdateDetectorCommand,
} from '@aws-sdk/client-guardduty';
import {
  GetAccountPasswordPolicyCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
  type PasswordPolicy,
} from '@aws-sdk/client-iam';
import {
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import {
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
  S3ControlClient,
  type PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3-control';
import {
  DescribeHubCommand,
  EnableSecurityHubCommand,
  GetEnabledStandardsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { awsError } from './aws.js';

export const FIX_ACCOUNT = '111122223333';

export interface FakeKey {
  id: string;
  manager: 'AWS' | 'CUSTOMER';
  spec?: string;
  origin?: string;
  state?: string;
  rotation: boolean;
}

/** The settings `onus fix` reads and writes, as a fake account holds them; writes change them. */
export interface FakeAccountState {
  regions: string[];
  passwordPolicy: PasswordPolicy | null;
  publicAccessBlock: PublicAccessBlockConfiguration | null;
  /** EBS encryption by default per Region (absent: off). */
  ebs: Record<string, boolean>;
  keys: Record<string, FakeKey[]>;
  /** The Region's detector, if any. */
  detectors: Record<string, { id: string; status: 'ENABLED' | 'DISABLED' }>;
  /** Regions where Security Hub is on. */
  hubs: string[];
  /** Actions that answer AccessDenied: `kms:EnableKeyRotation`, or only in a Region: `ec2:EnableEbsEncryptionByDefault@eu-west-1`. */
  deny: string[];
  /** Write actions AWS accepts without the setting changing (e.g. overridden by an organization policy). */
  ignore?: string[];
}

export function emptyAccount(overrides: Partial<FakeAccountState> = {}): FakeAccountState {
  return {
    regions: ['us-east-1', 'eu-west-1'],
    passwordPolicy: null,
    publicAccessBlock: null,
    ebs: {},
    keys: {},
    detectors: {},
    hubs: [],
    deny: [],
    ...overrides,
  };
}

/** A write call the fake account received. */
export interface FakeWrite {
  action: string;
  region: string;
  input: Record<string, unknown>;
}

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const iam = mockClient(IAMClient);
const s3control = mockClient(S3ControlClient);
const kms = mockClient(KMSClient);
const guardduty = mockClient(GuardDutyClient);
const securityhub = mockClient(SecurityHubClient);
const MOCKS = [sts, ec2, iam, s3control, kms, guardduty, securityhub];

type GetClient = () => { config: { region: unknown } };

async function regionOf(getClient: GetClient): Promise<string> {
  const region = getClient().config.region;
  return typeof region === 'function' ? await (region as () => Promise<string>)() : String(region);
}

/**
 * Mocks the SDK as one account whose state the fixes read and change, so a re-check after `--apply` sees what
 * the calls did. Returns the state (mutated by writes) and every write call made.
 */
export function fakeAccount(state: FakeAccountState): { state: FakeAccountState; writes: FakeWrite[] } {
  const writes: FakeWrite[] = [];
  for (const mock of MOCKS) mock.reset();
  const guard = (action: string, region: string) => {
    if (state.deny.includes(action) || state.deny.includes(`${action}@${region}`))
      throw awsError('AccessDeniedException', 403, `User is not authorized to perform: ${action}`);
  };
  /** A read: answers from the state, or AccessDenied. */
  const read =
    <T>(action: string, answer: (input: Record<string, unknown>, region: string) => T) =>
    async (input: Record<string, unknown>, getClient: GetClient) => {
      const region = await regionOf(getClient);
      guard(action, region);
      return answer(input, region);
    };
  /** A write: recorded, then applied to the state, or AccessDenied. */
  const write =
    <T>(action: string, apply: (input: Record<string, unknown>, region: string) => T) =>
    async (input: Record<string, unknown>, getClient: GetClient) => {
      const region = await regionOf(getClient);
      writes.push({ action, region, input });
      guard(action, region);
      return state.ignore?.includes(action) ? {} : apply(input, region);
    };

  sts.on(GetCallerIdentityCommand).resolves({
    Account: FIX_ACCOUNT,
    Arn: `arn:aws:iam::${FIX_ACCOUNT}:user/admin`,
    UserId: 'AIDAEXAMPLE',
  });
  ec2.on(DescribeRegionsCommand).callsFake(
    read('ec2:DescribeRegions', () => ({
      Regions: state.regions.map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })),
    })),
  );
  ec2.on(GetEbsEncryptionByDefaultCommand).callsFake(
    read('ec2:GetEbsEncryptionByDefault', (_, region) => ({
      EbsEncryptionByDefault: state.ebs[region] === true,
    })),
  );
  ec2
    .on(GetEbsDefaultKmsKeyIdCommand)
    .callsFake(read('ec2:GetEbsDefaultKmsKeyId', () => ({ KmsKeyId: 'alias/aws/ebs' })));
  ec2.on(EnableEbsEncryptionByDefaultCommand).callsFake(
    write('ec2:EnableEbsEncryptionByDefault', (_, region) => {
      state.ebs[region] = true;
      return { EbsEncryptionByDefault: true };
    }),
  );

  iam.on(GetAccountPasswordPolicyCommand).callsFake(
    read('iam:GetAccountPasswordPolicy', () => {
      if (!state.passwordPolicy)
        throw awsError('NoSuchEntityException', 404, 'The Password Policy cannot be found.');
      return { PasswordPolicy: state.passwordPolicy };
    }),
  );
  iam.on(UpdateAccountPasswordPolicyCommand).callsFake(
    write('iam:UpdateAccountPasswordPolicy', (input) => {
      // The call replaces the policy: what it leaves out takes IAM's default.
      const maxAge = input.MaxPasswordAge as number | undefined;
      state.passwordPolicy = {
        MinimumPasswordLength: (input.MinimumPasswordLength as number | undefined) ?? 6,
        RequireSymbols: input.RequireSymbols === true,
        RequireNumbers: input.RequireNumbers === true,
        RequireUppercaseCharacters: input.RequireUppercaseCharacters === true,
        RequireLowercaseCharacters: input.RequireLowercaseCharacters === true,
        AllowUsersToChangePassword: input.AllowUsersToChangePassword === true,
        ExpirePasswords: maxAge !== undefined && maxAge > 0,
        ...(maxAge ? { MaxPasswordAge: maxAge } : {}),
        ...(input.PasswordReusePrevention
          ? { PasswordReusePrevention: input.PasswordReusePrevention as number }
          : {}),
        HardExpiry: input.HardExpiry === true,
      };
      return {};
    }),
  );

  s3control.on(GetPublicAccessBlockCommand).callsFake(
    read('s3:GetAccountPublicAccessBlock', () => {
      if (!state.publicAccessBlock)
        throw awsError(
          'NoSuchPublicAccessBlockConfiguration',
          404,
          'The public access block configuration was not found',
        );
      return { PublicAccessBlockConfiguration: state.publicAccessBlock };
    }),
  );
  s3control.on(PutPublicAccessBlockCommand).callsFake(
    write('s3:PutAccountPublicAccessBlock', (input) => {
      state.publicAccessBlock = input.PublicAccessBlockConfiguration as PublicAccessBlockConfiguration;
      return {};
    }),
  );

  const keyIn = (region: string, id: unknown) => (state.keys[region] ?? []).find((key) => key.id === id);
  kms.on(ListKeysCommand).callsFake(
    read('kms:ListKeys', (_, region) => ({
      Keys: (state.keys[region] ?? []).map((key) => ({
        KeyId: key.id,
        KeyArn: `arn:aws:kms:${region}:${FIX_ACCOUNT}:key/${key.id}`,
      })),
    })),
  );
  kms.on(DescribeKeyCommand).callsFake(
    read('kms:DescribeKey', (input, region) => {
      const key = keyIn(region, input.KeyId);
      if (!key) throw awsError('NotFoundException', 400);
      return {
        KeyMetadata: {
          KeyId: key.id,
          KeyManager: key.manager,
          KeySpec: key.spec ?? 'SYMMETRIC_DEFAULT',
          KeyUsage: 'ENCRYPT_DECRYPT',
          KeyState: key.state ?? 'Enabled',
          Origin: key.origin ?? 'AWS_KMS',
        },
      };
    }),
  );
  kms.on(GetKeyRotationStatusCommand).callsFake(
    read('kms:GetKeyRotationStatus', (input, region) => ({
      KeyRotationEnabled: keyIn(region, input.KeyId)?.rotation,
    })),
  );
  kms.on(EnableKeyRotationCommand).callsFake(
    write('kms:EnableKeyRotation', (input, region) => {
      const key = keyIn(region, input.KeyId);
      if (!key) throw awsError('NotFoundException', 400);
      key.rotation = true;
      return {};
    }),
  );

  guardduty.on(ListDetectorsCommand).callsFake(
    read('guardduty:ListDetectors', (_, region) => {
      const detector = state.detectors[region];
      return { DetectorIds: detector ? [detector.id] : [] };
    }),
  );
  guardduty
    .on(GetDetectorCommand)
    .callsFake(read('guardduty:GetDetector', (_, region) => ({ Status: state.detectors[region]?.status })));
  guardduty.on(CreateDetectorCommand).callsFake(
    write('guardduty:CreateDetector', (_, region) => {
      if (state.detectors[region])
        throw awsError(
          'BadRequestException',
          400,
          'The request is rejected because a detector already exists for the current account.',
        );
      state.detectors[region] = { id: `detector-${region}`, status: 'ENABLED' };
      return { DetectorId: `detector-${region}` };
    }),
  );
  guardduty.on(UpdateDetectorCommand).callsFake(
    write('guardduty:UpdateDetector', (input, region) => {
      const detector = state.detectors[region];
      if (!detector || detector.id !== input.DetectorId) throw awsError('BadRequestException', 400);
      detector.status = input.Enable === true ? 'ENABLED' : 'DISABLED';
      return {};
    }),
  );

  const notSubscribed = () =>
    awsError('InvalidAccessException', 401, `Account ${FIX_ACCOUNT} is not subscribed to AWS Security Hub`);
  securityhub.on(DescribeHubCommand).callsFake(
    read('securityhub:DescribeHub', (_, region) => {
      if (!state.hubs.includes(region)) throw notSubscribed();
      return {
        HubArn: `arn:aws:securityhub:${region}:${FIX_ACCOUNT}:hub/default`,
        SubscribedAt: '2026-01-01T00:00:00.000Z',
      };
    }),
  );
  securityhub.on(GetEnabledStandardsCommand).callsFake(
    read('securityhub:GetEnabledStandards', (_, region) => {
      if (!state.hubs.includes(region)) throw notSubscribed();
      return { StandardsSubscriptions: [] };
    }),
  );
  securityhub.on(EnableSecurityHubCommand).callsFake(
    write('securityhub:EnableSecurityHub', (_, region) => {
      if (state.hubs.includes(region)) throw awsError('ResourceConflictException', 409);
      state.hubs.push(region);
      return {};
    }),
  );
  return { state, writes };
}

/** Restores the SDK after the tests of a file. */
export function restoreFakeAccount(): void {
  for (const mock of MOCKS) mock.restore();
}
