import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './sns.js';

function map(resource: IacResource, ...others: IacResource[]) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

const PUBLIC = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: '*' }],
};

describe('CloudFormation topics', () => {
  it('maps a typical topic with a topic policy, reading a reference to the topic in Resource as *', () => {
    const topic = iacResource(
      'AWS::SNS::Topic',
      { TopicName: 'alerts', KmsMasterKeyId: 'alias/aws/sns' },
      { address: 'Alerts' },
    );
    const policy = iacResource(
      'AWS::SNS::TopicPolicy',
      {
        Topics: [new Reference('Alerts', null)],
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 'sns:Publish',
              Resource: new Reference('Alerts', null),
            },
          ],
        },
      },
      { address: 'AlertsPolicy', line: 12 },
    );
    const mapped = map(topic, policy);
    expect(mapped.attributes).toEqual({
      name: 'alerts',
      kmsMasterKeyId: 'alias/aws/sns',
      policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: '*' }] },
    });
    expect(mapped.locations.policy?.line).toBe(12);
  });

  it('applies the defaults: named by its logical id, unencrypted, the default policy of the owner account', () => {
    const mapped = map(iacResource('AWS::SNS::Topic', {}, { address: 'Alerts' }));
    expect(mapped.attributes.name).toBe('Alerts');
    expect(mapped.attributes.kmsMasterKeyId).toBeNull();
    expect(JSON.stringify(mapped.attributes.policy)).toContain('AWS:SourceOwner');
  });

  it('makes a gap of an unresolved key only', () => {
    const mapped = map(
      iacResource('AWS::SNS::Topic', { KmsMasterKeyId: new Unresolved('Ref to parameter Key') }),
    );
    expect(mapped.gaps).toEqual([
      { field: 'kmsMasterKeyId', reason: 'unresolved', detail: 'Ref to parameter Key' },
    ]);
    expect(mapped.attributes.policy).toBeDefined();
  });
});

describe('Terraform topics', () => {
  it('takes the policy of an aws_sns_topic_policy over the inline one', () => {
    const topic = iacResource('aws_sns_topic', { name: 'alerts', policy: '{"Statement":[]}' });
    const policy = iacResource(
      'aws_sns_topic_policy',
      { arn: new Reference('aws_sns_topic.this', 'arn'), policy: JSON.stringify(PUBLIC) },
      { address: 'aws_sns_topic_policy.this' },
    );
    expect(map(topic, policy).attributes).toEqual({ name: 'alerts', kmsMasterKeyId: null, policy: PUBLIC });
  });

  it('makes a gap of a policy that is not known until apply', () => {
    const mapped = map(
      iacResource('aws_sns_topic', { name: 'alerts', policy: new Unresolved('known after apply') }),
    );
    expect(mapped.gaps.map((gap) => gap.field)).toEqual(['policy']);
  });
});
