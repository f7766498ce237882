import type { AttributesOf } from '../../core/kinds/index.js';
import { resource } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { grantToEveryone, policyCases, resourcePolicy } from '../../testing/resource-policies.js';
import check from './ecr-repository-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) =>
  grantToEveryone('ecr:BatchGetImage', 'arn:aws:ecr:eu-west-1:111122223333:repository/storefront', overrides);
const repository = (policy: Record<string, unknown> | null) =>
  // The check reads the name and the policy only.
  resource('ecr.repository', 'storefront', { name: 'storefront', policy } as AttributesOf<'ecr.repository'>);
const cases = policyCases({ withPolicy: repository, grant });

testCheck(check, {
  pass: [
    {
      name: 'it has no policy',
      resources: [repository(null)],
      message: /storefront has no repository policy/,
    },
    cases.sharedWithAnotherAccount,
    {
      name: 'every account of the organization may pull',
      resources: [
        repository(
          resourcePolicy(
            grant({
              Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            }),
          ),
        ),
      ],
    },
    cases.confinedToOrganization,
  ],
  fail: [
    {
      name: 'anyone is allowed',
      resources: [repository(resourcePolicy(grant()))],
      message: /^Repository storefront is public: anyone can ecr:BatchGetImage \(read; statement Everyone\)$/,
    },
    {
      name: 'anyone can push images',
      resources: [repository(resourcePolicy(grant({ Action: ['ecr:PutImage', 'ecr:InitiateLayerUpload'] })))],
      message: /anyone can ecr:PutImage, ecr:InitiateLayerUpload/,
    },
  ],
  notEvaluated: [
    cases.notRead(repository(null), 'ecr:GetRepositoryPolicy'),
    listingFailed('the resources could not be listed', 'ecr.repository'),
  ],
});
