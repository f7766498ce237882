import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ecr-repository-immutable-tags',
  title: 'ECR repository tags are immutable',
  description:
    'With immutable tags, an image tag such as `v1.4.2` always points at the image first pushed under it: pushing another image with the same tag is refused. The check passes for IMMUTABLE repositories and fails for MUTABLE ones. Repositories with exclusion filters (IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION) keep some tags mutable; they fail unless the `allowImmutableWithExclusion` threshold accepts the immutable-with-exclusions setting (the filters themselves are not read).',
  risk: 'Anyone who can push to the repository can silently replace a deployed tag with another image, and deployments that pull by tag run it: a supply-chain compromise that is hard to see and to trace back.',
  severity: 'medium',
  service: 'ecr',
  domain: 'compute',
  kind: 'ecr.repository',
  scope: 'resource',
  reads: ['name', 'tagMutability'],
  thresholds: {
    allowImmutableWithExclusion: {
      default: false,
      description:
        'Accept IMMUTABLE_WITH_EXCLUSION (immutable except for tags matching exclusion filters, such as `latest`)',
    },
  },
  remediation: {
    text: 'Set the repository’s tag mutability to IMMUTABLE and give every build a unique tag (a version or the commit SHA); deploy by tag or, better, by image digest. Pipelines that re-push a moving tag such as `latest` must stop doing so first.',
    cli: 'aws ecr put-image-tag-mutability --repository-name <repository> --image-tag-mutability IMMUTABLE',
    cloudformation:
      'Repository:\n  Type: AWS::ECR::Repository\n  Properties:\n    RepositoryName: app\n    ImageTagMutability: IMMUTABLE',
    terraform:
      'resource "aws_ecr_repository" "this" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  },
  evaluate(repository, ctx) {
    const { name, tagMutability } = repository.attributes;
    const allowExclusion = ctx.thresholds.allowImmutableWithExclusion;
    const evidence = { tagMutability, allowImmutableWithExclusion: allowExclusion };
    if (tagMutability === 'IMMUTABLE') return pass(`ECR repository ${name} has immutable tags`, evidence);
    if (tagMutability === 'IMMUTABLE_WITH_EXCLUSION') {
      return allowExclusion
        ? pass(
            `ECR repository ${name} has immutable tags, except those matching its exclusion filters`,
            evidence,
          )
        : fail(
            `ECR repository ${name} lets tags matching its exclusion filters be overwritten (${tagMutability})`,
            evidence,
          );
    }
    return fail(`ECR repository ${name} lets tags be overwritten (${tagMutability})`, evidence);
  },
});
