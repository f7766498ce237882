import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { inspector2Collector } from './inspector2.js';

const inspector = mockClient(Inspector2Client);
const KINDS = Object.keys(inspector2Collector.kinds);

const state = (status: 'ENABLED' | 'DISABLED') => ({ status, errorCode: undefined, errorMessage: undefined });

describe('inspector2 collector', () => {
  beforeEach(() => inspector.reset());

  it('reports the scan status of each resource type in the region', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [
        {
          accountId: ACCOUNT,
          state: state('ENABLED'),
          resourceState: {
            ec2: state('ENABLED'),
            ecr: state('DISABLED'),
            lambda: state('ENABLED'),
            lambdaCode: state('DISABLED'),
          },
        },
      ],
    });
    const sink = await collectWith(inspector2Collector);
    expect(sink.resources).toEqual([
      expect.objectContaining({
        kind: 'inspector2.account',
        id: REGION,
        attributes: { ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'ENABLED', lambdaCode: 'DISABLED' },
        gaps: [],
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reads Lambda scanning as not offered where the answer leaves it out', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [
        {
          accountId: ACCOUNT,
          state: state('DISABLED'),
          resourceState: { ec2: state('DISABLED'), ecr: state('DISABLED') },
        },
      ],
    });
    const sink = await collectWith(inspector2Collector);
    expect(sink.resources[0]?.attributes).toEqual({
      ec2: 'DISABLED',
      ecr: 'DISABLED',
      lambda: null,
      lambdaCode: null,
    });
  });

  it('leaves a field the answer lacks as a gap, never a guess', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [
        { accountId: ACCOUNT, state: state('ENABLED'), resourceState: { ecr: state('ENABLED') } as never },
      ],
    });
    const sink = await collectWith(inspector2Collector);
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'ec2',
        reason: 'not-collected',
        action: 'inspector2:BatchGetAccountStatus',
      }),
    ]);
  });

  it('turns an account Inspector could not answer for into a gap on the kind', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [],
      failedAccounts: [{ accountId: ACCOUNT, errorCode: 'INTERNAL_ERROR', errorMessage: 'try again' }],
    });
    const sink = await collectWith(inspector2Collector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'inspector2.account',
        region: REGION,
        detail: expect.stringMatching(/INTERNAL_ERROR/),
      }),
    ]);
  });

  it('turns a denied BatchGetAccountStatus into a gap on the kind, naming the action', async () => {
    inspector.on(BatchGetAccountStatusCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(inspector2Collector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({
        kind: 'inspector2.account',
        reason: 'access-denied',
        action: 'inspector2:BatchGetAccountStatus',
      }),
    ]);
  });
});
