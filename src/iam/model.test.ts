import { describe, expect, it } from 'vitest';
import { ACCOUNT, inventoryOf } from '../testing/builders.js';
import { iamGroup, iamRole, iamUser, managedPolicy, policy, READ_REPORTS } from '../testing/iam-kinds.js';
import { kmsKey, s3Bucket } from '../testing/kinds.js';
import { buildAccountModel, policiesFor, resourceByArn } from './model.js';

describe('buildAccountModel', () => {
  const reports = managedPolicy('read-reports');
  const boundary = managedPolicy('boundary', {
    defaultVersionDocument: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
  });
  const model = buildAccountModel(
    inventoryOf([
      iamUser('amy', { groups: ['developers'], attachedManagedPolicies: [reports.id] }),
      iamGroup('developers'),
      iamRole('app', { permissionsBoundary: boundary.id }),
      reports,
      boundary,
      s3Bucket('logs', { policy: READ_REPORTS }),
      kmsKey(),
    ]),
  );

  it("gives a user its inline, attached and groups' policies, by name", () => {
    const amy = model.principals.find((principal) => principal.name === 'amy');
    expect(amy?.policies.identity.map((named) => named.name)).toEqual([
      reports.id,
      'inline read-reports on group/developers',
    ]);
    expect(amy?.groups).toEqual([`arn:aws:iam::${ACCOUNT}:group/developers`]);
    expect(amy?.customerPolicies).toEqual([reports.id]);
    expect(amy?.unknown).toEqual([]);
  });

  it('gives a role its boundary, and models its trust policy as the resource policy of the role', () => {
    const app = model.principals.find((principal) => principal.name === 'app');
    expect(app?.policies.boundary?.name).toBe(boundary.id);
    const trust = resourceByArn(model, `arn:aws:iam::${ACCOUNT}:role/app`);
    expect(trust?.resourceKind).toBe('iam-role-trust');
    expect(trust?.policy?.document.statements[0]?.principal).toEqual({ Service: ['ec2.amazonaws.com'] });
  });

  it('models resource policies: an object ARN finds its bucket, a KMS key is a kms-key resource', () => {
    expect(resourceByArn(model, 'arn:aws:s3:::logs/2026/01/a.gz')?.policy?.name).toBe(
      'resource policy of logs',
    );
    const key = model.resources.find((resource) => resource.kind === 'kms.key');
    expect(key?.resourceKind).toBe('kms-key');
    const amy = model.principals.find((principal) => principal.name === 'amy');
    if (!amy || !key) throw new Error('not modelled');
    expect(policiesFor(amy, key)).toMatchObject({
      resource: key.policy,
      resourceKind: 'kms-key',
      scps: [],
      session: [],
    });
  });

  it('records why a principal is only partly known, naming the policy and the JSON path', () => {
    const partial = buildAccountModel(
      inventoryOf([
        iamUser('amy', {
          groups: [],
          attachedManagedPolicies: [`arn:aws:iam::${ACCOUNT}:policy/gone`],
          inlinePolicies: [
            {
              name: 'bad',
              document: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }],
              },
            },
          ],
        }),
      ]),
    );
    const [broken, missing] = partial.principals[0]?.unknown ?? [];
    expect(broken).toMatch(/^inline bad on user\/amy does not parse: .*\$\.Statement\[0\]\.Effect/);
    expect(missing).toBe(`managed policy arn:aws:iam::${ACCOUNT}:policy/gone is not in the inventory`);
  });
});
