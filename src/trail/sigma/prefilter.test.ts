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

const eventNamePrefilter = (title: string) => {
  const prefilter = byTitle.get(title)?.prefilter;
  return prefilter?.field === 'eventName' ? prefilter.values : null;
};

describe('the rule prefilter', () => {
  it('names the eventNames a rule can only match with, lower-cased', () => {
    expect(eventNamePrefilter('Pinned')).toEqual(new Set(['stoplogging', 'deletetrail']));
    expect(eventNamePrefilter('Pinned by list of maps')).toEqual(
      new Set(['putbucketacl', 'putbucketpolicy']),
    );
    expect(eventNamePrefilter('Or of pinned')).toEqual(new Set(['consolelogin', 'getsecretvalue']));
    expect(eventNamePrefilter('Narrowed by and')).toEqual(new Set(['consolelogin']));
  });

  it('is null when the rule may match any event', () => {
    for (const title of ['Wildcard', 'Or with unpinned', 'Negated', 'Keyword', 'Either field']) {
      expect(byTitle.get(title)?.prefilter).toBeNull();
    }
  });

  it('without an eventName, pins another field the condition needs, with the values any branch allows', () => {
    expect(byTitle.get('Errors')?.prefilter).toEqual({
      field: 'errorCode',
      values: new Set(['accessdenied', 'unauthorizedoperation']),
    });
    expect(byTitle.get('Root')?.prefilter).toEqual({ field: 'userIdentity.type', values: new Set(['root']) });
  });

  it('never changes which events a rule matches', () => {
    for (const rule of rules) {
      const withoutPrefilter = events.filter((event) => rule.matches(event));
      const withPrefilter = events.filter((event) => {
        const pinned = rule.prefilter;
        if (pinned === null) return rule.matches(event);
        const value = pinned.field === 'userIdentity.type' ? event['userIdentity'] : event[pinned.field];
        const text =
          pinned.field === 'userIdentity.type' ? (value as { type?: unknown } | undefined)?.type : value;
        return (typeof text !== 'string' || pinned.values.has(text.toLowerCase())) && rule.matches(event);
      });
      expect(withPrefilter).toEqual(withoutPrefilter);
    }
    expect(events.filter((event) => byTitle.get('Pinned')?.matches(event))).toHaveLength(6);
  });
});
