import { describe, expect, it } from 'vitest';
import { conditionsHold, evaluateCondition, parseOperator } from './conditions.js';
import { parsePolicy } from './parse.js';
import type { RequestContext } from './types.js';

/** The clauses of a statement whose Condition block is `condition`, parsed as IAM would. */
function holds(condition: Record<string, unknown>, context: RequestContext, version = '2012-10-17'): boolean {
  const parsed = parsePolicy(
    { Version: version, Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: condition } },
    'test',
  );
  if (!parsed.ok) throw new Error(parsed.error);
  const statement = parsed.policy.statements[0]!;
  return conditionsHold(statement.conditions, context, { variables: parsed.policy.version === '2012-10-17' });
}

type Row = [
  situation: string,
  condition: Record<string, unknown>,
  context: RequestContext,
  expected: boolean,
];

function table(rows: Row[]): void {
  it.each(rows)('%s', (_situation, condition, context, expected) => {
    expect(holds(condition, context)).toBe(expected);
  });
}

// IAM User Guide, "IAM JSON policy elements: Condition operators" > String condition operators.
describe('string operators', () => {
  table([
    [
      'StringEquals matches the exact value',
      { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
      { 'aws:principaltag/job-category': 'iamuser-admin' },
      true,
    ],
    [
      'StringEquals is case-sensitive on values',
      { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
      { 'aws:principaltag/job-category': 'IAMUSER-ADMIN' },
      false,
    ],
    [
      'StringEquals finds the key whatever the case of its name',
      { StringEquals: { 'AWS:PRINCIPALTAG/Job-Category': 'iamuser-admin' } },
      { 'aws:principaltag/job-category': 'iamuser-admin' },
      true,
    ],
    [
      'StringEquals does not treat * as a wildcard',
      { StringEquals: { 's3:prefix': 'home/*' } },
      { 's3:prefix': 'home/amy' },
      false,
    ],
    [
      'StringEquals fails when the key is missing',
      { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
      {},
      false,
    ],
    [
      'StringEquals with several values matches any of them (OR)',
      { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
      { 'aws:requestedregion': 'eu-central-1' },
      true,
    ],
    [
      'StringEquals with several values fails when none matches',
      { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
      { 'aws:requestedregion': 'us-east-1' },
      false,
    ],
    [
      'StringNotEquals holds for a different value',
      { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      { 'aws:requestedregion': 'us-east-1' },
      true,
    ],
    [
      'StringNotEquals fails for the same value',
      { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      { 'aws:requestedregion': 'eu-west-1' },
      false,
    ],
    [
      'StringNotEquals with several values holds only when the value matches none',
      { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
      { 'aws:requestedregion': 'eu-central-1' },
      false,
    ],
    [
      'StringNotEquals with several values holds when outside the list',
      { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
      { 'aws:requestedregion': 'ap-south-1' },
      true,
    ],
    [
      'StringNotEquals holds when the key is missing (negated operators match an absent key)',
      { StringNotEquals: { 'aws:PrincipalOrgID': 'o-12345' } },
      {},
      true,
    ],
    [
      'StringEqualsIgnoreCase ignores case',
      { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Blue' } },
      { 'aws:principaltag/team': 'BLUE' },
      true,
    ],
    [
      'StringEqualsIgnoreCase still needs the same letters',
      { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Blue' } },
      { 'aws:principaltag/team': 'green' },
      false,
    ],
    [
      'StringNotEqualsIgnoreCase fails for a value differing only in case',
      { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Blue' } },
      { 'aws:principaltag/team': 'bLuE' },
      false,
    ],
    [
      'StringNotEqualsIgnoreCase holds for another value',
      { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Blue' } },
      { 'aws:principaltag/team': 'red' },
      true,
    ],
    [
      'StringLike matches a * wildcard',
      { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
      { 's3:prefix': 'home/amy/photos', 'aws:username': 'amy' },
      true,
    ],
    [
      'StringLike matches the empty prefix value',
      { StringLike: { 's3:prefix': ['', 'home/'] } },
      { 's3:prefix': '' },
      true,
    ],
    [
      'StringLike does not match another user folder',
      { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
      { 's3:prefix': 'home/bob/x', 'aws:username': 'amy' },
      false,
    ],
    [
      'StringLike ? matches exactly one character',
      { StringLike: { 'aws:PrincipalTag/cost-center': 'cc-??' } },
      { 'aws:principaltag/cost-center': 'cc-12' },
      true,
    ],
    [
      'StringLike ? does not match two characters',
      { StringLike: { 'aws:PrincipalTag/cost-center': 'cc-?' } },
      { 'aws:principaltag/cost-center': 'cc-12' },
      false,
    ],
    [
      'StringLike is case-sensitive',
      { StringLike: { 'ec2:InstanceType': 't3.*' } },
      { 'ec2:instancetype': 'T3.micro' },
      false,
    ],
    ['StringLike fails on a missing key', { StringLike: { 'ec2:InstanceType': 't3.*' } }, {}, false],
    [
      'StringNotLike fails when the value matches the pattern',
      { StringNotLike: { 'ec2:InstanceType': ['t3.*', 't2.*'] } },
      { 'ec2:instancetype': 't2.nano' },
      false,
    ],
    [
      'StringNotLike holds when the value matches no pattern',
      { StringNotLike: { 'ec2:InstanceType': ['t3.*', 't2.*'] } },
      { 'ec2:instancetype': 'p4d.24xlarge' },
      true,
    ],
    [
      'StringNotLike holds when the key is missing',
      { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' } },
      {},
      true,
    ],
  ]);
});

// Condition operators > Numeric condition operators.
describe('numeric operators', () => {
  table([
    [
      'NumericLessThanEquals holds below the limit (s3:max-keys example)',
      { NumericLessThanEquals: { 's3:max-keys': '10' } },
      { 's3:max-keys': '5' },
      true,
    ],
    [
      'NumericLessThanEquals holds at the limit',
      { NumericLessThanEquals: { 's3:max-keys': '10' } },
      { 's3:max-keys': '10' },
      true,
    ],
    [
      'NumericLessThanEquals fails above the limit',
      { NumericLessThanEquals: { 's3:max-keys': '10' } },
      { 's3:max-keys': '11' },
      false,
    ],
    [
      'NumericLessThan fails at the limit',
      { NumericLessThan: { 's3:max-keys': 10 } },
      { 's3:max-keys': '10' },
      false,
    ],
    [
      'NumericGreaterThan compares numbers, not text',
      { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '9' } },
      { 'aws:multifactorauthage': '10' },
      true,
    ],
    [
      'NumericGreaterThanEquals holds at the limit',
      { NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': 3600 } },
      { 'aws:multifactorauthage': '3600' },
      true,
    ],
    [
      'NumericGreaterThan fails below the limit',
      { NumericGreaterThan: { 'aws:MultiFactorAuthAge': 3600 } },
      { 'aws:multifactorauthage': '60' },
      false,
    ],
    [
      'NumericEquals treats 10 and 10.0 as equal',
      { NumericEquals: { 's3:max-keys': '10' } },
      { 's3:max-keys': '10.0' },
      true,
    ],
    [
      'NumericEquals fails for another number',
      { NumericEquals: { 's3:max-keys': '10' } },
      { 's3:max-keys': '12' },
      false,
    ],
    [
      'NumericNotEquals holds for another number',
      { NumericNotEquals: { 's3:max-keys': '10' } },
      { 's3:max-keys': '12' },
      true,
    ],
    [
      'NumericNotEquals fails for the same number',
      { NumericNotEquals: { 's3:max-keys': ['10', '20'] } },
      { 's3:max-keys': '20' },
      false,
    ],
    [
      'a value that is not a number never matches a numeric operator',
      { NumericLessThan: { 's3:max-keys': '10' } },
      { 's3:max-keys': 'ten' },
      false,
    ],
    ['NumericLessThan fails on a missing key', { NumericLessThan: { 's3:max-keys': '10' } }, {}, false],
    ['NumericNotEquals holds on a missing key', { NumericNotEquals: { 's3:max-keys': '10' } }, {}, true],
  ]);
});

// Condition operators > Date condition operators (ISO 8601 or epoch seconds).
describe('date operators', () => {
  table([
    [
      'DateLessThan holds before the date (aws:CurrentTime example)',
      { DateLessThan: { 'aws:CurrentTime': '2026-06-30T00:00:00Z' } },
      { 'aws:currenttime': '2026-06-01T12:00:00Z' },
      true,
    ],
    [
      'DateLessThan fails after the date',
      { DateLessThan: { 'aws:CurrentTime': '2026-06-30T00:00:00Z' } },
      { 'aws:currenttime': '2026-07-01T00:00:00Z' },
      false,
    ],
    [
      'DateGreaterThan holds after the date',
      { DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } },
      { 'aws:currenttime': '2026-01-01T00:00:00Z' },
      true,
    ],
    [
      'DateGreaterThanEquals holds at the same instant written differently',
      { DateGreaterThanEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } },
      { 'aws:currenttime': '2020-04-01T02:00:00+02:00' },
      true,
    ],
    [
      'DateLessThanEquals holds at the same instant',
      { DateLessThanEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } },
      { 'aws:currenttime': '2020-04-01T00:00:00Z' },
      true,
    ],
    [
      'DateEquals compares a date with epoch seconds',
      { DateEquals: { 'aws:EpochTime': '1585699200' } },
      { 'aws:epochtime': '2020-04-01T00:00:00Z' },
      true,
    ],
    [
      'DateNotEquals fails for the same instant in epoch seconds',
      { DateNotEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } },
      { 'aws:currenttime': '1585699200' },
      false,
    ],
    [
      'DateNotEquals holds for another instant',
      { DateNotEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } },
      { 'aws:currenttime': '1585699201' },
      true,
    ],
    [
      'DateLessThan accepts a date without a time (aws:TokenIssueTime revocation example)',
      { DateLessThan: { 'aws:TokenIssueTime': '2014-05-07' } },
      { 'aws:tokenissuetime': '2014-05-06T23:47:00Z' },
      true,
    ],
    [
      'a value that is not a date never matches',
      { DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } },
      { 'aws:currenttime': 'yesterday' },
      false,
    ],
    [
      'DateLessThan fails on a missing key (long-term credentials have no aws:TokenIssueTime)',
      { DateLessThan: { 'aws:TokenIssueTime': '2014-05-07T23:47:00Z' } },
      {},
      false,
    ],
  ]);
});

// Condition operators > Boolean and Binary condition operators.
describe('boolean and binary operators', () => {
  table([
    [
      'Bool false matches a request over plain HTTP',
      { Bool: { 'aws:SecureTransport': 'false' } },
      { 'aws:securetransport': 'false' },
      true,
    ],
    [
      'Bool false does not match a TLS request',
      { Bool: { 'aws:SecureTransport': 'false' } },
      { 'aws:securetransport': 'true' },
      false,
    ],
    [
      'Bool written as a JSON boolean matches the same way',
      { Bool: { 'aws:SecureTransport': false } },
      { 'aws:securetransport': 'false' },
      true,
    ],
    [
      'Bool compares true case-insensitively',
      { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      { 'aws:multifactorauthpresent': 'TRUE' },
      true,
    ],
    [
      'Bool fails on a missing key (no MFA context with access keys)',
      { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
      {},
      false,
    ],
    [
      'BoolIfExists holds on a missing key (the documented MFA deny pattern)',
      { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      {},
      true,
    ],
    [
      'BoolIfExists still checks a present key',
      { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      { 'aws:multifactorauthpresent': 'true' },
      false,
    ],
    [
      'BinaryEquals matches the same base64 bytes',
      { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
      { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' },
      true,
    ],
    [
      'BinaryEquals fails for other bytes',
      { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
      { key: 'b3RoZXI=' },
      false,
    ],
    [
      'BinaryEquals fails on a missing key',
      { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
      {},
      false,
    ],
  ]);
});

// Condition operators > IP address condition operators (IPv4 and IPv6 CIDR, RFC 4632).
describe('IP address operators', () => {
  table([
    [
      'IpAddress holds inside an IPv4 block',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:sourceip': '203.0.113.77' },
      true,
    ],
    [
      'IpAddress fails outside the block',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:sourceip': '203.0.114.1' },
      false,
    ],
    [
      'IpAddress with several blocks holds in any of them',
      { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } },
      { 'aws:sourceip': '192.0.2.10' },
      true,
    ],
    [
      'IpAddress with a bare address matches only that host',
      { IpAddress: { 'aws:SourceIp': '203.0.113.5' } },
      { 'aws:sourceip': '203.0.113.5' },
      true,
    ],
    [
      'IpAddress with a bare address rejects its neighbour',
      { IpAddress: { 'aws:SourceIp': '203.0.113.5' } },
      { 'aws:sourceip': '203.0.113.6' },
      false,
    ],
    [
      'IpAddress /0 holds for every IPv4 address',
      { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
      { 'aws:sourceip': '8.8.8.8' },
      true,
    ],
    [
      'IpAddress holds inside an IPv6 block',
      { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } },
      { 'aws:sourceip': '2001:db8:1234:5678::1' },
      true,
    ],
    [
      'IpAddress fails outside an IPv6 block',
      { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } },
      { 'aws:sourceip': '2001:db8:1234:5679::1' },
      false,
    ],
    [
      'an IPv4 address is never inside an IPv6 block',
      { IpAddress: { 'aws:SourceIp': '2001:DB8::/32' } },
      { 'aws:sourceip': '203.0.113.1' },
      false,
    ],
    [
      'NotIpAddress holds outside the block (deny outside the corporate range)',
      { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } },
      { 'aws:sourceip': '198.51.100.7' },
      true,
    ],
    [
      'NotIpAddress fails inside one of the blocks',
      { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } },
      { 'aws:sourceip': '203.0.113.9' },
      false,
    ],
    [
      'NotIpAddress holds on a missing key (requests through AWS services carry no aws:SourceIp)',
      { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
      {},
      true,
    ],
    ['IpAddress fails on a missing key', { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }, {}, false],
    [
      'a block with an empty prefix length is invalid and matches nothing',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/' } },
      { 'aws:sourceip': '8.8.8.8' },
      false,
    ],
    [
      'an IPv4-mapped IPv6 address lies in its ::ffff:0:0/96 block',
      { IpAddress: { 'aws:SourceIp': '::ffff:0:0/96' } },
      { 'aws:sourceip': '::ffff:203.0.113.1' },
      true,
    ],
    [
      'a value that is not an address never matches',
      { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
      { 'aws:sourceip': 'vpce-1a2b3c' },
      false,
    ],
  ]);
});

// Condition operators > Amazon Resource Name (ARN) condition operators.
describe('ARN operators', () => {
  const topic = 'arn:aws:sns:us-east-1:123456789012:alerts';
  table([
    [
      'ArnEquals matches the same ARN (aws:SourceArn example)',
      { ArnEquals: { 'aws:SourceArn': topic } },
      { 'aws:sourcearn': topic },
      true,
    ],
    [
      'ArnEquals fails for another topic',
      { ArnEquals: { 'aws:SourceArn': topic } },
      { 'aws:sourcearn': 'arn:aws:sns:us-east-1:123456789012:other' },
      false,
    ],
    [
      'ArnLike matches a wildcard in the account segment',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:*:alerts' } },
      { 'aws:sourcearn': topic },
      true,
    ],
    [
      'ArnLike matches a wildcard in the resource segment',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/Admin*' } },
      { 'aws:principalarn': 'arn:aws:iam::123456789012:role/AdminOps' },
      true,
    ],
    [
      'ArnLike is case-sensitive',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/admin*' } },
      { 'aws:principalarn': 'arn:aws:iam::123456789012:role/AdminOps' },
      false,
    ],
    [
      'ArnLike checks each segment: a wildcard inside a segment does not span colons',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:s*s:123456789012:alerts' } },
      { 'aws:sourcearn': topic },
      false,
    ],
    [
      'ArnLike ? matches one character of a segment',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-?:123456789012:alerts' } },
      { 'aws:sourcearn': topic },
      true,
    ],
    [
      'ArnEquals also accepts wildcards (documented together with ArnLike)',
      { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:alerts' } },
      { 'aws:sourcearn': topic },
      true,
    ],
    [
      'ArnNotEquals holds for another ARN',
      { ArnNotEquals: { 'aws:SourceArn': topic } },
      { 'aws:sourcearn': 'arn:aws:sns:us-east-1:123456789012:other' },
      true,
    ],
    [
      'ArnNotLike fails when the ARN matches',
      { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Break*' } },
      { 'aws:principalarn': 'arn:aws:iam::123456789012:role/BreakGlass' },
      false,
    ],
    [
      'ArnNotLike holds when the key is missing',
      { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Break*' } },
      {},
      true,
    ],
    [
      'ArnLike fails on a missing key (no aws:SourceArn for a direct call)',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::logs' } },
      {},
      false,
    ],
  ]);
});

// Condition operators > Condition operator to check existence of condition keys.
describe('Null', () => {
  table([
    [
      'Null true holds when the key is absent (no temporary credentials)',
      { Null: { 'aws:TokenIssueTime': 'true' } },
      {},
      true,
    ],
    [
      'Null true fails when the key is present',
      { Null: { 'aws:TokenIssueTime': 'true' } },
      { 'aws:tokenissuetime': '2026-01-01T00:00:00Z' },
      false,
    ],
    [
      'Null false holds when the key is present',
      { Null: { 'aws:TokenIssueTime': 'false' } },
      { 'aws:tokenissuetime': '2026-01-01T00:00:00Z' },
      true,
    ],
    ['Null false fails when the key is absent', { Null: { 'aws:TokenIssueTime': false } }, {}, false],
    [
      'Null true holds for a multivalued key sent with no values',
      { Null: { 'aws:TagKeys': 'true' } },
      { 'aws:tagkeys': [] },
      true,
    ],
  ]);
});

// Condition operators > ...IfExists condition operators.
describe('IfExists', () => {
  table([
    [
      'StringLikeIfExists holds when the key is absent (ec2:InstanceType example)',
      { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
      {},
      true,
    ],
    [
      'StringLikeIfExists checks the key when present',
      { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
      { 'ec2:instancetype': 'p4d.24xlarge' },
      false,
    ],
    [
      'StringLikeIfExists holds for a matching value',
      { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
      { 'ec2:instancetype': 't2.micro' },
      true,
    ],
    [
      'StringNotEqualsIfExists holds when the key is absent',
      { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-12345' } },
      {},
      true,
    ],
    [
      'StringNotEqualsIfExists fails for the listed value',
      { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-12345' } },
      { 'aws:principalorgid': 'o-12345' },
      false,
    ],
    [
      'NumericLessThanIfExists holds when the key is absent',
      { NumericLessThanIfExists: { 's3:max-keys': '10' } },
      {},
      true,
    ],
    [
      'IpAddressIfExists fails outside the block when the key is present',
      { IpAddressIfExists: { 'aws:SourceIp': '192.0.2.0/24' } },
      { 'aws:sourceip': '198.51.100.1' },
      false,
    ],
    [
      'ArnLikeIfExists holds when the key is absent',
      { ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:s3:::logs' } },
      {},
      true,
    ],
  ]);
});

// "Single-valued vs. multivalued context keys" > Set operators for multivalued context keys.
describe('ForAllValues and ForAnyValue', () => {
  table([
    [
      'ForAllValues holds when every requested tag key is allowed',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } },
      { 'aws:tagkeys': ['environment'] },
      true,
    ],
    [
      'ForAllValues fails when one requested tag key is not allowed',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } },
      { 'aws:tagkeys': ['environment', 'owner'] },
      false,
    ],
    [
      'ForAllValues holds when the request has no tag keys at all',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] } },
      {},
      true,
    ],
    [
      'ForAllValues holds for an empty set of values',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] } },
      { 'aws:tagkeys': [] },
      true,
    ],
    [
      'ForAllValues with StringLike checks each value against the patterns',
      { 'ForAllValues:StringLike': { 'aws:TagKeys': 'Created*' } },
      { 'aws:tagkeys': ['CreatedBy', 'CreatedAt'] },
      true,
    ],
    [
      'ForAnyValue holds when one requested value is listed',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } },
      { 'aws:tagkeys': ['owner', 'cost-center'] },
      true,
    ],
    [
      'ForAnyValue fails when no requested value is listed',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } },
      { 'aws:tagkeys': ['owner'] },
      false,
    ],
    [
      'ForAnyValue fails when the key is missing',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } },
      {},
      false,
    ],
    [
      'ForAnyValue fails for an empty set of values',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } },
      { 'aws:tagkeys': [] },
      false,
    ],
    [
      'ForAnyValue:StringEquals on aws:CalledVia matches a service in the chain',
      { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' } },
      { 'aws:calledvia': ['cloudformation.amazonaws.com', 'dynamodb.amazonaws.com'] },
      true,
    ],
    [
      'ForAllValues:StringNotEquals holds when no requested value is listed',
      { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['admin'] } },
      { 'aws:tagkeys': ['owner', 'team'] },
      true,
    ],
    [
      'ForAllValues:StringNotEquals fails when one requested value is listed',
      { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['admin'] } },
      { 'aws:tagkeys': ['owner', 'admin'] },
      false,
    ],
    [
      'ForAnyValue:StringNotEquals holds when one requested value is outside the list',
      { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['admin'] } },
      { 'aws:tagkeys': ['admin', 'owner'] },
      true,
    ],
    [
      'ForAnyValue:StringNotEquals fails when every value is listed',
      { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['admin'] } },
      { 'aws:tagkeys': ['admin'] },
      false,
    ],
    [
      'ForAnyValue:StringNotEquals fails when the key is missing',
      { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['admin'] } },
      {},
      false,
    ],
    [
      'ForAllValues treats a single-valued key as a one-value set',
      { 'ForAllValues:StringEquals': { 'aws:RequestedRegion': ['eu-west-1'] } },
      { 'aws:requestedregion': 'eu-west-1' },
      true,
    ],
    [
      'ForAnyValue:StringEqualsIgnoreCase ignores case per value',
      { 'ForAnyValue:StringEqualsIgnoreCase': { 'aws:TagKeys': ['Owner'] } },
      { 'aws:tagkeys': ['OWNER'] },
      true,
    ],
    [
      'ForAllValues:StringLikeIfExists holds when the key is absent',
      { 'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': ['a*'] } },
      {},
      true,
    ],
    [
      'an unqualified operator on a multivalued key holds when any value matches',
      { StringEquals: { 'aws:TagKeys': 'owner' } },
      { 'aws:tagkeys': ['team', 'owner'] },
      true,
    ],
    [
      'an unqualified negated operator on a multivalued key fails when any value matches',
      { StringNotEquals: { 'aws:TagKeys': 'owner' } },
      { 'aws:tagkeys': ['team', 'owner'] },
      false,
    ],
  ]);
});

// "IAM JSON policy elements: Condition" > The condition block: evaluation logic (keys AND, values OR, operators AND).
describe('combining clauses', () => {
  table([
    [
      'two keys under one operator must both hold',
      { StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'eu-west-1' } },
      { 'aws:principaltag/team': 'blue', 'aws:requestedregion': 'eu-west-1' },
      true,
    ],
    [
      'two keys under one operator fail when one does not hold',
      { StringEquals: { 'aws:PrincipalTag/team': 'blue', 'aws:RequestedRegion': 'eu-west-1' } },
      { 'aws:principaltag/team': 'blue', 'aws:requestedregion': 'us-east-1' },
      false,
    ],
    [
      'two operators must both hold',
      { Bool: { 'aws:SecureTransport': 'true' }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
      { 'aws:securetransport': 'true', 'aws:sourceip': '192.0.2.1' },
      true,
    ],
    [
      'two operators fail when one does not hold',
      { Bool: { 'aws:SecureTransport': 'true' }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
      { 'aws:securetransport': 'false', 'aws:sourceip': '192.0.2.1' },
      false,
    ],
    [
      'the same key under two operators is a range (DateGreaterThan and DateLessThan)',
      {
        DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
        DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' },
      },
      { 'aws:currenttime': '2026-06-01T00:00:00Z' },
      true,
    ],
    [
      'the range fails outside it',
      {
        DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
        DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' },
      },
      { 'aws:currenttime': '2027-01-02T00:00:00Z' },
      false,
    ],
    [
      'Principal * narrowed by aws:PrincipalOrgID holds for a caller in the organization',
      { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } },
      { 'aws:principalorgid': 'o-a1b2c3d4e5' },
      true,
    ],
    [
      'Principal * narrowed by aws:PrincipalOrgID fails for a caller outside it',
      { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } },
      { 'aws:principalorgid': 'o-other' },
      false,
    ],
    [
      'Principal * narrowed by aws:PrincipalOrgID fails for an anonymous caller (no org id)',
      { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } },
      {},
      false,
    ],
    [
      'aws:SourceAccount confused-deputy guard holds for the owning account',
      {
        StringEquals: { 'aws:SourceAccount': '123456789012' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::logs-*' },
      },
      { 'aws:sourceaccount': '123456789012', 'aws:sourcearn': 'arn:aws:s3:::logs-eu' },
      true,
    ],
    [
      'aws:SourceAccount confused-deputy guard fails for another account',
      { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      { 'aws:sourceaccount': '999999999999' },
      false,
    ],
  ]);
});

describe('operators IAM does not know', () => {
  it('an unknown operator never holds, so its statement never applies', () => {
    expect(
      evaluateCondition(
        { operator: 'StringSortOf', qualifier: null, ifExists: false, key: 'k', values: ['v'] },
        { k: 'v' },
        { variables: true },
      ),
    ).toBe(false);
  });
  it.each([
    ['ForAnyValue:StringLikeIfExists', { operator: 'StringLike', qualifier: 'ForAnyValue', ifExists: true }],
    ['forallvalues:stringequals', { operator: 'StringEquals', qualifier: 'ForAllValues', ifExists: false }],
    ['Null', { operator: 'Null', qualifier: null, ifExists: false }],
    ['NumericLessThanEqualsIfExists', { operator: 'NumericLessThanEquals', qualifier: null, ifExists: true }],
  ])('reads the operator %s', (text, expected) => {
    expect(parseOperator(text)).toEqual(expected);
  });
  it.each(['NullIfExists', 'ForSomeValues:StringEquals', 'StringMaybe', 'ForAnyValue:Null'])(
    'rejects the operator %s',
    (text) => {
      expect(parseOperator(text)).toBeNull();
    },
  );
});
