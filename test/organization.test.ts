import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import { scanInventory } from '../src/core/scan.js';
import { collectInventory } from '../src/sources/aws/collect.js';
import { COLLECTORS } from '../src/sources/aws/collectors/index.js';
import { listOrganizationAccounts } from '../src/sources/aws/organization.js';
import { ClientPool, type ClientClass } from '../src/sources/aws/pool.js';
import { awsError, FAKE_CREDENTIALS } from '../src/testing/aws.js';
import { MOCK_ACCOUNT, mockAccount } from '../src/testing/mock-account.js';

const MEMBER = '999988887777';
const LOCKED = '444455556666';

/** A pool whose clients for the LOCKED account fail as a role that cannot be assumed does. */
class OrganizationPool extends ClientPool {
  override get<C>(ClientClass: ClientClass<C>, service: string, account: string, region: string): C {
    const client = super.get(ClientClass, service, account, region);
    if (account === LOCKED && ClientClass.name === STSClient.name) {
      mockClient(client as unknown as STSClient)
        .onAnyCommand()
        .rejects(awsError('AccessDenied', 403, 'not authorized to perform: sts:AssumeRole'));
    }
    return client;
  }
}

describe('organization scan', () => {
  let mocks: ReturnType<typeof mockAccount>;
  const organizations = mockClient(OrganizationsClient);
  beforeEach(() => {
    mocks = mockAccount();
    organizations.reset();
    organizations
      .on(ListAccountsCommand)
      .resolvesOnce({
        Accounts: [
          { Id: MOCK_ACCOUNT, Status: 'ACTIVE' },
          { Id: MEMBER, Status: 'ACTIVE' },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({
        Accounts: [
          { Id: LOCKED, Status: 'ACTIVE' },
          { Id: '123123123123', Status: 'SUSPENDED' },
        ],
      });
  });
  afterEach(() => {
    for (const mock of Object.values(mocks).flat()) mock.restore();
  });

  it('lists the active accounts across pages', async () => {
    const pool = new ClientPool({
      credentials: () => FAKE_CREDENTIALS,
      concurrency: 4,
      maxAttempts: 1,
      requestTimeoutMs: 1000,
    });
    const accounts = await listOrganizationAccounts(pool, MOCK_ACCOUNT, 'us-east-1');
    expect(accounts.map((account) => account.id)).toEqual([MOCK_ACCOUNT, LOCKED, MEMBER]);
  });

  it('collects every account into one inventory; an account it cannot enter is NOT_EVALUATED, not missing', async () => {
    const pool = new OrganizationPool({
      credentials: () => FAKE_CREDENTIALS,
      concurrency: 8,
      maxAttempts: 1,
      requestTimeoutMs: 1000,
    });
    const inventory = await collectInventory([MOCK_ACCOUNT, MEMBER, LOCKED], null, {
      pool,
      collectors: COLLECTORS,
      regions: { home: 'us-east-1' },
      partition: 'aws',
      toolVersion: 'test',
      accountConcurrency: 2,
    });
    expect(inventory.accounts.map((account) => account.id)).toEqual([MOCK_ACCOUNT, LOCKED, MEMBER]);
    expect(inventory.collection.errors).toContainEqual(
      expect.objectContaining({ account: LOCKED, action: 'sts:AssumeRole' }),
    );

    const report = scanInventory(inventory, CHECKS, {
      now: new Date(),
      generatedAt: new Date(),
      tool: { name: 'onus', version: 'test' },
      target: { type: 'live', name: 'organization' },
    });
    const locked = report.findings.filter((finding) => finding.resource.account === LOCKED);
    expect(locked.length).toBeGreaterThan(0);
    expect(new Set(locked.map((finding) => `${finding.status}:${finding.reason ?? ''}`))).toEqual(
      new Set(['NOT_EVALUATED:access-denied']),
    );
    // The reachable accounts are judged in full.
    const member = report.findings.filter((finding) => finding.resource.account === MEMBER);
    expect(member.some((finding) => finding.status === 'FAIL')).toBe(true);
    expect(member.filter((f) => f.checkId === 'iam-root-mfa-enabled')).toEqual([
      expect.objectContaining({ status: 'FAIL' }),
    ]);
  });
});
