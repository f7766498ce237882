import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { IAM_COMMANDS, SECRETS_COMMANDS } from '../remediation/rotate-keys/aws.js';
import { awsError } from './aws.js';

/**
 * A small in-memory IAM and Secrets Manager behind aws-sdk-client-mock, so state carries from call to call
 * and from run to run. Every call the rotation code can make is routed here (from its own command tables);
 * `failAt` makes the n-th call fail, before or after it takes effect.
 */

export interface FakeKey {
  id: string;
  secret: string;
  status: 'Active' | 'Inactive';
  createdAt: Date;
  lastUsedAt: Date | null;
}

interface FakeUser {
  arn: string;
  keys: FakeKey[];
  tags: Map<string, string>;
}

interface FakeSecret {
  tags: { Key: string; Value: string }[];
  kmsKeyId: string | undefined;
  versions: Map<string, { value: string; stages: string[] }>;
}

type Input = Record<string, unknown>;

export class RotationAccount {
  readonly users = new Map<string, FakeUser>();
  readonly secrets = new Map<string, FakeSecret>();
  /** Every call, in order: `iam:CreateAccessKey`. */
  readonly calls: string[] = [];
  now = new Date('2026-01-01T00:00:00Z');
  /** Make the n-th call (1-based, counted over `calls`) fail, before or after it takes effect. */
  failAt: { call: number; mode: 'before' | 'after'; error?: Error } | null = null;
  /** Make every call of these actions fail with this error. */
  readonly failing = new Map<string, Error>();
  /** Throttle this many calls before answering. */
  throttle = 0;
  private serial = 0;

  addUser(name: string, keys: Partial<FakeKey>[] = []): void {
    this.users.set(name, {
      arn: `arn:aws:iam::123456789012:user/${name}`,
      keys: keys.map((key) => this.makeKey(key)),
      tags: new Map(),
    });
  }

  keysOf(name: string): FakeKey[] {
    return this.user(name).keys;
  }

  tagsOf(name: string): Record<string, string> {
    return Object.fromEntries(this.user(name).tags);
  }

  /** The key id the secret's AWSCURRENT version holds, or null. */
  storedKeyId(secretName: string): string | null {
    for (const version of this.secrets.get(secretName)?.versions.values() ?? []) {
      if (version.stages.includes('AWSCURRENT')) {
        return (JSON.parse(version.value) as { AccessKeyId: string }).AccessKeyId;
      }
    }
    return null;
  }

  use(keyId: string, at: Date): void {
    for (const user of this.users.values()) {
      for (const key of user.keys) if (key.id === keyId) key.lastUsedAt = at;
    }
  }

  private makeKey(key: Partial<FakeKey>): FakeKey {
    this.serial += 1;
    const serial = String(this.serial).padStart(16, '0');
    return {
      id: key.id ?? `AKIA${serial}`,
      secret: key.secret ?? `fakeSecret${serial}xxxxxxxxxxxxxx`,
      status: key.status ?? 'Active',
      createdAt: key.createdAt ?? this.now,
      lastUsedAt: key.lastUsedAt ?? null,
    };
  }

  private user(name: unknown): FakeUser {
    const user = typeof name === 'string' ? this.users.get(name) : undefined;
    if (!user) throw awsError('NoSuchEntity', 404, `The user with name ${String(name)} cannot be found.`);
    return user;
  }

  private key(input: Input): FakeKey {
    const key = this.user(input.UserName).keys.find((candidate) => candidate.id === input.AccessKeyId);
    if (!key)
      throw awsError(
        'NoSuchEntity',
        404,
        `The Access Key with id ${String(input.AccessKeyId)} cannot be found`,
      );
    return key;
  }

  private secret(id: unknown): FakeSecret {
    const secret = typeof id === 'string' ? this.secrets.get(id) : undefined;
    if (!secret)
      throw awsError('ResourceNotFoundException', 400, "Secrets Manager can't find the specified secret.");
    return secret;
  }

  call(action: string, input: Input): unknown {
    this.calls.push(action);
    if (this.throttle > 0) {
      this.throttle -= 1;
      throw awsError('Throttling', 400, 'Rate exceeded');
    }
    const failure = this.failing.get(action);
    if (failure) throw failure;
    const injected = this.failAt?.call === this.calls.length ? this.failAt : null;
    const error = injected?.error ?? awsError('ServiceUnavailable', 503, `injected failure of ${action}`);
    if (injected?.mode === 'before') throw error;
    const result = this.perform(action, input);
    if (injected) throw error;
    return result;
  }

