import { describe, expect, it } from 'vitest';

import { contextOf, iacResource } from '../../../testing/iac.js';
import { Reference, Unresolved } from '../types.js';
import { MAPPERS } from './sagemaker.js';

type Code = ReturnType<typeof iacResource>;

function map(resource: Code, ...others: Code[]) {
  const mapper = MAPPERS.find((candidate) => candidate.types.includes(resource.type));
  if (!mapper) throw new Error(`no mapper for ${resource.type}`);
  const mapped = mapper.map(resource, contextOf(resource, ...others));
  return { ...mapped, attributes: mapped.attributes as Record<string, unknown> };
}

describe('sagemaker.notebook-instance', () => {
  it('applies the defaults: direct internet and root access on, no VPC, SageMaker key', () => {
    const mapped = map(iacResource('AWS::SageMaker::NotebookInstance', {}, { address: 'Notebook' }));
    expect(mapped.attributes).toEqual({
      name: 'Notebook',
      kmsKeyId: null,
      directInternetAccess: true,
      rootAccess: true,
      subnetId: null,
    });
  });

  it('reads a locked-down Terraform notebook, naming the key and subnet it refers to', () => {
    const mapped = map(
      iacResource('aws_sagemaker_notebook_instance', {
        name: 'research',
        kms_key_id: new Reference('aws_kms_key.notebooks', 'arn'),
        subnet_id: 'subnet-0a1b',
        direct_internet_access: 'Disabled',
        root_access: 'Disabled',
      }),
    );
    expect(mapped.attributes).toEqual({
      name: 'research',
      kmsKeyId: 'aws_kms_key.notebooks',
      directInternetAccess: false,
      rootAccess: false,
      subnetId: 'subnet-0a1b',
    });
  });

  it('makes an unresolved or unknown switch a gap on that field only', () => {
    const mapped = map(
      iacResource(
        'AWS::SageMaker::NotebookInstance',
        { RootAccess: new Unresolved('Ref to parameter Root'), DirectInternetAccess: 'Maybe' },
        { address: 'Notebook' },
      ),
    );
    expect(mapped.gaps).toEqual([
      {
        field: 'directInternetAccess',
        reason: 'unresolved',
        detail: 'expected Enabled or Disabled, found "Maybe"',
      },
      { field: 'rootAccess', reason: 'unresolved', detail: 'Ref to parameter Root' },
    ]);
  });
});
