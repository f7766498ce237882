import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  type Repository,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { collectedAttributes, reloadedAttributes } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { ecrCollector } from './ecr.js';

const ecr = mockClient(ECRClient);
const KINDS = Object.keys(ecrCollector.kinds);

const arnOf = (name: string) => `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`;
const uriOf = (name: string) => `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function repository(name: string, overrides: Partial<Repository> = {}): Repository {
  return {
    repositoryName: name,
    repositoryArn: arnOf(name),
    repositoryUri: uriOf(name),
    registryId: ACCOUNT,
    imageTagMutability: 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KEY },
    ...overrides,
  };
}

const CROSS_ACCOUNT_PULL = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'pull',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    },
  ],
};

/** Repositories on one page, none with a policy or a lifecycle policy. */
function account(repositories: Repository[]) {
  ecr.on(DescribeRepositoriesCommand).resolves({ repositories });
  ecr.on(GetRepositoryPolicyCommand).rejects(awsError('RepositoryPolicyNotFoundException', 400));
  ecr.on(GetLifecyclePolicyCommand).rejects(awsError('LifecyclePolicyNotFoundException', 400));
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('ecr collector', () => {
  beforeEach(() => ecr.reset());

  it('reports every repository across DescribeRepositories pages, with its policies', async () => {
    account([]);
    ecr
      .on(DescribeRepositoriesCommand)
      .resolvesOnce({ repositories: [repository('api')], nextToken: 'page-2' })
      .resolvesOnce({
        repositories: [
          repository('legacy', {
            imageTagMutability: 'MUTABLE',
            imageScanningConfiguration: { scanOnPush: false },
            encryptionConfiguration: { encryptionType: 'AES256' },
          }),
        ],
      });
    ecr
      .on(GetRepositoryPolicyCommand, { repositoryName: 'api' })
      .resolves({ repositoryName: 'api', policyText: JSON.stringify(CROSS_ACCOUNT_PULL) });
    ecr
      .on(GetLifecyclePolicyCommand, { repositoryName: 'api' })
      .resolves({ repositoryName: 'api', lifecyclePolicyText: '{"rules":[]}' });
    const sink = await collectWith(ecrCollector);

    expect(ecr.commandCalls(DescribeRepositoriesCommand)).toHaveLength(2);
    expect(byId(sink, 'api')).toEqual({
      kind: 'ecr.repository',
      id: 'api',
      arn: arnOf('api'),
      region: REGION,
      attributes: {
        name: 'api',
        uri: uriOf('api'),
        scanOnPush: true,
        tagMutability: 'IMMUTABLE',
        encryptionType: 'KMS',
        kmsKey: KEY,
        policy: CROSS_ACCOUNT_PULL,
        hasLifecyclePolicy: true,
      },
      gaps: [],
    });
    // No repository policy and no lifecycle policy are observed absences: null and false, not gaps.
    expect(byId(sink, 'legacy')).toMatchObject({
      attributes: {
        scanOnPush: false,
        tagMutability: 'MUTABLE',
        encryptionType: 'AES256',
        kmsKey: null,
        policy: null,
        hasLifecyclePolicy: false,
      },
      gaps: [],
    });
    expect(sink.gaps).toEqual([]);
    expect(sink.errors).toEqual([]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('reads a repository without an encryption configuration as AES256, as ECR documents', async () => {
    account([repository('old', { encryptionConfiguration: undefined })]);
    const sink = await collectWith(ecrCollector);
    expect(sink.resources[0]).toMatchObject({
      attributes: { encryptionType: 'AES256', kmsKey: null },
      gaps: [],
    });
  });

  it('reports a region without repositories as no resources and no gap', async () => {
    account([]);
    const sink = await collectWith(ecrCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied DescribeRepositories into a gap on the kind, naming the action', async () => {
    ecr.on(DescribeRepositoriesCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ecrCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([kindGap('ecr.repository', 'access-denied', 'ecr:DescribeRepositories')]);
  });

  it('keeps a repository whose GetRepositoryPolicy was denied, with a gap on policy only', async () => {
    account([repository('api')]);
    ecr.on(GetRepositoryPolicyCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ecrCollector);
    const [api] = sink.resources;
    expect(api?.gaps).toEqual([
      expect.objectContaining({
        field: 'policy',
        reason: 'access-denied',
        action: 'ecr:GetRepositoryPolicy',
      }),
    ]);
    expect(api?.attributes).not.toHaveProperty('policy');
    expect(api?.attributes).toMatchObject({ hasLifecyclePolicy: false, scanOnPush: true });
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('keeps a repository whose GetLifecyclePolicy was denied, with a gap on hasLifecyclePolicy only', async () => {
    account([repository('api')]);
    ecr.on(GetLifecyclePolicyCommand).rejects(awsError('AccessDeniedException', 400));
    const sink = await collectWith(ecrCollector);
    const [api] = sink.resources;
    expect(api?.gaps).toEqual([
      expect.objectContaining({
        field: 'hasLifecyclePolicy',
        reason: 'access-denied',
        action: 'ecr:GetLifecyclePolicy',
      }),
    ]);
    expect(api?.attributes).not.toHaveProperty('hasLifecyclePolicy');
    expect(api?.attributes).toMatchObject({ policy: null });
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('gaps hasLifecyclePolicy as throttled when GetLifecyclePolicy is throttled for good', async () => {
    account([repository('api')]);
    ecr.on(GetLifecyclePolicyCommand).rejects(awsError('ThrottlingException', 400));
    const sink = await collectWith(ecrCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'hasLifecyclePolicy',
        reason: 'throttled',
        action: 'ecr:GetLifecyclePolicy',
      }),
    ]);
  });

  it('gaps a tag mutability onus does not know instead of failing the snapshot', async () => {
    account([repository('api', { imageTagMutability: 'SOMETIMES' as Repository['imageTagMutability'] })]);
    const sink = await collectWith(ecrCollector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({ field: 'tagMutability', reason: 'collection-error' }),
    ]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });
});
