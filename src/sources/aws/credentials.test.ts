import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT } from '../../testing/builders.js';
import { FAKE_CREDENTIALS } from '../../testing/aws.js';
import { contextFor, runCollector, type CollectionSink } from './collector.js';
import { guarddutyCollector } from './collectors/guardduty.js';
import { credentialsFor, homeRegion, partitionOf } from './credentials.js';
import { ClientPool } from './pool.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('credentials', () => {
  it('reads a named profile from the shared credentials file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onus-creds-'));
    const file = join(dir, 'credentials');
    await writeFile(
      file,
      '[audit]\naws_access_key_id = AKIAAUDITEXAMPLE0001\naws_secret_access_key = auditsecret\n',
    );
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', file);
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    const credentials = await credentialsFor({ profile: 'audit', region: 'us-east-1' })();
    expect(credentials.accessKeyId).toBe('AKIAAUDITEXAMPLE0001');
  });

  it('takes the home region from AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1', () => {
    expect(homeRegion({ AWS_REGION: 'eu-west-3', AWS_DEFAULT_REGION: 'ap-south-1' })).toBe('eu-west-3');
    expect(homeRegion({ AWS_DEFAULT_REGION: 'ap-south-1' })).toBe('ap-south-1');
    expect(homeRegion({})).toBe('us-east-1');
  });

  it('knows the partition from an ARN', () => {
    expect(partitionOf('arn:aws-cn:iam::123456789012:root')).toBe('aws-cn');
    expect(partitionOf('arn:aws:sts::123456789012:assumed-role/x/y')).toBe('aws');
  });
});

describe('endpoints', () => {
  it('sends requests to AWS_ENDPOINT_URL_<SERVICE> when it is set (any AWS-compatible endpoint)', async () => {
    const seen: string[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"detectorIds":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      vi.stubEnv('AWS_ENDPOINT_URL_GUARDDUTY', `http://127.0.0.1:${port}`);
      const pool = new ClientPool({
        credentials: () => FAKE_CREDENTIALS,
        concurrency: 2,
        maxAttempts: 1,
        requestTimeoutMs: 2_000,
      });
      const sink: CollectionSink = { resources: [], gaps: [], errors: [] };
      const scope = { account: ACCOUNT, region: 'eu-west-1', regions: ['eu-west-1'], partition: 'aws' };
      await runCollector(guarddutyCollector, contextFor(guarddutyCollector, pool, scope, sink), sink);
      expect(seen).toEqual(['GET /detector']);
      expect(sink).toMatchObject({ resources: [], gaps: [], errors: [] });
    } finally {
      server.close();
    }
  });
});
