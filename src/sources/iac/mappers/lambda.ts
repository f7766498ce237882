import { Reference, type IacObject, type IacResource, type IacValue } from '../types.js';
import {
  AttributeBuilder,
  block,
  get,
  list,
  obj,
  str,
  tagsOf,
  type KindMapper,
  type MapContext,
  UnresolvedValue,
} from './mapper.js';
import { deployTimeString } from './resource-policies.js';
import { idOf, nameOf } from './resource-ids.js';

const FIELDS = [
  'name',
  'runtime',
  'packageType',
  'role',
  'environment',
  'kmsKeyArn',
  'vpcConfigured',
  'urlAuthType',
  'policy',
] as const;

/** Environment variables; values set from other resources or parameters are known only at deployment. */
function environmentOf(variables: IacValue | undefined): Record<string, string> {
  const found = obj(variables) ?? {};
  return Object.fromEntries(
    Object.entries(found).map(([name, value]) => [name, deployTimeString(value, name)]),
  );
}

/** A literal, or the resource a reference names (its address): enough for a condition on the caller. */
function conditionValue(value: IacValue | undefined, ctx: MapContext): string | undefined {
  return value instanceof Reference ? idOf(value, ctx) : str(value);
}

interface Permission {
  principal: IacValue | undefined;
  action: IacValue | undefined;
  sourceArn: IacValue | undefined;
  sourceAccount: IacValue | undefined;
  principalOrgId: IacValue | undefined;
  urlAuthType: IacValue | undefined;
}

/**
 * The statement Lambda adds to the function's policy for one permission (AddPermission): the principal as
 * given (`*`, a service, an account), the conditions it builds from SourceArn, SourceAccount, PrincipalOrgID
 * and FunctionUrlAuthType.
 */
