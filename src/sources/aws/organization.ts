import { OrganizationsClient, paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { classifyFailure } from './errors.js';
import type { ClientPool } from './pool.js';

export interface MemberAccount {
  id: string;
  name: string | null;
}

/** The organization's active accounts, as seen from the management or a delegated administrator account. */
export async function listOrganizationAccounts(
  pool: ClientPool,
  account: string,
  home: string,
): Promise<MemberAccount[]> {
  const client = pool.get(OrganizationsClient, 'organizations', account, home);
  const accounts: Account[] = [];
  try {
    for await (const page of paginateListAccounts({ client }, {})) accounts.push(...(page.Accounts ?? []));
  } catch (error) {
    throw classifyFailure('organizations:ListAccounts', error);
  }
  return accounts
    .filter((member) => member.Status === undefined || member.Status === 'ACTIVE')
    .flatMap((member) => (member.Id ? [{ id: member.Id, name: member.Name ?? null }] : []))
    .sort((a, b) => a.id.localeCompare(b.id));
}
