import { REGION, resource, withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import check from './ec2-ebs-encryption-by-default.js';

const setting = (enabled: boolean, kmsKeyId: string | null = null, region = REGION) =>
  resource('ec2.ebs-encryption-by-default', region, { enabled, kmsKeyId }, { region });

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

testCheck(check, {
  pass: [
    { name: 'enabled with the AWS managed key', resources: [setting(true)], message: /aws\/ebs/ },
    {
      name: 'enabled with a customer managed key',
      resources: [setting(true, KEY)],
      message: /key\/1234abcd/,
    },
  ],
  fail: [
    { name: 'disabled in the region', resources: [setting(false)], message: /disabled in eu-west-1/ },
    {
      name: 'disabled even though a default key is set',
      resources: [setting(false, KEY)],
      message: /disabled/,
    },
  ],
  notEvaluated: [
    {
      name: 'GetEbsEncryptionByDefault was denied',
      resources: [withGap(setting(true), 'enabled', 'access-denied', 'ec2:GetEbsEncryptionByDefault')],
      reason: 'access-denied',
    },
    {
      name: 'the default KMS key could not be read',
      resources: [withGap(setting(true), 'kmsKeyId', 'throttled', 'ec2:GetEbsDefaultKmsKeyId')],
      reason: 'throttled',
    },
    listingFailed(
      'EC2 could not be queried in the region at all',
      'ec2.ebs-encryption-by-default',
      'ec2:GetEbsEncryptionByDefault',
    ),
  ],
});
