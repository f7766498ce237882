import {
  DescribeNotebookInstanceCommand,
  ListNotebookInstancesCommand,
  SageMakerClient,
  type DescribeNotebookInstanceCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import {
  collectedAttributes,
  reloadedAttributes,
  snapshotProblem,
} from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { sagemakerCollector } from './sagemaker.js';

const sagemaker = mockClient(SageMakerClient);
const KINDS = Object.keys(sagemakerCollector.kinds);

const arnOf = (name: string) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:notebook-instance/${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`;

type Notebook = Omit<DescribeNotebookInstanceCommandOutput, '$metadata'>;

/** A notebook as DescribeNotebookInstance returns it: in a VPC, no direct internet, no root, a customer key. */
function notebook(name: string, overrides: Partial<Notebook> = {}): Notebook {
  return {
    NotebookInstanceName: name,
    NotebookInstanceArn: arnOf(name),
    NotebookInstanceStatus: 'InService',
    InstanceType: 'ml.t3.medium',
    SubnetId: 'subnet-1',
    SecurityGroups: ['sg-1'],
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/notebooks`,
    KmsKeyId: KEY,
    DirectInternetAccess: 'Disabled',
    RootAccess: 'Disabled',
    ...overrides,
  };
}

/** Notebooks on one page, each described by its details. */
function account(notebooks: Notebook[]) {
  sagemaker.on(ListNotebookInstancesCommand).resolves({
    NotebookInstances: notebooks.map((found) => ({
      NotebookInstanceName: found.NotebookInstanceName,
      NotebookInstanceArn: found.NotebookInstanceArn,
      NotebookInstanceStatus: found.NotebookInstanceStatus,
    })),
  });
  sagemaker.on(DescribeNotebookInstanceCommand).callsFake((input: { NotebookInstanceName: string }) => {
    const found = notebooks.find(
      (candidate) => candidate.NotebookInstanceName === input.NotebookInstanceName,
    );
    if (!found) throw awsError('ValidationException', 400, 'RecordNotFound');
    return found;
  });
}

const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

describe('sagemaker collector', () => {
  beforeEach(() => sagemaker.reset());

  it('reports every notebook instance across pages, with every attribute of the kind', async () => {
    const open = notebook('scratch', {
      SubnetId: undefined,
      SecurityGroups: undefined,
      KmsKeyId: undefined,
      DirectInternetAccess: 'Enabled',
      RootAccess: 'Enabled',
      NotebookInstanceStatus: 'Stopped',
    });
    account([notebook('research'), open]);
    sagemaker
      .on(ListNotebookInstancesCommand)
      .resolvesOnce({
        NotebookInstances: [{ NotebookInstanceName: 'research', NotebookInstanceArn: arnOf('research') }],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        NotebookInstances: [{ NotebookInstanceName: 'scratch', NotebookInstanceArn: arnOf('scratch') }],
      });

    const sink = await collectWith(sagemakerCollector);

    expect(byId(sink, 'research')).toEqual({
      kind: 'sagemaker.notebook-instance',
      id: 'research',
      arn: arnOf('research'),
      region: REGION,
      attributes: {
        name: 'research',
        kmsKeyId: KEY,
        directInternetAccess: false,
        rootAccess: false,
        subnetId: 'subnet-1',
        status: 'InService',
      },
      gaps: [],
    });
    expect(byId(sink, 'scratch')?.attributes).toEqual({
      name: 'scratch',
      kmsKeyId: null,
      directInternetAccess: true,
      rootAccess: true,
      subnetId: null,
      status: 'Stopped',
    });
    expect(sagemaker.commandCalls(ListNotebookInstancesCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    expect(sink.gaps).toEqual([]);
    expect(reloadedAttributes(sink, KINDS)).toEqual(collectedAttributes(sink));
  });

  it('reports a region without notebook instances as no resources and no gap', async () => {
    account([]);
    const sink = await collectWith(sagemakerCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListNotebookInstances into a gap on the kind, naming the action', async () => {
    sagemaker.on(ListNotebookInstancesCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(sagemakerCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      kindGap('sagemaker.notebook-instance', 'access-denied', 'sagemaker:ListNotebookInstances'),
    ]);
  });

  it('keeps a notebook whose description was denied, its name and status from the listing', async () => {
    account([notebook('research')]);
    sagemaker.on(DescribeNotebookInstanceCommand).rejects(awsError('AccessDeniedException', 403));

    const sink = await collectWith(sagemakerCollector);

    const [found] = sink.resources;
    expect(found?.attributes).toEqual({ name: 'research', status: 'InService' });
    expect(found?.gaps?.map((gap) => [gap.field, gap.reason, gap.action])).toEqual([
      ['kmsKeyId', 'access-denied', 'sagemaker:DescribeNotebookInstance'],
      ['directInternetAccess', 'access-denied', 'sagemaker:DescribeNotebookInstance'],
      ['rootAccess', 'access-denied', 'sagemaker:DescribeNotebookInstance'],
      ['subnetId', 'access-denied', 'sagemaker:DescribeNotebookInstance'],
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('gaps a setting it does not know, or one the answer left out, rather than guessing', async () => {
    account([notebook('research', { DirectInternetAccess: 'Partial' as never, RootAccess: undefined })]);
    const sink = await collectWith(sagemakerCollector);
    expect(sink.resources[0]?.gaps?.map((gap) => [gap.field, gap.reason])).toEqual([
      ['directInternetAccess', 'collection-error'],
      ['rootAccess', 'not-collected'],
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('declares every action it calls', async () => {
    account([notebook('research')]);
    const sink = await collectWith(sagemakerCollector);
    expect(sink.errors).toEqual([]);
    const called = sagemaker
      .calls()
      .map((call) => `sagemaker:${call.args[0].constructor.name.replace(/Command$/, '')}`);
    expect(new Set(called)).toEqual(new Set(sagemakerCollector.actions));
  });
});
