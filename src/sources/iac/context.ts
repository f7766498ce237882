import type { MapContext } from './mappers/mapper.js';
import { Reference, type IacResource, type IacValue } from './types.js';

/**
 * Properties that name a resource, in either language. In plan JSON and in code that writes names literally,
 * a bucket policy says `bucket = "logs"` rather than referring to the bucket's block, so joins compare names too.
 */
const NAME_PROPERTIES = [
  'BucketName',
  'TopicName',
  'QueueName',
  'RoleName',
  'UserName',
  'GroupName',
  'FunctionName',
  'DBInstanceIdentifier',
  'DBClusterIdentifier',
  'DBParameterGroupName',
  'DBClusterParameterGroupName',
  'LogGroupName',
  'Name',
  'bucket',
  'name',
  'function_name',
  'identifier',
  'cluster_identifier',
  'arn',
  'id',
];

/** The strings that designate a resource: its address and the names it is given in the code. */
export function namesOf(resource: IacResource): string[] {
  const names = [resource.address];
  for (const property of NAME_PROPERTIES) {
    const value = resource.properties[property];
    if (typeof value === 'string' && value !== '') names.push(value);
  }
  return names;
}

/** The context mappers see: the other resources of the same document set. */
export function mapContextOf(resources: readonly IacResource[]): MapContext {
  const byAddress = new Map(resources.map((resource) => [resource.address, resource]));
  const byName = new Map<string, IacResource>();
  for (const resource of resources) {
    for (const name of namesOf(resource)) if (!byName.has(name)) byName.set(name, resource);
  }
  const target = (value: IacValue | undefined): IacResource | undefined => {
    if (value instanceof Reference) return byAddress.get(value.target);
    if (typeof value === 'string') return byName.get(value) ?? byName.get(arnTail(value));
    return undefined;
  };
  return {
    resources,
    target,
    designates: (value, resource) => target(value) === resource,
    attached(resource, types, property) {
      return resources.filter(
        (candidate) => types.includes(candidate.type) && target(candidate.properties[property]) === resource,
      );
    },
  };
}

/** `arn:aws:s3:::logs` -> `logs`; `arn:aws:iam::1:role/app` -> `app`. */
function arnTail(value: string): string {
  if (!value.startsWith('arn:')) return value;
  const resource = value.split(':').slice(5).join(':');
  return resource.slice(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':')) + 1);
}
