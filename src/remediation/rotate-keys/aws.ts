import {
  type CreateAccessKeyCommandOutput,
  type DeleteAccessKeyCommandOutput,
  type GetAccessKeyLastUsedCommandOutput,
  type ListAccessKeysCommandOutput,
  type ListUserTagsCommandOutput,
  type ListUsersCommandOutput,
  type TagUserCommandOutput,
  type UntagUserCommandOutput,
  type UpdateAccessKeyCommandOutput,
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateAccessKeyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import {
  type CreateSecretCommandOutput,
  type DescribeSecretCommandOutput,
  type PutSecretValueCommandOutput,
  CreateSecretCommand,
  DescribeSecretCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

/**
 * Every AWS call rotation makes goes through this table, so the permissions it needs (the documented policy,
 * the Lambda role) are derived from the code rather than kept by hand.
 */
export const IAM_COMMANDS = {
  'iam:ListUsers': ListUsersCommand,
  'iam:ListAccessKeys': ListAccessKeysCommand,
  'iam:GetAccessKeyLastUsed': GetAccessKeyLastUsedCommand,
  'iam:ListUserTags': ListUserTagsCommand,
  'iam:CreateAccessKey': CreateAccessKeyCommand,
  'iam:UpdateAccessKey': UpdateAccessKeyCommand,
  'iam:DeleteAccessKey': DeleteAccessKeyCommand,
  'iam:TagUser': TagUserCommand,
  'iam:UntagUser': UntagUserCommand,
} as const;

export const SECRETS_COMMANDS = {
  'secretsmanager:CreateSecret': CreateSecretCommand,
  'secretsmanager:PutSecretValue': PutSecretValueCommand,
  'secretsmanager:DescribeSecret': DescribeSecretCommand,
} as const;

/** CreateSecret with tags also needs TagResource (Secrets Manager API reference, CreateSecret). */
export const IMPLIED_ACTIONS: Partial<Record<SecretsAction | IamAction, readonly string[]>> = {
  'secretsmanager:CreateSecret': ['secretsmanager:TagResource'],
};

/** Storing a secret under a customer managed key needs these on the key (aws/secretsmanager needs none). */
export const KMS_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'] as const;

/** Every IAM and Secrets Manager action rotation needs: the commands it sends and what they imply. */
export function rotationActions(): { iam: string[]; secretsmanager: string[] } {
  const withImplied = (actions: string[]) =>
    [
      ...new Set(actions.flatMap((action) => [action, ...(IMPLIED_ACTIONS[action as IamAction] ?? [])])),
    ].sort();
  return {
    iam: withImplied(Object.keys(IAM_COMMANDS)),
    secretsmanager: withImplied(Object.keys(SECRETS_COMMANDS)),
  };
}

interface IamOutputs {
  'iam:ListUsers': ListUsersCommandOutput;
  'iam:ListAccessKeys': ListAccessKeysCommandOutput;
  'iam:GetAccessKeyLastUsed': GetAccessKeyLastUsedCommandOutput;
  'iam:ListUserTags': ListUserTagsCommandOutput;
  'iam:CreateAccessKey': CreateAccessKeyCommandOutput;
  'iam:UpdateAccessKey': UpdateAccessKeyCommandOutput;
  'iam:DeleteAccessKey': DeleteAccessKeyCommandOutput;
  'iam:TagUser': TagUserCommandOutput;
  'iam:UntagUser': UntagUserCommandOutput;
}

interface SecretsOutputs {
  'secretsmanager:CreateSecret': CreateSecretCommandOutput;
  'secretsmanager:PutSecretValue': PutSecretValueCommandOutput;
  'secretsmanager:DescribeSecret': DescribeSecretCommandOutput;
}

export type IamAction = keyof typeof IAM_COMMANDS;
export type SecretsAction = keyof typeof SECRETS_COMMANDS;

type InputOf<C> = C extends new (...args: infer A) => unknown ? NonNullable<A[0]> : never;
type AnyCommand = new (input: never) => object;

export interface RotationClients {
  iam: IAMClient;
  secrets?: SecretsManagerClient;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** A failed AWS call, with a message a user can act on. */
export class AwsCallError extends Error {
  constructor(
    readonly call: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AwsCallError';
  }
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 250;

export function errorCodeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string')
    return error.name;
  return 'Error';
}

function isThrottling(code: string, error: unknown): boolean {
  if (code === 'LimitExceededException' || code === 'LimitExceeded') {
    // IAM uses LimitExceeded for quotas (two keys, fifty tags) too: only a rate is worth retrying.
    return error instanceof Error && /rate/i.test(error.message);
  }
  return THROTTLING.has(code);
}

/** One line: what failed, and what to do about it when that is clear. */
export function describeFailure(call: string, error: unknown): AwsCallError {
  const code = errorCodeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'AccessDenied' || code === 'AccessDeniedException') {
    return new AwsCallError(
      call,
      code,
      `${call}: access denied; the caller needs ${call.split(' ')[0] ?? call} (see docs/rotation.md for the policy)`,
    );
  }
  if (isThrottling(code, error)) {
    return new AwsCallError(
      call,
      code,
      `${call}: still throttled after ${MAX_ATTEMPTS} attempts; try again later`,
    );
  }
  return new AwsCallError(call, code, `${call}: ${code}: ${detail}`);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends with retries and exponential backoff on throttling; any other failure is an AwsCallError. */
async function withRetry<T>(call: string, clients: RotationClients, send: () => Promise<T>): Promise<T> {
  const sleep = clients.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const code = errorCodeOf(error);
      if (attempt < MAX_ATTEMPTS && isThrottling(code, error)) {
        await sleep(BASE_DELAY_MS * 2 ** (attempt - 1) * (1 + Math.random()));
        continue;
      }
      throw describeFailure(call, error);
    }
  }
}

function label(action: string, input: object): string {
  const params = Object.entries(input)
    .filter(([key, value]) => typeof value === 'string' && key !== 'SecretString')
    .map(([key, value]) => `${key}=${String(value)}`);
  return [action, ...params].join(' ');
}

/**
 * Sends one call from the tables above. The caller names the output type it reads (the SDK's `...Output`);
 * the input is checked against the command's own input type.
 */
async function send<T, C extends AnyCommand>(
  clients: RotationClients,
  client: { send: (command: never) => Promise<unknown> } | undefined,
  action: string,
  Command: C,
  input: InputOf<C>,
): Promise<T> {
  if (!client) throw new AwsCallError(action, 'NoClient', `${action}: no client for this service`);
  const command = new Command(input as never);
  return (await withRetry(label(action, input as object), clients, () => client.send(command as never))) as T;
}

export function sendIam<A extends IamAction>(
  clients: RotationClients,
  action: A,
  input: InputOf<(typeof IAM_COMMANDS)[A]>,
): Promise<IamOutputs[A]> {
  return send<IamOutputs[A], (typeof IAM_COMMANDS)[A]>(
    clients,
    clients.iam,
    action,
    IAM_COMMANDS[action],
    input,
  );
}

export function sendSecrets<A extends SecretsAction>(
  clients: RotationClients,
  action: A,
  input: InputOf<(typeof SECRETS_COMMANDS)[A]>,
): Promise<SecretsOutputs[A]> {
  return send<SecretsOutputs[A], (typeof SECRETS_COMMANDS)[A]>(
    clients,
    clients.secrets,
    action,
    SECRETS_COMMANDS[action],
    input,
  );
}
