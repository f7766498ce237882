import type { AttributesOf } from '../../core/kinds/index.js';
import { withGap } from '../../testing/builders.js';
import { listingFailed, testCheck } from '../../testing/check-tester.js';
import { ec2Instance } from '../../testing/compute-kinds.js';
import check from './ec2-instance-imdsv2-required.js';

type Instance = AttributesOf<'ec2.instance'>;

const instance = (
  metadataOptions: Partial<Instance['metadataOptions']> = {},
  state: Instance['state'] = 'running',
) =>
  ec2Instance({
    state,
    metadataOptions: {
      httpEndpoint: 'enabled',
      httpTokens: 'required',
      httpPutResponseHopLimit: 1,
      ...metadataOptions,
    },
  });

testCheck(check, {
  pass: [
    { name: 'the instance requires IMDSv2', resources: [instance()], message: /requires IMDSv2/ },
    {
      name: 'the metadata endpoint is turned off, even with tokens optional',
      resources: [instance({ httpEndpoint: 'disabled', httpTokens: 'optional' })],
      message: /turned off/,
    },
  ],
  fail: [
    {
      name: 'a running instance accepts IMDSv1',
      resources: [instance({ httpTokens: 'optional' })],
      message: /accepts IMDSv1/,
    },
    {
      name: 'a stopped instance accepts IMDSv1 (it can be started again)',
      resources: [instance({ httpTokens: 'optional' }, 'stopped')],
      message: /i-0abc accepts IMDSv1/,
    },
  ],
  notEvaluated: [
    {
      name: 'the metadata options could not be read',
      resources: [withGap(instance(), 'metadataOptions', 'access-denied', 'ec2:DescribeInstances')],
      reason: 'access-denied',
    },
    listingFailed(
      'instances could not be listed in the region',
      'ec2.instance',
      'ec2:DescribeInstances',
      'throttled',
    ),
  ],
  skip: [
    {
      name: 'a terminated instance that still accepts IMDSv1',
      resources: [instance({ httpTokens: 'optional' }, 'terminated')],
    },
  ],
});
