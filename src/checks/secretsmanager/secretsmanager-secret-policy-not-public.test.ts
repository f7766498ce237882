import {} from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { secret } from '../../testing/kinds.js';
import { grantToEveryone, policyCases, resourcePolicy } from '../../testing/resource-policies.js';
import check from './secretsmanager-secret-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) =>
  grantToEveryone('secretsmanager:GetSecretValue', '*', overrides);
const withPolicy = (policy: Record<string, unknown> | null) => secret('prod/db', { policy });
const cases = policyCases({ withPolicy: withPolicy, grant });

testCheck(check, {
  pass: [
    { name: 'it has no policy', resources: [withPolicy(null)], message: /prod\/db has no resource policy/ },
    cases.sharedWithAnotherAccount,
    {
      name: 'reads only through a VPC endpoint',
      resources: [
        withPolicy(
          resourcePolicy(grant({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } } })),
        ),
      ],
    },
    cases.confinedToOrganization,
  ],
  fail: [
    {
      name: 'anyone is allowed',
      resources: [withPolicy(resourcePolicy(grant()))],
      message:
        /^Secret prod\/db is public: anyone can secretsmanager:GetSecretValue \(read; statement Everyone\)$/,
    },
    {
      name: 'anyone can overwrite the value',
      resources: [withPolicy(resourcePolicy(grant({ Action: 'secretsmanager:PutSecretValue' })))],
      message: /anyone can secretsmanager:PutSecretValue/,
    },
  ],
  notEvaluated: [
    cases.notRead(withPolicy(null), 'secretsmanager:GetResourcePolicy'),
    listingFailed('the resources could not be listed', 'secretsmanager.secret'),
  ],
});