  private perform(action: string, input: Input): unknown {
    switch (action) {
      case 'iam:ListUsers':
        return {
          Users: [...this.users].map(([UserName, user]) => ({ UserName, Arn: user.arn, Path: '/' })),
          IsTruncated: false,
        };
      case 'iam:ListAccessKeys':
        return {
          AccessKeyMetadata: this.user(input.UserName).keys.map((key) => ({
            UserName: input.UserName,
            AccessKeyId: key.id,
            Status: key.status,
            CreateDate: key.createdAt,
          })),
          IsTruncated: false,
        };
      case 'iam:GetAccessKeyLastUsed': {
        for (const [UserName, user] of this.users) {
          const key = user.keys.find((candidate) => candidate.id === input.AccessKeyId);
          if (key) {
            return {
              UserName,
              AccessKeyLastUsed: key.lastUsedAt
                ? { LastUsedDate: key.lastUsedAt, ServiceName: 's3', Region: 'us-east-1' }
                : { ServiceName: 'N/A', Region: 'N/A' },
            };
          }
        }
        throw awsError('AccessDenied', 403, 'no such key');
      }
      case 'iam:ListUserTags':
        return {
          Tags: [...this.user(input.UserName).tags].map(([Key, Value]) => ({ Key, Value })),
          IsTruncated: false,
        };
      case 'iam:CreateAccessKey': {
        const user = this.user(input.UserName);
        if (user.keys.length >= 2)
          throw awsError('LimitExceeded', 409, 'Cannot exceed quota for AccessKeysPerUser: 2');
        const key = this.makeKey({});
        user.keys.push(key);
        return {
          AccessKey: {
            UserName: input.UserName,
            AccessKeyId: key.id,
            SecretAccessKey: key.secret,
            Status: 'Active',
            CreateDate: key.createdAt,
          },
        };
      }
      case 'iam:UpdateAccessKey':
        this.key(input).status = input.Status as 'Active' | 'Inactive';
        return {};
      case 'iam:DeleteAccessKey': {
        const key = this.key(input);
        const user = this.user(input.UserName);
        user.keys = user.keys.filter((candidate) => candidate !== key);
        return {};
      }
      case 'iam:TagUser': {
        const user = this.user(input.UserName);
        for (const tag of input.Tags as { Key: string; Value: string }[]) user.tags.set(tag.Key, tag.Value);
        if (user.tags.size > 50) throw awsError('LimitExceeded', 409, 'too many tags');
        return {};
      }
      case 'iam:UntagUser': {
        const user = this.user(input.UserName);
        for (const key of input.TagKeys as string[]) user.tags.delete(key);
        return {};
      }
      case 'secretsmanager:CreateSecret': {
        const name = input.Name as string;
        if (this.secrets.has(name))
          throw awsError('ResourceExistsException', 400, `The secret ${name} already exists.`);
        this.secrets.set(name, {
          tags: (input.Tags as { Key: string; Value: string }[] | undefined) ?? [],
          kmsKeyId: input.KmsKeyId as string | undefined,
          versions: new Map([
            [
              input.ClientRequestToken as string,
              { value: input.SecretString as string, stages: ['AWSCURRENT'] },
            ],
          ]),
        });
        return { Name: name, VersionId: input.ClientRequestToken };
      }
      case 'secretsmanager:PutSecretValue': {
        const secret = this.secret(input.SecretId);
        const id = input.ClientRequestToken as string;
        if (!secret.versions.has(id)) {
          for (const version of secret.versions.values()) {
            version.stages = version.stages.includes('AWSCURRENT') ? ['AWSPREVIOUS'] : [];
          }
          secret.versions.set(id, { value: input.SecretString as string, stages: ['AWSCURRENT'] });
        }
        return { Name: input.SecretId, VersionId: id };
      }
      case 'secretsmanager:DescribeSecret': {
        const secret = this.secret(input.SecretId);
        return {
          Name: input.SecretId,
          Tags: secret.tags,
          KmsKeyId: secret.kmsKeyId,
          VersionIdsToStages: Object.fromEntries(
            [...secret.versions].map(([id, version]) => [id, version.stages]),
          ),
        };
      }
      default:
        throw new Error(`the fake does not know ${action}`);
    }
  }
}

/** Routes every IAM and Secrets Manager command the rotation code sends to `account`. */
export function mockRotationAccount(account: RotationAccount): { restore: () => void } {
  const iam = mockClient(IAMClient);
  const secrets = mockClient(SecretsManagerClient);
  for (const [action, Command] of Object.entries(IAM_COMMANDS)) {
    iam.on(Command as never).callsFake((input: Input) => account.call(action, input));
  }
  for (const [action, Command] of Object.entries(SECRETS_COMMANDS)) {
    secrets.on(Command as never).callsFake((input: Input) => account.call(action, input));
  }
  return {
    restore: () => {
      iam.restore();
      secrets.restore();
    },
  };
}
