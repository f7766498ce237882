import type { Collector } from '../../sources/aws/collector.js';
import type { ClientClass } from '../../sources/aws/pool.js';
import type { Inventory } from '../../core/inventory.js';
import type { Result } from '../../core/result.js';

/** A parameter value as printed and sent: `MinimumPasswordLength=14`. */
export type ParameterValue = string | number | boolean;

/** One write call a fix would make, as data: printed in a dry run, sent with `--apply`. */
export interface ApiCall {
  /** The IAM action, which is also how the call is printed: `iam:UpdateAccountPasswordPolicy`. */
  action: string;
  account: string;
  /** The Region the call goes to (the home Region for account-level settings). */
  region: string;
  /** Account-level settings are printed without a Region. */
  global: boolean;
  parameters: Record<string, ParameterValue>;
}

/** An SDK client for the call's account and Region. */
export type ClientFor = <C>(ClientClass: ClientClass<C>, region: string) => C;

/** What a fix plans from: the state it read, the checks' verdicts on it, and the checks the user asked to fix. */
export interface PlanInput {
  inventory: Inventory;
  /** The FAIL result to plan for. */
  failing: Result;
  /** The checks being fixed (a fix can cover several, e.g. the password policy's). */
  checkIds: readonly string[];
  /** Where account-level calls go. */
  home: string;
}

/**
 * An opt-in fix for account-level settings that are safe to change. It reads with read-only collectors, plans
 * from the checks' FAIL results (so it never touches what already passes), and sends the planned calls.
 */
export interface Fix {
  /** Short name, e.g. `password-policy`. */
  name: string;
  /** What it changes, in a line. */
  summary: string;
  /** The checks it makes pass; any of them names the fix on the command line. */
  checkIds: readonly string[];
  /** Account-level (read and written in the home Region) or per Region. */
  global: boolean;
  /** Read-only collectors filling exactly what the checks read. */
  readers: readonly Collector[];
  /** The write actions it may call. */
  writeActions: readonly string[];
  /** Printed before planning and applying, for services that cost money. */
  costWarning?: string;
  /** The checks to re-check when the user asked for `checkId` (default: every check of the fix). */
  checksFor?(checkId: string): readonly string[];
  /** The calls that make the failing result pass; pure. */
  plan(input: PlanInput): ApiCall[];
  /** Sends one planned call. */
  send(call: ApiCall, client: ClientFor): Promise<void>;
}
