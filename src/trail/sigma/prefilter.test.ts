import { describe, expect, it } from 'vitest';

import type { TrailEvent } from '../types.js';
import { parseSigma } from './index.js';

const rulesText = [
  `title: Pinned\ndetection:\n  selection:\n    eventName: [StopLogging, DeleteTrail]\n  filter:\n    userIdentity.type: AWSService\n  condition: selection and not filter`,
  `title: Pinned by list of maps\ndetection:\n  selection:\n    - eventName: PutBucketAcl\n    - eventName: PutBucketPolicy\n      eventSource: s3.amazonaws.com\n  condition: selection`,
  `title: Or of pinned\ndetection:\n  a:\n    eventName: ConsoleLogin\n  b:\n    eventName: GetSecretValue\n  condition: 1 of them`,
  `title: Narrowed by and\ndetection:\n  a:\n    eventName: [ConsoleLogin, GetSecretValue]\n  b:\n    eventName: ConsoleLogin\n  condition: a and b`,
  `title: Wildcard\ndetection:\n  selection:\n    eventName: 'Delete*'\n  condition: selection`,
  `title: Or with unpinned\ndetection:\n  a:\n    eventName: ConsoleLogin\n  b:\n    userIdentity.type: Root\n  condition: a or b`,
  `title: Negated\ndetection:\n  a:\n    eventName: ConsoleLogin\n  condition: not a`,
  `title: Keyword\ndetection:\n  keywords:\n    - stoplogging\n  condition: keywords`,
  `title: Errors\ndetection:\n  a:\n    errorCode: [AccessDenied, UnauthorizedOperation]\n  b:\n    errorCode: AccessDenied\n    eventSource: s3.amazonaws.com\n  condition: a or b`,
  `title: Root\ndetection:\n  selection:\n    userIdentity.type: Root\n  filter:\n    eventType: AwsServiceEvent\n  condition: selection and not filter`,
  `title: Either field\ndetection:\n  a:\n    errorCode: AccessDenied\n  b:\n    userIdentity.type: Root\n  condition: a or b`,
].join('\n---\n');

const { rules } = parseSigma(rulesText, 'rules/prefilter.yml');
const byTitle = new Map(rules.map((rule) => [rule.title, rule]));

const eventNames = [
  'StopLogging',
  'stoplogging',
  'DeleteTrail',
  'PutBucketAcl',
  'PutBucketPolicy',
  'ConsoleLogin',
  'GetSecretValue',
  'DeleteBucket',
  'ListBuckets',
];
const events: TrailEvent[] = eventNames.flatMap((eventName) => [
  { eventName, eventSource: 's3.amazonaws.com', userIdentity: { type: 'Root' } },
  { eventName, eventSource: 'cloudtrail.amazonaws.com', userIdentity: { type: 'AWSService' } },
  { eventName, eventSource: 'iam.amazonaws.com', userIdentity: { type: 'IAMUser' } },
]);

describe('the eventName prefilter', () => {
  it('names the eventNames a rule can only match with, lower-cased', () => {
    expect(byTitle.get('Pinned')?.eventNames).toEqual(new Set(['stoplogging', 'deletetrail']));
    expect(byTitle.get('Pinned by list of maps')?.eventNames).toEqual(
      new Set(['putbucketacl', 'putbucketpolicy']),
    );
    expect(byTitle.get('Or of pinned')?.eventNames).toEqual(new Set(['consolelogin', 'getsecretvalue']));
    expect(byTitle.get('Narrowed by and')?.eventNames).toEqual(new Set(['consolelogin']));
  });

  it('is null when the rule may match any eventName', () => {
    for (const title of ['Wildcard', 'Or with unpinned', 'Negated', 'Keyword']) {
      expect(byTitle.get(title)?.eventNames).toBeNull();
    }
  });

  it('without an eventName, pins another field the condition needs, with the values any branch allows', () => {
    expect(byTitle.get('Errors')?.prefilter).toEqual({
      field: 'errorCode',
      values: new Set(['accessdenied', 'unauthorizedoperation']),
    });
    expect(byTitle.get('Root')?.prefilter).toEqual({ field: 'userIdentity.type', values: new Set(['root']) });
    // Neither field is needed by both branches; a pinned eventName is the prefilter of its own.
    for (const title of ['Either field', 'Negated', 'Keyword', 'Pinned']) {
      expect(byTitle.get(title)?.prefilter).toBeNull();
    }
  });

  it('never changes which events a rule matches', () => {
    for (const rule of rules) {
      const withoutPrefilter = events.filter((event) => rule.matches(event));
      const withPrefilter = events.filter((event) => {
        const name = typeof event['eventName'] === 'string' ? event['eventName'].toLowerCase() : '';
        return (rule.eventNames === null || rule.eventNames.has(name)) && rule.matches(event);
      });
      expect(withPrefilter).toEqual(withoutPrefilter);
    }
    expect(events.filter((event) => byTitle.get('Pinned')?.matches(event))).toHaveLength(6);
  });
});
