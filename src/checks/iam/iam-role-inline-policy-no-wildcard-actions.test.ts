import { withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import { iamRole, policy, serviceLinkedRole } from '../../testing/iam-kinds.js';
import check from './iam-role-inline-policy-no-wildcard-actions.js';

const dynamoEverything = [
  {
    name: 'tables',
    document: policy({ Sid: 'Tables', Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }),
  },
];

testCheck(check, {
  pass: [
    {
      name: 'a role whose inline policy lists the S3 actions it needs',
      resources: [iamRole('app')],
      message: /^Role app allows no whole service/,
    },
  ],
  fail: [
    {
      name: 'an application role allowed every DynamoDB action',
      resources: [iamRole('orders-api', { inlinePolicies: dynamoEverything })],
      message:
        /^Role orders-api allows whole services: dynamodb:\* in inline policy tables \(statement Tables\)$/,
    },
  ],
  notEvaluated: [
    {
      name: 'the role inline policies could not be read',
      resources: [
        withGap(iamRole('app'), 'inlinePolicies', 'access-denied', 'iam:GetAccountAuthorizationDetails'),
      ],
      reason: 'access-denied',
    },
  ],
  skip: [
    { name: 'a service-linked role', resources: [serviceLinkedRole({ inlinePolicies: dynamoEverything })] },
  ],
});
