import {
  AccessAnalyzerClient,
  ListAnalyzersCommand,
  type AnalyzerSummary,
} from '@aws-sdk/client-accessanalyzer';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, collectWith } from '../../../testing/aws.js';
import { ACCOUNT, REGION } from '../../../testing/builders.js';
import { snapshotProblem } from '../../../testing/collected-snapshot.js';
import { kindGap } from '../../../testing/collector-gaps.js';
import type { CollectionSink } from '../collector.js';
import { accessanalyzerCollector } from './accessanalyzer.js';

const accessanalyzer = mockClient(AccessAnalyzerClient);

const KINDS = Object.keys(accessanalyzerCollector.kinds);
const arnOf = (name: string) => `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/${name}`;
const byId = (sink: CollectionSink, id: string) => sink.resources.find((resource) => resource.id === id);

function analyzer(name: string, overrides: Partial<AnalyzerSummary> = {}): AnalyzerSummary {
  return {
    arn: arnOf(name),
    name,
    type: 'ACCOUNT',
    status: 'ACTIVE',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...overrides,
  };
}

describe('accessanalyzer collector', () => {
  beforeEach(() => accessanalyzer.reset());

  it('reports every analyzer of every type across pages', async () => {
    accessanalyzer
      .on(ListAnalyzersCommand)
      .resolvesOnce({ analyzers: [analyzer('external', { tags: { team: 'sec' } })], nextToken: 'page-2' })
      .resolvesOnce({
        analyzers: [
          analyzer('unused', { type: 'ACCOUNT_UNUSED_ACCESS' }),
          analyzer('broken', { type: 'ORGANIZATION', status: 'FAILED' }),
        ],
      });

    const sink = await collectWith(accessanalyzerCollector);

    expect(sink.resources.map((resource) => resource.id)).toEqual(['external', 'unused', 'broken']);
    expect(byId(sink, 'external')).toEqual({
      kind: 'accessanalyzer.analyzer',
      id: 'external',
      arn: arnOf('external'),
      region: REGION,
      tags: { team: 'sec' },
      attributes: { name: 'external', arn: arnOf('external'), type: 'ACCOUNT', status: 'ACTIVE' },
      gaps: [],
    });
    expect(byId(sink, 'unused')?.attributes.type).toBe('ACCOUNT_UNUSED_ACCESS');
    expect(byId(sink, 'broken')?.attributes).toMatchObject({ type: 'ORGANIZATION', status: 'FAILED' });
    const calls = accessanalyzer.commandCalls(ListAnalyzersCommand);
    expect(calls[0]?.args[0].input.type).toBeUndefined();
    expect(calls[1]?.args[0].input.nextToken).toBe('page-2');
    expect(sink.gaps).toEqual([]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('reports a region without analyzers as no resources and no gap: absence is data', async () => {
    accessanalyzer.on(ListAnalyzersCommand).resolves({ analyzers: [] });
    const sink = await collectWith(accessanalyzerCollector);
    expect(sink).toEqual({ resources: [], gaps: [], errors: [] });
  });

  it('turns a denied ListAnalyzers into a gap on the kind, naming the IAM action', async () => {
    accessanalyzer.on(ListAnalyzersCommand).rejects(awsError('AccessDeniedException', 403));
    const sink = await collectWith(accessanalyzerCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      kindGap('accessanalyzer.analyzer', 'access-denied', 'access-analyzer:ListAnalyzers'),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });

  it('turns a ListAnalyzers throttled for good into a throttled gap on the kind', async () => {
    accessanalyzer.on(ListAnalyzersCommand).rejects(awsError('ThrottlingException', 429));
    const sink = await collectWith(accessanalyzerCollector);
    expect(sink.resources).toEqual([]);
    expect(sink.gaps).toEqual([
      expect.objectContaining({ kind: 'accessanalyzer.analyzer', reason: 'throttled' }),
    ]);
  });

  it('gaps a type AWS added after this onus rather than writing a snapshot that will not load', async () => {
    accessanalyzer
      .on(ListAnalyzersCommand)
      .resolves({ analyzers: [analyzer('future', { type: 'ACCOUNT_FUTURE' as AnalyzerSummary['type'] })] });
    const sink = await collectWith(accessanalyzerCollector);
    expect(sink.resources[0]?.attributes).toEqual({
      name: 'future',
      arn: arnOf('future'),
      status: 'ACTIVE',
    });
    expect(sink.resources[0]?.gaps).toEqual([
      expect.objectContaining({
        field: 'type',
        reason: 'not-collected',
        detail: 'unrecognized type ACCOUNT_FUTURE',
      }),
    ]);
    expect(snapshotProblem(sink, KINDS)).toBeNull();
  });
});
