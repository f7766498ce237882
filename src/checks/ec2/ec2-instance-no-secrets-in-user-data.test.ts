import { describe, expect, it } from 'vitest';
import { resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './ec2-instance-no-secrets-in-user-data.js';

// Assembled from parts, so that no scanner mistakes this file for a leak.
const KEY_ID = ['AKIA', 'Q3T7ZK5M2XWP4R6N'].join('');
const SECRET_KEY = ['kq7R2m9Xw', 'P4tL8vZ3nB6yH1cJ5sD0fG2aE7uK9oT'].join('');

const userData = (text: string | null) =>
  resource('ec2.instance-user-data', 'i-0abc', { instanceId: 'i-0abc', userData: text });

testCheck(check, {
  pass: [
    {
      name: 'a boot script that fetches the database password from Secrets Manager',
      resources: [
        userData(
          '#!/bin/bash\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)\nsystemctl start app',
        ),
      ],
      message: /^Instance i-0abc has no hardcoded secret in its user data$/,
    },
    { name: 'an instance without user data', resources: [userData(null)], message: /has no user data/ },
  ],
  fail: [
    {
      name: 'a boot script that writes an access key pair to the AWS config',
      resources: [
        userData(
          `#!/bin/bash\naws configure set aws_access_key_id ${KEY_ID}\naws configure set aws_secret_access_key ${SECRET_KEY}\n`,
        ),
      ],
      message:
        /^Instance i-0abc has hardcoded secrets in its user data: line 2 \(AWS access key id\), line 3 \(AWS secret access key\)$/,
    },
    {
      name: 'a cloud-config that sets a database password',
      resources: [
        userData('#cloud-config\nwrite_files:\n  - content: |\n      db_password: correct-horse\n'),
      ],
      message: /line 4 \(db_password\) \(literal value under a secret-like name\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the user data could not be read',
      resources: [withGap(userData(null), 'userData', 'access-denied', 'ec2:DescribeInstanceAttribute')],
      reason: 'access-denied',
    },
  ],
});

describe('ec2-instance-no-secrets-in-user-data evidence', () => {
  it('places each secret by line, redacted', () => {
    const [result] = runCase(check, {
      name: 'a key pair',
      resources: [userData(`export AWS_ACCESS_KEY_ID=${KEY_ID}\nexport AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`)],
    });
    expect(result?.evidence).toEqual({
      findings: [
        { where: 'line 1', rule: 'aws-access-key-id', redacted: 'AKIA…(20 chars)' },
        { where: 'line 2', rule: 'aws-secret-access-key', redacted: 'kq7R…(40 chars)' },
      ],
    });
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(KEY_ID);
    expect(shown).not.toContain(SECRET_KEY);
  });
});
