import { expect, it } from 'vitest';
import type { AttributesOf } from '../../core/kinds/index.js';
import { resource, withGap } from '../../testing/builders.js';
import { runCase, testCheck } from '../../testing/check-tester.js';
import check from './ec2-launch-template-no-secrets-in-user-data.js';

// Assembled from parts, so that no scanner mistakes this file for a leak.
const SLACK_TOKEN = ['xoxb', '-1234567890', '-abcdefghijKLMNOP'].join('');

function template(userData: string | null) {
  const attributes: AttributesOf<'ec2.launch-template'> = {
    launchTemplateId: 'lt-0abc',
    name: 'batch-workers',
    latestVersion: 3,
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required' },
    userData,
    associatePublicIpAddress: false,
  };
  return resource('ec2.launch-template', attributes.launchTemplateId, attributes);
}

testCheck(check, {
  pass: [
    {
      name: 'a template whose boot script reads its secrets from Parameter Store',
      resources: [
        template(
          '#!/bin/bash\nexport API_TOKEN=$(aws ssm get-parameter --name /batch/token --with-decryption --query Parameter.Value --output text)',
        ),
      ],
      message:
        /^Launch template batch-workers \(lt-0abc\) version 3 has no hardcoded secret in its user data$/,
    },
    { name: 'a template without user data', resources: [template(null)], message: /has no user data$/ },
  ],
  fail: [
    {
      name: 'a template whose boot script posts to Slack with a bot token',
      resources: [
        template(
          `#!/bin/bash\ncurl -H "Authorization: Bearer ${SLACK_TOKEN}" https://slack.com/api/chat.postMessage`,
        ),
      ],
      message: /version 3 has hardcoded secrets in its user data: line 2 \(Slack token\)$/,
    },
    {
      name: 'a template that passes a database password on the command line',
      resources: [template('#!/bin/bash\nmysql -h db.internal --password=Sup3rS3cret! < /opt/init.sql')],
      message: /line 2 \(password\) \(literal value under a secret-like name\)/,
    },
  ],
  notEvaluated: [
    {
      name: 'the latest version could not be read',
      resources: [withGap(template(null), 'userData', 'access-denied', 'ec2:DescribeLaunchTemplateVersions')],
      reason: 'access-denied',
    },
  ],
});

it('never shows the token it found', () => {
  const [result] = runCase(check, { name: 'a token', resources: [template(`TOKEN=${SLACK_TOKEN}`)] });
  expect(result?.status).toBe('FAIL');
  expect(JSON.stringify(result)).not.toContain(SLACK_TOKEN.slice(4));
});
