import {} from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { kmsKey } from '../../testing/kinds.js';
import { grantToEveryone, policyCases, resourcePolicy } from '../../testing/resource-policies.js';
import check from './kms-key-policy-not-public.js';

const grant = (overrides: Record<string, unknown> = {}) => grantToEveryone('kms:Decrypt', '*', overrides);
const key = (policy: Record<string, unknown>) => kmsKey({ policy });
const cases = policyCases({ withPolicy: key, grant });

testCheck(check, {
  pass: [
    cases.sharedWithAnotherAccount,
    {
      name: "the default key policy, which defers to the account's IAM policies",
      resources: [kmsKey()],
    },
    {
      name: 'every principal may use it through the account (kms:CallerAccount)',
      resources: [
        key(
          resourcePolicy(
            grant({
              Condition: {
                StringEquals: {
                  'kms:CallerAccount': '111122223333',
                  'kms:ViaService': 'ec2.eu-west-1.amazonaws.com',
                },
              },
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
      resources: [key(resourcePolicy(grant()))],
      message:
        /^Key 1234abcd-12ab-34cd-56ef-1234567890ab is public: anyone can kms:Decrypt \(write; statement Everyone\)$/,
    },
    {
      name: 'kms:ViaService alone lets any account use it through the service',
      resources: [
        key(
          resourcePolicy(
            grant({ Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } }),
          ),
        ),
      ],
      message: /anyone can kms:Decrypt/,
    },
  ],
  notEvaluated: [
    cases.notRead(key(resourcePolicy()), 'kms:GetKeyPolicy'),
    listingFailed('the resources could not be listed', 'kms.key'),
  ],
  skip: [{ name: 'an AWS managed key, whose policy AWS writes', resources: [kmsKey({ keyManager: 'AWS' })] }],
});
