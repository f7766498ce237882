import {
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  paginateDescribeRepositories,
  type Repository,
} from '@aws-sdk/client-ecr';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, parsePolicy, present, regionalArn } from './support.js';

type RepositoryAttributes = AttributesOf<'ecr.repository'>;

const DESCRIBE = 'ecr:DescribeRepositories';

export const ecrCollector: Collector = {
  service: 'ecr',
  global: false,
  actions: [DESCRIBE, 'ecr:GetRepositoryPolicy', 'ecr:GetLifecyclePolicy'],
  kinds: {
    'ecr.repository': [
      'name',
      'uri',
      'scanOnPush',
      'tagMutability',
      'encryptionType',
      'kmsKey',
      'policy',
      'hasLifecyclePolicy',
    ],
  },
  async collect(ctx) {
    const client = ctx.client(ECRClient);
    // A failed listing throws out of collect(): the runner records a gap on ecr.repository here.
    const repositories = await ctx.call(DESCRIBE, () =>
      allPages(paginateDescribeRepositories({ client }, { maxResults: 1000 }), (page) => page.repositories),
    );
    await Promise.all(repositories.map((repository) => collectRepository(ctx, client, repository)));
  },
};

async function collectRepository(
  ctx: CollectorContext,
  client: ECRClient,
  repository: Repository,
): Promise<void> {
  const name = repository.repositoryName;
  if (!name) return;
  const [policy, lifecycle] = await Promise.all([
    ctx.observe(
      'ecr:GetRepositoryPolicy',
      async () =>
        parsePolicy(
          (await client.send(new GetRepositoryPolicyCommand({ repositoryName: name }))).policyText,
          'repository policy',
        ),
      ['RepositoryPolicyNotFoundException'],
    ),
    ctx.observe(
      'ecr:GetLifecyclePolicy',
      async () => {
        await client.send(new GetLifecyclePolicyCommand({ repositoryName: name }));
        return true;
      },
      ['LifecyclePolicyNotFoundException'],
    ),
  ]);

  const gaps: Gap[] = [];
  const encryption = repository.encryptionConfiguration;
  const attributes: Partial<RepositoryAttributes> = {
    name,
    // Unset is off, as ECR applies it.
    scanOnPush: repository.imageScanningConfiguration?.scanOnPush === true,
    kmsKey: encryption?.kmsKey ?? null,
  };
  present(attributes, gaps, DESCRIBE, 'uri', repository.repositoryUri);
  // ECR documents a repository without an encryption configuration as AES256 (S3-managed keys).
  present(attributes, gaps, DESCRIBE, 'encryptionType', encryption?.encryptionType ?? 'AES256', [
    'AES256',
    'KMS',
    'KMS_DSSE',
  ]);
  present(attributes, gaps, DESCRIBE, 'tagMutability', repository.imageTagMutability, [
    'MUTABLE',
    'IMMUTABLE',
    'MUTABLE_WITH_EXCLUSION',
    'IMMUTABLE_WITH_EXCLUSION',
  ]);
  if (policy.ok) attributes.policy = policy.value;
  else gaps.push(policy.failure.gap('policy'));
  if (lifecycle.ok) attributes.hasLifecyclePolicy = lifecycle.value === true;
  else gaps.push(lifecycle.failure.gap('hasLifecyclePolicy'));

  ctx.emit({
    kind: 'ecr.repository',
    id: name,
    arn: repository.repositoryArn ?? regionalArn(ctx, 'ecr', `repository/${name}`),
    attributes,
    gaps,
  });
}
