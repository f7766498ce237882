import { describe, expect, it } from 'vitest';
import { mapContextOf } from '../context.js';
import { Reference, Unresolved, type IacDocumentSet, type IacResource } from '../types.js';
import { looksLikeTerraformPlan, readTerraformPlan } from './plan.js';

/** The shape `terraform show -json` gives for a bucket, its versioning (both new) and a module's topic. */
const PLAN = {
  format_version: '1.2',
  terraform_version: '1.9.0',
  planned_values: {
    root_module: {
      resources: [
        {
          address: 'aws_s3_bucket.b',
          mode: 'managed',
          type: 'aws_s3_bucket',
          name: 'b',
          values: { bucket: 'logs', force_destroy: false, tags: { Team: 'core' } },
          sensitive_values: {},
        },
        {
          address: 'aws_s3_bucket_versioning.v',
          mode: 'managed',
          type: 'aws_s3_bucket_versioning',
          name: 'v',
          values: { expected_bucket_owner: null, versioning_configuration: [{ status: 'Enabled' }] },
        },
        {
          address: 'aws_db_instance.db',
          mode: 'managed',
          type: 'aws_db_instance',
          name: 'db',
          values: { password: 'hunter2', storage_encrypted: true },
          sensitive_values: { password: true },
        },
        { address: 'random_id.r', mode: 'managed', type: 'random_id', name: 'r', values: {} },
        {
          address: 'data.aws_caller_identity.me',
          mode: 'data',
          type: 'aws_caller_identity',
          name: 'me',
          values: {},
        },
      ],
      child_modules: [
        {
          address: 'module.alerts',
          resources: [
            {
              address: 'module.alerts.aws_sns_topic.t[0]',
              mode: 'managed',
              type: 'aws_sns_topic',
              name: 't',
              index: 0,
              values: { name: 'alerts' },
            },
          ],
        },
      ],
    },
  },
  resource_changes: [
    {
      address: 'aws_s3_bucket.b',
      mode: 'managed',
      type: 'aws_s3_bucket',
      change: { actions: ['create'], after_unknown: { arn: true, id: true, tags: {} } },
    },
    {
      address: 'aws_s3_bucket_versioning.v',
      mode: 'managed',
      type: 'aws_s3_bucket_versioning',
      change: {
        actions: ['create'],
        after_unknown: { bucket: true, id: true, versioning_configuration: [{}] },
      },
    },
    {
      address: 'module.alerts.aws_sns_topic.t[0]',
      mode: 'managed',
      type: 'aws_sns_topic',
      change: { actions: ['create'], after_unknown: { arn: true, kms_master_key_id: true } },
    },
  ],
  configuration: {
    provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } },
    root_module: {
      resources: [
        {
          address: 'aws_s3_bucket_versioning.v',
          mode: 'managed',
          type: 'aws_s3_bucket_versioning',
          name: 'v',
          expressions: {
            bucket: { references: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] },
            versioning_configuration: [{ status: { constant_value: 'Enabled' } }],
          },
        },
      ],
      module_calls: {
        alerts: {
          source: './alerts',
          module: {
            resources: [
              {
                address: 'aws_sns_topic.t',
                mode: 'managed',
                type: 'aws_sns_topic',
                name: 't',
                expressions: { kms_master_key_id: { references: ['var.key', 'aws_kms_key.k[0].arn'] } },
              },
            ],
          },
        },
      },
    },
  },
};

function byAddress(set: IacDocumentSet, address: string): IacResource {
  const found = set.resources.find((resource) => resource.address === address);
  if (!found) throw new Error(`no ${address} in ${set.resources.map((r) => r.address).join(', ')}`);
  return found;
}

describe('readTerraformPlan', () => {
  const text = JSON.stringify(PLAN, null, 2);
  const set = readTerraformPlan('plan.json', text);

  it('recognises plans and nothing else', () => {
    expect(looksLikeTerraformPlan(PLAN)).toBe(true);
    expect(looksLikeTerraformPlan({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} })).toBe(false);
    expect(looksLikeTerraformPlan({ format_version: '1.0' })).toBe(false);
  });

  it('reads managed aws_* resources of the root and child modules, with their values', () => {
    expect(set.format).toBe('terraform-plan');
    expect(set.resources.map((r) => r.address)).toEqual([
      'aws_s3_bucket.b',
      'aws_s3_bucket_versioning.v',
      'aws_db_instance.db',
      'module.alerts.aws_sns_topic.t[0]',
    ]);
    expect(byAddress(set, 'aws_s3_bucket.b').properties.tags).toEqual({ Team: 'core' });
    expect(byAddress(set, 'aws_db_instance.db').properties.password).toBe('hunter2');
    expect(set.problems).toEqual([]);
  });

  it('marks values known only after apply as Unresolved', () => {
    const bucket = byAddress(set, 'aws_s3_bucket.b');
    expect(bucket.properties.arn).toEqual(new Unresolved('known after apply (aws_s3_bucket.b.arn)'));
    expect(bucket.properties.bucket).toBe('logs');
  });

  it('turns unknown values whose expression refers to a resource into References, so joins work', () => {
    const versioning = byAddress(set, 'aws_s3_bucket_versioning.v');
    expect(versioning.properties.bucket).toEqual(new Reference('aws_s3_bucket.b', 'id'));
    expect(versioning.properties.versioning_configuration).toEqual([{ status: 'Enabled' }]);
    const bucket = byAddress(set, 'aws_s3_bucket.b');
    expect(mapContextOf(set.resources).attached(bucket, ['aws_s3_bucket_versioning'], 'bucket')).toEqual([
      versioning,
    ]);
    // Inside a module, the reference keeps the module prefix and skips var./local. references.
    expect(byAddress(set, 'module.alerts.aws_sns_topic.t[0]').properties.kms_master_key_id).toEqual(
      new Reference('module.alerts.aws_kms_key.k[0]', 'arn'),
    );
  });

  it('locates each resource at its address in the plan file, and takes the provider region', () => {
    const versioning = byAddress(set, 'aws_s3_bucket_versioning.v');
    const line = text.split('\n').findIndex((l) => l.includes('"address": "aws_s3_bucket_versioning.v"')) + 1;
    expect(versioning.location).toEqual({ file: 'plan.json', line, column: 11 });
    expect(versioning.region).toBe('eu-west-1');
  });

  it('reads the resource changes when the plan has no planned values', () => {
    const changesOnly = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_sqs_queue.q',
          mode: 'managed',
          type: 'aws_sqs_queue',
          change: { after: { name: 'q' } },
        },
        { address: 'aws_sqs_queue.gone', mode: 'managed', type: 'aws_sqs_queue', change: { after: null } },
      ],
    };
    const read = readTerraformPlan('p.json', JSON.stringify(changesOnly));
    expect(read.resources.map((r) => [r.address, r.properties])).toEqual([
      ['aws_sqs_queue.q', { name: 'q' }],
    ]);
  });

  it('reports malformed JSON as one problem with its line', () => {
    const read = readTerraformPlan('bad.json', '{\n  "format_version": "1.2",\n  oops\n}');
    expect(read.resources).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ file: 'bad.json', line: 3, severity: 'error' });
    expect(read.problems[0]?.message).toMatch(/^invalid JSON: /);
  });

  it('reports JSON that is not a plan', () => {
    expect(readTerraformPlan('x.json', '[1]').problems).toEqual([
      expect.objectContaining({
        file: 'x.json',
        severity: 'error',
        message: expect.stringMatching(/^not a Terraform plan/),
      }),
    ]);
  });
});
