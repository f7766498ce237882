import { ACCOUNT, REGION, withGap } from '../../testing/builders.js';
import { opensearchDomain } from '../../testing/analytics.js';
import { testCheck } from '../../testing/check-tester.js';
import check from './opensearch-domain-access-policy-not-public.js';

const DOMAIN = `arn:aws:es:${REGION}:${ACCOUNT}:domain/search/*`;
const allow = (overrides: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: DOMAIN, ...overrides }],
});
const publicDomain = (accessPolicies: Record<string, unknown> | null) =>
  opensearchDomain({ vpc: false, accessPolicies });

testCheck(check, {
  pass: [
    {
      name: 'a public endpoint that only a named role may call',
      resources: [publicDomain(allow({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/search-app` } }))],
      message: /^OpenSearch domain search does not grant access to everyone$/,
    },
    {
      name: 'a public endpoint without an access policy',
      resources: [publicDomain(null)],
      message: /has no access policy/,
    },
    {
      name: 'a grant to everyone confined to the office network',
      resources: [publicDomain(allow({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }))],
      message: /limited by source IP: anyone from 203\.0\.113\.0\/24 can es:\*/,
    },
  ],
  fail: [
    {
      name: 'a public endpoint open to anyone',
      resources: [publicDomain(allow())],
      message:
        /^OpenSearch domain search is public: anyone can es:\* \(list, read, write, tagging; statement #1\)$/,
    },
    {
      name: 'an open grant of HTTP reads only',
      resources: [publicDomain(allow({ Principal: '*', Action: ['es:ESHttpGet', 'es:ESHttpHead'] }))],
      message: /anyone can es:ESHttpGet, es:ESHttpHead/,
    },
  ],
  notEvaluated: [
    {
      name: 'the access policy is not valid JSON',
      resources: [withGap(publicDomain(null), 'accessPolicies', 'collection-error', 'es:DescribeDomains')],
      reason: 'collection-error',
    },
    {
      name: 'whether the domain is in a VPC could not be read',
      resources: [withGap(publicDomain(allow()), 'vpc', 'access-denied', 'es:DescribeDomains')],
      reason: 'access-denied',
    },
  ],
  skip: [
    {
      name: 'a domain in a VPC, reached only through it, with an open policy',
      resources: [opensearchDomain({ accessPolicies: allow() })],
    },
  ],
});
