import type { IacResource } from '../types.js';
import {
  AttributeBuilder,
  UnresolvedValue,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
} from './mapper.js';
import { idOf, nameOf } from './resource-ids.js';

// lastModifiedDate is known after deployment.
const FIELDS = ['name', 'type', 'keyId', 'tier'] as const;

type ParameterType = 'String' | 'StringList' | 'SecureString';
type Tier = 'Standard' | 'Advanced' | 'Intelligent-Tiering';

function typeOf(given: string | undefined): ParameterType {
  if (given === 'String' || given === 'StringList' || given === 'SecureString') return given;
  throw new UnresolvedValue(`parameter type ${String(given)} is not String, StringList or SecureString`);
}

// Tier defaults to Standard.
function tierOf(given: string | undefined): Tier {
  return given === 'Advanced' || given === 'Intelligent-Tiering' ? given : 'Standard';
}

const cloudformation: KindMapper<'ssm.parameter'> = {
  kind: 'ssm.parameter',
  format: 'cloudformation',
  types: ['AWS::SSM::Parameter'],
  fields: FIELDS,
  // CloudFormation cannot create SecureString parameters: on a template this check could only fail or not
  // apply, never pass; the parameters it would flag are reported on the deployed account.
  notOnCode: ['ssm-parameter-secret-not-plaintext'],
  map(resource: IacResource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ssm.parameter'>(resource);
    builder.set('name', () => nameOf(resource, 'Name'), ['Name']);
    // Type is required; CloudFormation can only create String and StringList parameters.
    builder.set('type', () => typeOf(str(p.Type)), ['Type']);
    builder.set('keyId', () => null);
    builder.set('tier', () => tierOf(str(p.Tier)), ['Tier']);
    // Tags is a plain map on this resource type.
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'ssm.parameter'> = {
  kind: 'ssm.parameter',
  format: 'terraform',
  types: ['aws_ssm_parameter'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'ssm.parameter'>(resource);
    builder.set('name', () => nameOf(resource, 'name'), ['name']);
    builder.set('type', () => typeOf(str(p.type)), ['type']);
    // A SecureString without key_id uses the AWS managed key alias/aws/ssm.
    builder.set(
      'keyId',
      () => (str(p.type) === 'SecureString' ? (idOf(p.key_id, ctx) ?? 'alias/aws/ssm') : null),
      ['key_id'],
    );
    builder.set('tier', () => tierOf(str(p.tier)), ['tier']);
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
