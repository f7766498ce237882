import { resource, withGap } from '../../testing/builders.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './ec2-launch-template-imdsv2-required.js';

type Options = {
  httpEndpoint: 'enabled' | 'disabled' | null;
  httpTokens: 'optional' | 'required' | null;
} | null;
const template = (metadataOptions: Options) =>
  resource('ec2.launch-template', 'lt-0abc', {
    launchTemplateId: 'lt-0abc',
    name: 'web',
    latestVersion: 3,
    metadataOptions,
    userData: null,
    associatePublicIpAddress: null,
  });

testCheck(check, {
  pass: [
    {
      name: 'the template requires IMDSv2',
      resources: [template({ httpEndpoint: 'enabled', httpTokens: 'required' })],
      message: /^Launch template web \(lt-0abc\) version 3 requires IMDSv2$/,
    },
    {
      name: 'the template requires IMDSv2 and leaves the endpoint setting to the default',
      resources: [template({ httpEndpoint: null, httpTokens: 'required' })],
    },
    {
      name: 'the template turns the metadata endpoint off',
      resources: [template({ httpEndpoint: 'disabled', httpTokens: null })],
      message: /turns the metadata endpoint off/,
    },
  ],
  fail: [
    {
      name: 'the template explicitly allows IMDSv1',
      resources: [template({ httpEndpoint: 'enabled', httpTokens: 'optional' })],
      message: /accepts IMDSv1 requests \(httpTokens is optional\)/,
    },
    {
      name: 'the template sets no metadata options at all',
      resources: [template(null)],
      message: /does not set httpTokens: the AMI and account defaults decide/,
    },
    {
      name: 'the template sets the endpoint but not the token requirement',
      resources: [template({ httpEndpoint: 'enabled', httpTokens: null })],
      message: /does not set httpTokens/,
    },
  ],
  notEvaluated: [
    {
      name: 'the template versions could not be described',
      resources: [
        withGap(template(null), 'metadataOptions', 'access-denied', 'ec2:DescribeLaunchTemplateVersions'),
      ],
      reason: 'access-denied',
    },
  ],
});
