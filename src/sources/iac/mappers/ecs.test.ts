import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved, type IacResource } from '../types.js';
import { MAPPERS } from './ecs.js';

function map(resource: IacResource) {
  const mapper = MAPPERS.find((m) => m.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('ECS clusters', () => {
  it('reads containerInsights, disabled by default', () => {
    const cfn = iacResource('AWS::ECS::Cluster', {
      ClusterName: 'apps',
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
    });
    expect(map(cfn).attributes).toEqual({ name: 'apps', status: 'ACTIVE', containerInsights: 'enhanced' });
    expect(map(iacResource('aws_ecs_cluster', { name: 'apps' })).attributes.containerInsights).toBe(
      'disabled',
    );
  });

  it('an unresolved setting is a gap', () => {
    const tf = iacResource('aws_ecs_cluster', {
      name: 'apps',
      setting: [{ name: 'containerInsights', value: new Unresolved('var.insights') }],
    });
    expect(map(tf).gaps).toEqual([
      { field: 'containerInsights', reason: 'unresolved', detail: 'var.insights' },
    ]);
  });
});

describe('ECS task definitions', () => {
  it('CloudFormation: containers with ECS defaults; values from resources are placeholders, not secrets', () => {
    const definition = iacResource('AWS::ECS::TaskDefinition', {
      PidMode: 'host',
      ContainerDefinitions: [
        {
          Name: 'web',
          Image: 'nginx:1.27',
          Environment: [
            { Name: 'TABLE', Value: new Reference('Table', null) },
            { Name: 'LOG_LEVEL', Value: 'info' },
          ],
          Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: 'arn:aws:ssm:eu-west-1:1:parameter/db' }],
        },
      ],
    });
    expect(map(definition).attributes).toEqual({
      family: 'Resource',
      revision: 1,
      networkMode: null,
      pidMode: 'host',
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          privileged: false,
          readonlyRootFilesystem: false,
          user: null,
          environment: { TABLE: '${Table}', LOG_LEVEL: 'info' },
          secretsFromParameters: ['DB_PASSWORD'],
          logDriver: null,
        },
      ],
    });
  });

  it('Terraform: parses container_definitions JSON in the ECS API shape', () => {
    const definition = iacResource('aws_ecs_task_definition', {
      family: 'web',
      network_mode: 'awsvpc',
      container_definitions: JSON.stringify([
        {
          name: 'web',
          image: 'nginx',
          privileged: true,
          readonlyRootFilesystem: true,
          user: '1000',
          environment: [{ name: 'A', value: 'b' }],
          logConfiguration: { logDriver: 'awslogs' },
        },
      ]),
    });
    expect(map(definition).attributes).toMatchObject({
      family: 'web',
      networkMode: 'awsvpc',
      containers: [
        {
          name: 'web',
          privileged: true,
          readonlyRootFilesystem: true,
          user: '1000',
          environment: { A: 'b' },
          logDriver: 'awslogs',
        },
      ],
    });
  });

  it('container definitions that are not JSON, or unresolved, are a gap on containers', () => {
    const broken = iacResource('aws_ecs_task_definition', { family: 'web', container_definitions: '[{' });
    expect(map(broken).gaps).toEqual([
      { field: 'containers', reason: 'unresolved', detail: 'container_definitions is not valid JSON' },
    ]);
    const unknown = iacResource('aws_ecs_task_definition', {
      family: 'web',
      container_definitions: new Unresolved('var.containers'),
    });
    expect(map(unknown).gaps.map((gap) => gap.field)).toEqual(['containers']);
  });
});
