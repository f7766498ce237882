import { basename } from 'node:path';
import { Reference, type IacResource } from '../types.js';
import { AttributeBuilder, UnresolvedValue, bool, obj, str, type KindMapper } from './mapper.js';
import { deployTimeString } from './resource-policies.js';

/**
 * The template as the stack it deploys: its parameters and outputs as DescribeStacks will show them. The
 * CloudFormation reader emits one `AWS::CloudFormation::Template` resource per template, with properties
 * `{ Parameters: { Name: { Type, NoEcho, Default?, Value } }, Outputs: { Name: { Value, Description? } } }`.
 * Status, drift, termination protection and the service role are chosen at deployment, not in the template.
 */
const FIELDS = ['name', 'parameters', 'outputs'] as const;

/** Resource attributes that are secrets themselves: an output returning one shows it in clear. */
const SECRET_ATTRIBUTES = new Set(['SecretAccessKey']);

const cloudformation: KindMapper<'cloudformation.stack'> = {
  kind: 'cloudformation.stack',
  format: 'cloudformation',
  types: ['AWS::CloudFormation::Template'],
  fields: FIELDS,
  map(resource: IacResource) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'cloudformation.stack'>(resource);
    // The stack name is given at deployment; the template's file names it until then.
    builder.set('name', () => basename(resource.location.file));
    builder.set(
      'parameters',
      () =>
        Object.entries(obj(p.Parameters) ?? {}).map(([key, declared]) => {
          const parameter = obj(declared) ?? {};
          const type = str(parameter.Type) ?? 'String';
          const resolvedFromSsm = type.startsWith('AWS::SSM::Parameter::Value<');
          // DescribeStacks masks NoEcho values as `****`; an SSM-typed parameter shows the parameter's name. A
          // value given at deployment (no default) is unknown: under a secret-like name that is a gap.
          const value = bool(parameter.NoEcho) === true ? '****' : deployTimeString(parameter.Value, key);
          return { key, value, resolvedFromSsm };
        }),
      ['Parameters'],
    );
    builder.set(
      'outputs',
      () =>
        Object.entries(obj(p.Outputs) ?? {}).map(([key, declared]) => {
          const output = obj(declared) ?? {};
          const given = output.Value;
          if (
            given instanceof Reference &&
            given.attribute !== null &&
            SECRET_ATTRIBUTES.has(given.attribute)
          ) {
            throw new UnresolvedValue(
              `output ${key} returns ${given.detail}, a secret known only after deployment`,
            );
          }
          const description = output.Description;
          return {
            key,
            value: deployTimeString(given, key),
            description: typeof description === 'string' ? description : null,
          };
        }),
      ['Outputs'],
    );
    return builder.build();
  },
};

export const MAPPERS: KindMapper[] = [cloudformation] as KindMapper[];
