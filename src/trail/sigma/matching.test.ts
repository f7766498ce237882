import { describe, expect, it } from 'vitest';

import type { TrailEvent } from '../types.js';
import { parseSigma, type SigmaRule } from './index.js';

/** A rule from just its detection section (indented YAML under `detection:`). */
function ruleWith(detection: string, placeholders?: Record<string, string[]>): SigmaRule {
  const text = `title: Test rule\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n${detection}`;
  const [rule] = parseSigma(text, 'test.yml', placeholders === undefined ? {} : { placeholders }).rules;
  if (rule === undefined) throw new Error('no rule parsed');
  return rule;
}

const consoleLogin: TrailEvent = {
  eventVersion: '1.08',
  eventTime: '2026-03-14T22:05:09Z',
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  awsRegion: 'us-east-1',
  sourceIPAddress: '203.0.113.9',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' },
  additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' },
  responseElements: { ConsoleLogin: 'Success' },
  readOnly: false,
  recipientAccountId: '111122223333',
};

const putBucketAcl: TrailEvent = {
  eventTime: '2026-03-15T03:00:00Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'PutBucketAcl',
  sourceIPAddress: '2001:db8::17',
  userAgent: '[aws-cli/2.15.0 Python/3.11]',
  userIdentity: { type: 'IAMUser', userName: 'deploy', arn: 'arn:aws:iam::111122223333:user/deploy' },
  requestParameters: {
    bucketName: 'reports',
    AccessControlPolicy: {
      AccessControlList: { Grant: [{ Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers' } }] },
    },
  },
  resources: [{ ARN: 'arn:aws:s3:::reports', type: 'AWS::S3::Bucket' }],
  errorCode: null,
  apiVersion: 2006,
  tags: ['prod', 'pii'],
  managementEvent: true,
};

/** [situation, detection YAML, an event that must match, an event that must not]. */
const cases: [string, string, TrailEvent, TrailEvent][] = [
  [
    'a map needs every field to match (AND)',
    `  selection:\n    eventName: ConsoleLogin\n    userIdentity.type: Root\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, userIdentity: { type: 'IAMUser' } },
  ],
  [
    'a list of values matches any of them (OR)',
    `  selection:\n    eventName:\n      - StopLogging\n      - ConsoleLogin\n  condition: selection`,
    consoleLogin,
    putBucketAcl,
  ],
  [
    'a list of maps matches when any map matches',
    `  selection:\n    - eventName: StopLogging\n    - eventSource: s3.amazonaws.com\n      userIdentity.type: IAMUser\n  condition: selection`,
    putBucketAcl,
    consoleLogin,
  ],
  [
    'keywords are searched anywhere in the event',
    `  keywords:\n    - 'acs.amazonaws.com/groups/global/allusers'\n    - 'nothing-like-this'\n  condition: keywords`,
    putBucketAcl,
    consoleLogin,
  ],
  [
    'values are case-insensitive by default (MFAUsed NO vs No)',
    `  selection:\n    additionalEventData.MFAUsed: 'NO'\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, additionalEventData: { MFAUsed: 'Yes' } },
  ],
  [
    'a * wildcard stands for any run of characters',
    `  selection:\n    userAgent: 'mozilla*linux*'\n  condition: selection`,
    consoleLogin,
    putBucketAcl,
  ],
  [
    'a ? wildcard stands for exactly one character',
    `  selection:\n    eventName: 'PutBucket?cl'\n  condition: selection`,
    putBucketAcl,
    { ...putBucketAcl, eventName: 'PutBucketAAcl' },
  ],
  [
    'an escaped \\* is a literal star',
    `  selection:\n    userAgent: 'agent\\*'\n  condition: selection`,
    { ...consoleLogin, userAgent: 'agent*' },
    { ...consoleLogin, userAgent: 'agent-x' },
  ],
  [
    'an empty string matches an empty field only',
    `  selection:\n    userAgent: ''\n  condition: selection`,
    { ...consoleLogin, userAgent: '' },
    consoleLogin,
  ],
  [
    'null matches an absent field',
    `  selection:\n    errorCode: null\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, errorCode: 'AccessDenied' },
  ],
  [
    'null matches a field that is JSON null',
    `  selection:\n    errorCode: null\n    eventName: PutBucketAcl\n  condition: selection`,
    putBucketAcl,
    { ...putBucketAcl, errorCode: 'NoSuchBucket' },
  ],
  [
    'a YAML boolean matches a JSON boolean',
    `  selection:\n    readOnly: false\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, readOnly: true },
  ],
  [
    'a YAML boolean matches the same word as text, in any case',
    `  selection:\n    readOnly: true\n  condition: selection`,
    { ...consoleLogin, readOnly: 'TRUE' },
    { ...consoleLogin, readOnly: 'false' },
  ],
  [
    'a YAML number matches the number and its text',
    `  selection:\n    apiVersion: 2006\n  condition: selection`,
    { ...putBucketAcl, apiVersion: '2006' },
    { ...putBucketAcl, apiVersion: 2007 },
  ],
  [
    'an object field compared to text is compared through its JSON text',
    `  selection:\n    requestParameters|contains: '"http://acs.amazonaws.com/groups/global/AllUsers"'\n  condition: selection`,
    putBucketAcl,
    { ...putBucketAcl, requestParameters: { bucketName: 'reports' } },
  ],
  [
    'an array of scalars matches when any element matches',
    `  selection:\n    tags: PII\n  condition: selection`,
    putBucketAcl,
    { ...putBucketAcl, tags: ['prod'] },
  ],
  [
    'a path through an array of objects reads every element',
    `  selection:\n    resources.type: 'AWS::S3::Bucket'\n  condition: selection`,
    putBucketAcl,
    { ...putBucketAcl, resources: [{ type: 'AWS::S3::Object' }] },
  ],
  [
    'contains',
    `  selection:\n    userAgent|contains: 'AWS-CLI'\n  condition: selection`,
    putBucketAcl,
    consoleLogin,
  ],
  [
    'startswith',
    `  selection:\n    eventName|startswith: 'put'\n  condition: selection`,
    putBucketAcl,
    consoleLogin,
  ],
  [
    'endswith',
    `  selection:\n    eventSource|endswith: '.S3.amazonaws.com'\n  condition: selection`,
    { ...putBucketAcl, eventSource: 'x.s3.amazonaws.com' },
    putBucketAcl,
  ],
  [
    'all turns a value list into AND',
    `  selection:\n    userAgent|contains|all:\n      - aws-cli\n      - python\n  condition: selection`,
    putBucketAcl,
    { ...putBucketAcl, userAgent: 'aws-cli/2 Go' },
  ],
  [
    'exists: true needs the field present',
    `  selection:\n    errorCode|exists: true\n  condition: selection`,
    putBucketAcl,
    consoleLogin,
  ],
  [
    'exists: false needs the field absent',
    `  selection:\n    errorCode|exists: false\n  condition: selection`,
    consoleLogin,
    putBucketAcl,
  ],
  [
    'cased makes the comparison case-sensitive',
    `  selection:\n    additionalEventData.MFAUsed|cased: 'No'\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, additionalEventData: { MFAUsed: 'NO' } },
  ],
  [
    'neq matches a field different from every value',
    `  selection:\n    awsRegion|neq:\n      - eu-west-1\n      - eu-central-1\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, awsRegion: 'eu-central-1' },
  ],
  [
    'neq does not match an absent field',
    `  selection:\n    awsRegion|neq: eu-west-1\n  condition: selection`,
    consoleLogin,
    putBucketAcl,
  ],
  [
    're is case-sensitive by default',
    `  selection:\n    userAgent|re: '^\\[aws-cli/2\\.[0-9]+'\n  condition: selection`,
    putBucketAcl,
    { ...putBucketAcl, userAgent: '[AWS-CLI/2.15.0]' },
  ],
  [
    're|i ignores case',
    `  selection:\n    userAgent|re|i: '^\\[AWS-CLI'\n  condition: selection`,
    putBucketAcl,
    consoleLogin,
  ],
  [
    're|m lets ^ match at each line start',
    `  selection:\n    userAgent|re|m: '^second'\n  condition: selection`,
    { ...consoleLogin, userAgent: 'first\nsecond' },
    { ...consoleLogin, userAgent: 'first second' },
  ],
  [
    're|s lets . match a newline',
    `  selection:\n    userAgent|re|s: 'first.second'\n  condition: selection`,
    { ...consoleLogin, userAgent: 'first\nsecond' },
    { ...consoleLogin, userAgent: 'first\n\nsecond' },
  ],
  [
    'base64 looks for the encoded value',
    `  selection:\n    requestParameters.userData|base64|contains: 'curl'\n  condition: selection`,
    { ...consoleLogin, requestParameters: { userData: 'xx' + Buffer.from('curl').toString('base64') } },
    { ...consoleLogin, requestParameters: { userData: Buffer.from('wget').toString('base64') } },
  ],
  [
    'base64offset finds the value at any alignment in a longer encoded text',
    `  selection:\n    requestParameters.userData|base64offset|contains: 'http://169.254.169.254'\n  condition: selection`,
    {
      ...consoleLogin,
      requestParameters: {
        userData: Buffer.from('#!/bin/sh\ncurl http://169.254.169.254/latest').toString('base64'),
      },
    },
    {
      ...consoleLogin,
      requestParameters: { userData: Buffer.from('#!/bin/sh\necho hello').toString('base64') },
    },
  ],
  [
    'utf16le with base64 looks for the wide-character encoding',
    `  selection:\n    commandLine|utf16le|base64|contains: 'cmd'\n  condition: selection`,
    { ...consoleLogin, commandLine: Buffer.from('cmd', 'utf16le').toString('base64') },
    { ...consoleLogin, commandLine: Buffer.from('cmd').toString('base64') },
  ],
  [
    'wide is utf16le',
    `  selection:\n    commandLine|wide|base64: 'cmd'\n  condition: selection`,
    { ...consoleLogin, commandLine: Buffer.from('cmd', 'utf16le').toString('base64') },
    { ...consoleLogin, commandLine: Buffer.from([0, 0x63, 0, 0x6d, 0, 0x64]).toString('base64') },
  ],
  [
    'utf16be with base64 looks for the big-endian encoding',
    `  selection:\n    commandLine|utf16be|base64: 'cmd'\n  condition: selection`,
    { ...consoleLogin, commandLine: Buffer.from([0, 0x63, 0, 0x6d, 0, 0x64]).toString('base64') },
    { ...consoleLogin, commandLine: Buffer.from('cmd', 'utf16le').toString('base64') },
  ],
  [
    'utf16 with base64 includes the byte order mark',
    `  selection:\n    commandLine|utf16|base64: 'cmd'\n  condition: selection`,
    { ...consoleLogin, commandLine: Buffer.from([0xff, 0xfe, 0x63, 0, 0x6d, 0, 0x64, 0]).toString('base64') },
    { ...consoleLogin, commandLine: Buffer.from('cmd', 'utf16le').toString('base64') },
  ],
  [
    'windash accepts a dash, a slash or a long dash',
    `  selection:\n    commandLine|windash|contains: ' -enc '\n  condition: selection`,
    { ...consoleLogin, commandLine: 'powershell \u2013enc AAAA' },
    { ...consoleLogin, commandLine: 'powershell enc AAAA' },
  ],
  [
    'lt',
    `  selection:\n    requestParameters.durationSeconds|lt: 900\n  condition: selection`,
    { ...consoleLogin, requestParameters: { durationSeconds: 600 } },
    { ...consoleLogin, requestParameters: { durationSeconds: 900 } },
  ],
  [
    'lte',
    `  selection:\n    requestParameters.durationSeconds|lte: 900\n  condition: selection`,
    { ...consoleLogin, requestParameters: { durationSeconds: 900 } },
    { ...consoleLogin, requestParameters: { durationSeconds: 901 } },
  ],
  [
    'gt reads numbers written as text',
    `  selection:\n    requestParameters.durationSeconds|gt: 3600\n  condition: selection`,
    { ...consoleLogin, requestParameters: { durationSeconds: '43200' } },
    { ...consoleLogin, requestParameters: { durationSeconds: '3600' } },
  ],
  [
    'gte',
    `  selection:\n    requestParameters.durationSeconds|gte: 3600\n  condition: selection`,
    { ...consoleLogin, requestParameters: { durationSeconds: 3600 } },
    { ...consoleLogin, requestParameters: { durationSeconds: 'soon' } },
  ],
  [
    'cidr matches an IPv4 address inside the range',
    `  selection:\n    sourceIPAddress|cidr: 203.0.113.0/24\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, sourceIPAddress: '203.0.114.9' },
  ],
  [
    'cidr matches an IPv6 address inside the range',
    `  selection:\n    sourceIPAddress|cidr: '2001:db8::/32'\n  condition: selection`,
    putBucketAcl,
    { ...putBucketAcl, sourceIPAddress: '2001:db9::17' },
  ],
  [
    'cidr ignores service names in sourceIPAddress',
    `  selection:\n    sourceIPAddress|cidr: 0.0.0.0/0\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, sourceIPAddress: 'ec2.amazonaws.com' },
  ],
  [
    'fieldref compares two fields of the same event',
    `  selection:\n    userIdentity.accountId|fieldref: recipientAccountId\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, recipientAccountId: '444455556666' },
  ],
  [
    'fieldref with neq matches when the two fields differ',
    `  selection:\n    userIdentity.accountId|fieldref|neq: recipientAccountId\n  condition: selection`,
    { ...consoleLogin, recipientAccountId: '444455556666' },
    consoleLogin,
  ],
  [
    'expand replaces a placeholder with each of its values',
    `  selection:\n    sourceIPAddress|expand: '%office_ips%'\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, sourceIPAddress: '198.51.100.1' },
  ],
  [
    'hour reads the UTC hour of a timestamp',
    `  selection:\n    eventTime|hour|gte: 22\n  condition: selection`,
    consoleLogin,
    putBucketAcl,
  ],
  [
    'minute, day, month and year read their part of a timestamp',
    `  selection:\n    eventTime|minute: 5\n    eventTime|day: 14\n    eventTime|month: 3\n    eventTime|year: 2026\n  condition: selection`,
    consoleLogin,
    putBucketAcl,
  ],
  [
    'week reads the ISO week',
    `  selection:\n    eventTime|week: 11\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, eventTime: '2026-03-16T00:00:00Z' },
  ],
  [
    'windash with an encoding looks for every dash variant, encoded',
    `  selection:\n    commandLine|windash|base64: '-enc'\n  condition: selection`,
    { ...consoleLogin, commandLine: Buffer.from('/enc').toString('base64') },
    { ...consoleLogin, commandLine: Buffer.from('+enc').toString('base64') },
  ],
  [
    'case-insensitive matching folds non-ASCII letters too',
    `  selection:\n    userIdentity.userName: 'josé'\n  condition: selection`,
    { ...consoleLogin, userIdentity: { userName: 'JOSÉ' } },
    { ...consoleLogin, userIdentity: { userName: 'jose' } },
  ],
  [
    'a keyword key with modifiers searches the whole event (all keywords required)',
    `  keywords:\n    '|all':\n      - trufflehog\n      - GetCallerIdentity\n  condition: keywords`,
    { ...consoleLogin, eventName: 'GetCallerIdentity', userAgent: 'TruffleHog' },
    { ...consoleLogin, eventName: 'GetCallerIdentity' },
  ],
  [
    'fieldref with contains looks for the other field inside this one',
    `  selection:\n    userIdentity.arn|fieldref|contains: recipientAccountId\n  condition: selection`,
    consoleLogin,
    { ...consoleLogin, recipientAccountId: '444455556666' },
  ],
  [
    'all with base64offset needs every value, each at any alignment',
    `  selection:\n    userData|base64offset|contains|all:\n      - curl\n      - 169.254\n  condition: selection`,
    { ...consoleLogin, userData: Buffer.from('x curl http://169.254.169.254').toString('base64') },
    { ...consoleLogin, userData: Buffer.from('x curl http://example.com').toString('base64') },
  ],
  [
    'a number keyword is searched as text',
    `  keywords:\n    - 2006\n  condition: keywords`,
    putBucketAcl,
    consoleLogin,
  ],
];

describe('Sigma detection matching', () => {
  it.each(cases)('%s', (_situation, detection, matching, notMatching) => {
    const rule = ruleWith(detection, { office_ips: ['198.51.100.7', '203.0.113.9'] });
    expect(rule.matches(matching)).toBe(true);
    expect(rule.matches(notMatching)).toBe(false);
  });
});

const selections = `  sel_login:\n    eventName: ConsoleLogin\n  sel_root:\n    userIdentity.type: Root\n  sel_acl:\n    eventName: PutBucketAcl\n  _helper:\n    eventName: Nothing\n`;

/** [condition, matches consoleLogin, matches putBucketAcl]. */
const conditions: [string, boolean, boolean][] = [
  ['sel_login and sel_root', true, false],
  ['sel_login or sel_acl', true, true],
  ['not sel_login', false, true],
  ['sel_acl or sel_login and sel_root', true, true],
  ['(sel_acl or sel_login) and not sel_root', false, true],
  ['not sel_login and not sel_acl', false, false],
  ['not (sel_login or sel_acl)', false, false],
  ['1 of sel_*', true, true],
  ['any of sel_*', true, true],
  ['all of sel_*', false, false],
  ['all of sel_lo* and sel_root', true, false],
  ['1 of them', true, true],
  ['all of them', false, false],
  ['not 1 of sel_*', false, false],
  ['_helper or sel_acl', false, true],
];

describe('Sigma conditions', () => {
  it.each(conditions)('%s', (condition, onLogin, onAcl) => {
    const rule = ruleWith(`${selections}  condition: ${condition}`);
    expect(rule.matches(consoleLogin)).toBe(onLogin);
    expect(rule.matches(putBucketAcl)).toBe(onAcl);
  });

  it('`them` leaves out identifiers starting with an underscore', () => {
    const rule = ruleWith(
      `  selection:\n    eventName: ConsoleLogin\n  _hidden:\n    eventName: PutBucketAcl\n  condition: all of them`,
    );
    expect(rule.matches(consoleLogin)).toBe(true);
  });

  it('a list of conditions matches when any of them does', () => {
    const rule = ruleWith(`${selections}  condition:\n    - sel_acl\n    - sel_root`);
    expect(rule.matches(consoleLogin)).toBe(true);
    expect(rule.matches(putBucketAcl)).toBe(true);
    expect(rule.matches({ eventName: 'Other' })).toBe(false);
  });
});

describe('fields', () => {
  it('a rule naming a prototype property does not read it from the event', () => {
    const rule = ruleWith(`  selection:\n    constructor|exists: true\n  condition: selection`);
    expect(rule.matches(consoleLogin)).toBe(false);
    const nested = ruleWith(
      `  selection:\n    requestParameters.toString|exists: true\n  condition: selection`,
    );
    expect(nested.matches(putBucketAcl)).toBe(false);
  });

  it('a record that has a field named like a prototype property is read as it is', () => {
    const record = JSON.parse('{"eventName":"X","requestParameters":{"constructor":"yes","__proto__":"p"}}');
    const own = ruleWith(`  selection:\n    requestParameters.constructor: 'yes'\n  condition: selection`);
    expect(own.matches(record as TrailEvent)).toBe(true);
    const proto = ruleWith(`  selection:\n    requestParameters.__proto__: p\n  condition: selection`);
    expect(proto.matches(record as TrailEvent)).toBe(true);
  });

  it('a top-level key containing dots is read as one field', () => {
    const rule = ruleWith(`  selection:\n    detail.type: flat\n  condition: selection`);
    expect(rule.matches({ 'detail.type': 'flat' })).toBe(true);
    expect(rule.matches({ detail: { type: 'flat' } })).toBe(true);
    expect(rule.matches({ detail: { kind: 'flat' } })).toBe(false);
  });
});

describe('remembered answers', () => {
  it('a costly test answers each text right, however many distinct texts it meets and in any order', () => {
    const rule = ruleWith(
      `  selection:\n    userAgent|contains:\n      - kali\n      - pacu\n  condition: selection`,
    );
    const agents = Array.from({ length: 9000 }, (_, index) =>
      index % 7 === 0 ? `Pacu/${String(index)} (KALI)` : `aws-cli/${String(index)}`,
    );
    // Twice, the second pass latest first: answers remembered in the first pass (or forgotten) must agree.
    for (const order of [agents, [...agents].reverse()]) {
      const found = order.filter((userAgent) => rule.matches({ ...consoleLogin, userAgent }));
      expect(found).toEqual(order.filter((agent) => agent.startsWith('Pacu/')));
    }
    expect(rule.matches({ ...consoleLogin, userAgent: ['aws-cli/2', 'pacu'] })).toBe(true);
    expect(rule.matches({ ...consoleLogin, userAgent: 'aws-cli/2' })).toBe(false);
  });

  it('a negated list and a regex give the same answers remembered as fresh', () => {
    const negated = ruleWith(
      `  selection:\n    awsRegion|neq:\n      - us-east-1\n      - eu-west-1\n  condition: selection`,
    );
    const regex = ruleWith(`  selection:\n    eventName|re: '^Delete.*Trail$'\n  condition: selection`);
    for (let pass = 0; pass < 2; pass++) {
      expect(negated.matches({ ...consoleLogin, awsRegion: 'ap-south-1' })).toBe(true);
      expect(negated.matches({ ...consoleLogin, awsRegion: 'eu-west-1' })).toBe(false);
      expect(negated.matches({ ...consoleLogin, awsRegion: undefined })).toBe(false);
      expect(regex.matches({ ...consoleLogin, eventName: 'DeleteTrail' })).toBe(true);
      expect(regex.matches({ ...consoleLogin, eventName: 'DeleteTrails' })).toBe(false);
    }
  });
});

describe('base64offset', () => {
  it.each([0, 1, 2])('finds the value after a prefix of %i bytes', (extra) => {
    const rule = ruleWith(
      `  selection:\n    userData|base64offset|contains: 'secret'\n  condition: selection`,
    );
    const prefix = 'abc'.slice(0, extra);
    expect(rule.matches({ userData: Buffer.from(`${prefix}my secret value`).toString('base64') })).toBe(true);
    expect(rule.matches({ userData: Buffer.from(`${prefix}my public value`).toString('base64') })).toBe(
      false,
    );
  });
});
