import type { EcsContainer } from '../../../core/kinds/compute.js';
import type { IacValue } from '../types.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  blocks,
  bool,
  get,
  list,
  obj,
  str,
  tagsOf,
  type KindMapper,
} from './mapper.js';
import { deployTimeString } from './resource-policies.js';
import { jsonOf, nameOf } from './resource-ids.js';

const INSIGHTS = ['enabled', 'disabled', 'enhanced'] as const;

/**
 * Container Insights: the cluster's own setting, else the account's `containerInsights` default, which is
 * `disabled` unless someone turns it on for the account (PutAccountSettingDefault), outside the code.
 */
function insightsOf(settings: IacValue[], keys: { name: string; value: string }) {
  for (const setting of settings) {
    if (str(get(setting, keys.name)) !== 'containerInsights') continue;
    const value = str(get(setting, keys.value));
    const known = INSIGHTS.find((candidate) => candidate === value);
    if (!known) throw new UnresolvedValue(`containerInsights ${value ?? '(none)'} is not a value ECS knows`);
    return known;
  }
  return 'disabled';
}

const cfnCluster: KindMapper<'ecs.cluster'> = {
  kind: 'ecs.cluster',
  format: 'cloudformation',
  types: ['AWS::ECS::Cluster'],
  fields: ['name', 'status', 'containerInsights'],
  map(resource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ecs.cluster'>(resource);
    builder
      .set('name', () => nameOf(resource, 'ClusterName'), ['ClusterName'])
      // A cluster the stack creates is ACTIVE once the stack is deployed.
      .set('status', () => 'ACTIVE')
      .set(
        'containerInsights',
        () => insightsOf(list(get(p, 'ClusterSettings')), { name: 'Name', value: 'Value' }),
        ['ClusterSettings'],
      );
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfCluster: KindMapper<'ecs.cluster'> = {
  kind: 'ecs.cluster',
  format: 'terraform',
  types: ['aws_ecs_cluster'],
  fields: ['name', 'status', 'containerInsights'],
  map(resource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ecs.cluster'>(resource);
    builder
      .set('name', () => nameOf(resource, 'name'), ['name'])
      // Terraform reports the cluster created once it is ACTIVE.
      .set('status', () => 'ACTIVE')
      .set('containerInsights', () => insightsOf(blocks(p, 'setting'), { name: 'name', value: 'value' }), [
        'setting',
      ]);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

/** Container definition keys: CloudFormation's PascalCase, or the ECS API's camelCase in Terraform's JSON. */
interface ContainerKeys {
  name: string;
  image: string;
  privileged: string;
  readonly: string;
  user: string;
  environment: string;
  secrets: string;
  entryName: string;
  entryValue: string;
  log: string;
  driver: string;
}

const CFN_KEYS: ContainerKeys = {
  name: 'Name',
  image: 'Image',
  privileged: 'Privileged',
  readonly: 'ReadonlyRootFilesystem',
  user: 'User',
  environment: 'Environment',
  secrets: 'Secrets',
  entryName: 'Name',
  entryValue: 'Value',
  log: 'LogConfiguration',
  driver: 'LogDriver',
};

const API_KEYS: ContainerKeys = {
  name: 'name',
  image: 'image',
  privileged: 'privileged',
  readonly: 'readonlyRootFilesystem',
  user: 'user',
  environment: 'environment',
  secrets: 'secrets',
  entryName: 'name',
  entryValue: 'value',
  log: 'logConfiguration',
  driver: 'logDriver',
};

/**
 * A container as the kind has it. ECS defaults: not privileged, writable root filesystem, the image's user, no
 * log configuration (RegisterTaskDefinition ContainerDefinition). Values set from other resources or parameters
 * are not hardcoded secrets: they stand as `${...}` placeholders.
 */
function containerOf(definition: IacValue, keys: ContainerKeys): EcsContainer {
  const environment: Record<string, string> = {};
  for (const entry of list(get(definition, keys.environment))) {
    const name = str(get(entry, keys.entryName));
    if (name !== undefined) environment[name] = deployTimeString(obj(entry)?.[keys.entryValue], name);
  }
  const user = get(definition, keys.user);
  return {
    name: nameOrPlaceholder(get(definition, keys.name)),
    image: nameOrPlaceholder(get(definition, keys.image)),
    privileged: bool(get(definition, keys.privileged)) ?? false,
    readonlyRootFilesystem: bool(get(definition, keys.readonly)) ?? false,
    user: user === undefined ? null : (str(user) ?? null),
    environment,
    secretsFromParameters: list(get(definition, keys.secrets)).flatMap((entry) => {
      const name = str(get(entry, keys.entryName));
      return name === undefined ? [] : [name];
    }),
    logDriver: str(get(definition, keys.log, keys.driver)) ?? null,
  };
}

/** Names and images only label a container; one known at deployment (an ECR repository's URI) keeps its place. */
function nameOrPlaceholder(value: IacValue | undefined): string {
  return deployTimeString(value, 'name');
}

const PID_MODES = ['host', 'task'] as const;
const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'] as const;

function oneOf<T extends string>(options: readonly T[], value: IacValue | undefined, what: string): T | null {
  const given = str(value);
  if (given === undefined) return null;
  const known = options.find((option) => option === given);
  if (!known) throw new UnresolvedValue(`${what} ${given} is not one ECS knows`);
  return known;
}

const TASK_FIELDS = ['family', 'revision', 'networkMode', 'pidMode', 'containers'] as const;

const cfnTaskDefinition: KindMapper<'ecs.task-definition'> = {
  kind: 'ecs.task-definition',
  format: 'cloudformation',
  types: ['AWS::ECS::TaskDefinition'],
  fields: TASK_FIELDS,
  map(resource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ecs.task-definition'>(resource);
    builder
      .set('family', () => nameOf(resource, 'Family'), ['Family'])
      // The code registers the first revision of its family; each update registers the next, with what the code
      // says then, so what the checks read is the latest revision's.
      .set('revision', () => 1)
      .set('networkMode', () => oneOf(NETWORK_MODES, get(p, 'NetworkMode'), 'network mode'), ['NetworkMode'])
      .set('pidMode', () => oneOf(PID_MODES, get(p, 'PidMode'), 'pid mode'), ['PidMode'])
      .set(
        'containers',
        () => list(get(p, 'ContainerDefinitions')).map((definition) => containerOf(definition, CFN_KEYS)),
        ['ContainerDefinitions'],
      );
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const tfTaskDefinition: KindMapper<'ecs.task-definition'> = {
  kind: 'ecs.task-definition',
  format: 'terraform',
  types: ['aws_ecs_task_definition'],
  fields: TASK_FIELDS,
  map(resource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ecs.task-definition'>(resource);
    builder
      .set('family', () => nameOf(resource, 'family'), ['family'])
      // Terraform registers revision 1 of a new family and a new revision on each change, with what the code says.
      .set('revision', () => 1)
      .set('networkMode', () => oneOf(NETWORK_MODES, get(p, 'network_mode'), 'network mode'), [
        'network_mode',
      ])
      .set('pidMode', () => oneOf(PID_MODES, get(p, 'pid_mode'), 'pid mode'), ['pid_mode'])
      .set(
        'containers',
        () => {
          // container_definitions is a JSON string (jsonencode, file, heredoc), in the ECS API's own shape.
          const definitions = jsonOf(get(p, 'container_definitions'), 'container_definitions');
          return list(definitions as IacValue).map((definition) => containerOf(definition, API_KEYS));
        },
        ['container_definitions'],
      );
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [
  cfnCluster,
  cfnTaskDefinition,
  tfCluster,
  tfTaskDefinition,
] as KindMapper[];