function statementOf(sid: string, permission: Permission, ctx: MapContext): Record<string, unknown> {
  const principal = str(permission.principal) ?? '*';
  const condition: Record<string, Record<string, string>> = {};
  const equals: Record<string, string> = {};
  const sourceAccount = conditionValue(permission.sourceAccount, ctx);
  if (sourceAccount !== undefined) equals['AWS:SourceAccount'] = sourceAccount;
  const org = conditionValue(permission.principalOrgId, ctx);
  if (org !== undefined) equals['aws:PrincipalOrgID'] = org;
  const urlAuth = str(permission.urlAuthType);
  if (urlAuth !== undefined) equals['lambda:FunctionUrlAuthType'] = urlAuth;
  if (Object.keys(equals).length > 0) condition.StringEquals = equals;
  const sourceArn = conditionValue(permission.sourceArn, ctx);
  if (sourceArn !== undefined) condition.ArnLike = { 'AWS:SourceArn': sourceArn };
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal:
      principal === '*'
        ? '*'
        : principal.endsWith('.amazonaws.com')
          ? { Service: principal }
          : { AWS: principal },
    Action: str(permission.action) ?? 'lambda:InvokeFunction',
    Resource: '*',
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

/** A permission or URL on a version or alias (a qualifier) is not the unqualified function's. */
function unqualified(properties: IacObject, key: string, targetKey: string): boolean {
  if (str(get(properties, key)) !== undefined) return false;
  // `function:name:alias` in the function name also qualifies it.
  const target = properties[targetKey];
  return !(typeof target === 'string' && /^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+:[^:]+$/.test(target));
}

function policyAndUrl(
  builder: AttributeBuilder<'lambda.function'>,
  permissions: IacResource[],
  permission: (found: IacResource) => Permission,
  urls: IacResource[],
  authType: (found: IacResource) => IacValue | undefined,
  ctx: MapContext,
): void {
  // No permission in the code: the function has no resource-based policy.
  builder.set('policy', () =>
    permissions.length === 0
      ? null
      : {
          Version: '2012-10-17',
          Statement: permissions.map((found) => statementOf(found.address, permission(found), ctx)),
        },
  );
  const firstPermission = permissions[0];
  if (firstPermission) builder.at('policy', firstPermission.location);
  // No function URL in the code: none (the check does not apply).
  const url = urls[0];
  builder.set('urlAuthType', () => {
    if (!url) return null;
    const given = str(authType(url));
    if (given === 'NONE' || given === 'AWS_IAM') return given;
    throw new UnresolvedValue(`function URL auth type ${String(given)} is neither AWS_IAM nor NONE`);
  });
  if (url) builder.at('urlAuthType', url.location);
}

const cloudformation: KindMapper<'lambda.function'> = {
  kind: 'lambda.function',
  format: 'cloudformation',
  types: ['AWS::Lambda::Function'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'lambda.function'>(resource);
    builder.set('name', () => nameOf(resource, 'FunctionName'), ['FunctionName']);
    // PackageType defaults to Zip; an Image function has no runtime.
    builder.set('packageType', () => (str(p.PackageType) === 'Image' ? 'Image' : 'Zip'), ['PackageType']);
    builder.set('runtime', () => (str(p.PackageType) === 'Image' ? null : (str(p.Runtime) ?? null)), [
      'Runtime',
    ]);
    builder.set('role', () => idOf(p.Role, ctx) ?? '', ['Role']);
    builder.set('environment', () => environmentOf(get(p, 'Environment', 'Variables')), [
      'Environment',
      'Variables',
    ]);
    // Without KmsKeyArn the environment is encrypted with Lambda's AWS managed key.
    builder.set('kmsKeyArn', () => idOf(p.KmsKeyArn, ctx) ?? null, ['KmsKeyArn']);
    builder.set('vpcConfigured', () => list(get(p, 'VpcConfig', 'SubnetIds')).length > 0, ['VpcConfig']);
    const permissions = ctx
      .attached(resource, ['AWS::Lambda::Permission'], 'FunctionName')
      .filter((found) => unqualified(found.properties, 'Qualifier', 'FunctionName'));
    const urls = ctx
      .attached(resource, ['AWS::Lambda::Url'], 'TargetFunctionArn')
      .filter((found) => unqualified(found.properties, 'Qualifier', 'TargetFunctionArn'));
    policyAndUrl(
      builder,
      permissions,
      (found) => ({
        principal: found.properties.Principal,
        action: found.properties.Action,
        sourceArn: found.properties.SourceArn,
        sourceAccount: found.properties.SourceAccount,
        principalOrgId: found.properties.PrincipalOrgID,
        urlAuthType: found.properties.FunctionUrlAuthType,
      }),
      urls,
      (found) => found.properties.AuthType,
      ctx,
    );
    return builder.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'lambda.function'> = {
  kind: 'lambda.function',
  format: 'terraform',
  types: ['aws_lambda_function'],
  fields: FIELDS,
  map(resource: IacResource, ctx: MapContext) {
    const p = resource.properties;
    const builder = new AttributeBuilder<'lambda.function'>(resource);
    builder.set('name', () => nameOf(resource, 'function_name'), ['function_name']);
    // package_type defaults to Zip.
    builder.set('packageType', () => (str(p.package_type) === 'Image' ? 'Image' : 'Zip'), ['package_type']);
    builder.set('runtime', () => (str(p.package_type) === 'Image' ? null : (str(p.runtime) ?? null)), [
      'runtime',
    ]);
    builder.set('role', () => idOf(p.role, ctx) ?? '', ['role']);
    builder.set(
      'environment',
      () => environmentOf(get(block(p, 'environment'), 'variables')),
      ['environment', 0, 'variables'],
      ['environment'],
    );
    builder.set('kmsKeyArn', () => idOf(p.kms_key_arn, ctx) ?? null, ['kms_key_arn']);
    builder.set('vpcConfigured', () => list(get(block(p, 'vpc_config'), 'subnet_ids')).length > 0, [
      'vpc_config',
    ]);
    const permissions = ctx
      .attached(resource, ['aws_lambda_permission'], 'function_name')
      .filter((found) => unqualified(found.properties, 'qualifier', 'function_name'));
    const urls = ctx
      .attached(resource, ['aws_lambda_function_url'], 'function_name')
      .filter((found) => unqualified(found.properties, 'qualifier', 'function_name'));
    policyAndUrl(
      builder,
      permissions,
      (found) => ({
        principal: found.properties.principal,
        action: found.properties.action,
        sourceArn: found.properties.source_arn,
        sourceAccount: found.properties.source_account,
        principalOrgId: found.properties.principal_org_id,
        urlAuthType: found.properties.function_url_auth_type,
      }),
      urls,
      (found) => found.properties.authorization_type,
      ctx,
    );
    return builder.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform] as KindMapper[];
