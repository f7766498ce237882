import { enabledSwitch, optionalId } from './data-support.js';
import { AttributeBuilder, tagsOf, type KindMapper } from './mapper.js';
import { nameOf } from './resource-ids.js';

const FIELDS = ['name', 'kmsKeyId', 'directInternetAccess', 'rootAccess', 'subnetId'] as const;

const cloudformation: KindMapper<'sagemaker.notebook-instance'> = {
  kind: 'sagemaker.notebook-instance',
  format: 'cloudformation',
  types: ['AWS::SageMaker::NotebookInstance'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'sagemaker.notebook-instance'>(resource);
    b.set('name', () => nameOf(resource, 'NotebookInstanceName'), ['NotebookInstanceName'])
      .set('kmsKeyId', () => optionalId(p.KmsKeyId, ctx), ['KmsKeyId'])
      // CreateNotebookInstance: DirectInternetAccess and RootAccess default to Enabled.
      .set('directInternetAccess', () => enabledSwitch(p.DirectInternetAccess, true), [
        'DirectInternetAccess',
      ])
      .set('rootAccess', () => enabledSwitch(p.RootAccess, true), ['RootAccess'])
      .set('subnetId', () => optionalId(p.SubnetId, ctx), ['SubnetId']);
    return b.build({ tags: tagsOf(p.Tags) });
  },
};

const terraform: KindMapper<'sagemaker.notebook-instance'> = {
  kind: 'sagemaker.notebook-instance',
  format: 'terraform',
  types: ['aws_sagemaker_notebook_instance'],
  fields: FIELDS,
  map(resource, ctx) {
    const p = resource.properties;
    const b = new AttributeBuilder<'sagemaker.notebook-instance'>(resource);
    b.set('name', () => nameOf(resource, 'name'), ['name'])
      .set('kmsKeyId', () => optionalId(p.kms_key_id, ctx), ['kms_key_id'])
      // aws_sagemaker_notebook_instance: direct_internet_access and root_access default to Enabled.
      .set('directInternetAccess', () => enabledSwitch(p.direct_internet_access, true), [
        'direct_internet_access',
      ])
      .set('rootAccess', () => enabledSwitch(p.root_access, true), ['root_access'])
      .set('subnetId', () => optionalId(p.subnet_id, ctx), ['subnet_id']);
    return b.build({ tags: tagsOf(p.tags) });
  },
};

export const MAPPERS: KindMapper[] = [cloudformation, terraform];
