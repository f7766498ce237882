import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface CredentialOptions {
  /** A named profile from the shared config files (SSO, role_arn and credential_process profiles included). */
  profile?: string;
  /** A role to assume with the base credentials. */
  roleArn?: string;
  externalId?: string;
  /** Region for STS calls made while assuming the role. */
  region: string;
}

/**
 * The credentials a user already has: the SDK's default chain (environment, shared config and SSO, web
 * identity, container and instance roles), or a named profile; then, if asked, a role assumed with them.
 */
export function credentialsFor(options: CredentialOptions): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  return options.roleArn ? assumeRole(base, options.roleArn, options.externalId, options.region) : base;
}

/** Temporary credentials for `roleArn`, assumed with `base` (refreshed by the SDK before they expire). */
export function assumeRole(
  base: AwsCredentialIdentityProvider,
  roleArn: string,
  externalId: string | undefined,
  region: string,
): AwsCredentialIdentityProvider {
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: roleArn,
      RoleSessionName: 'onus-audit',
      ...(externalId ? { ExternalId: externalId } : {}),
    },
    clientConfig: { region },
  });
}

/** The region for global calls: AWS_REGION, then AWS_DEFAULT_REGION (which SDK v3 ignores), then us-east-1. */
export function homeRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
}

/** `aws`, `aws-cn`, `aws-us-gov`... from any ARN. */
export function partitionOf(arn: string): string {
  return arn.split(':')[1] || 'aws';
}
