import { GLOBAL } from '../../core/resource.js';
import type { Result } from '../../core/result.js';
import type { AwsCallFailed } from '../../sources/aws/errors.js';
import type { FixOutcome, FixPlan } from './run.js';
import type { ApiCall, Fix } from './types.js';

/** `kms:EnableKeyRotation region=eu-west-1 KeyId=1234abcd`: the call as the user would recognise it. */
export function formatCall(call: ApiCall): string {
  const parameters = Object.entries(call.parameters).map(([name, value]) => `${name}=${String(value)}`);
  return [call.action, ...(call.global ? [] : [`region=${call.region}`]), ...parameters].join(' ');
}

/** `kms-key-rotation-enabled eu-west-1 key 1234abcd`. */
function subject(result: Result): string {
  const { resource } = result;
  const where = resource.region === GLOBAL ? `account ${resource.account}` : resource.region;
  const what = resource.id === resource.region || resource.id === resource.account ? '' : ` ${resource.name}`;
  return `${result.checkId} ${where}${what}`;
}

/** Why a result could not be evaluated, naming the read action that was denied or failed. */
function unreadable(result: Result): string {
  const gap = result.gap;
  if (gap?.reason === 'access-denied' && gap.action) {
    return `${subject(result)}: cannot read the current state: ${gap.action} was denied (allow it to the credentials onus uses)`;
  }
  const cause = gap
    ? `${gap.reason}${gap.action ? ` on ${gap.action}` : ''}${gap.detail ? ` (${gap.detail})` : ''}`
    : result.message;
  return `${subject(result)}: cannot read the current state: ${cause}`;
}

/** The one line for a call that failed; AccessDenied names the action to allow. */
export function formatFailure(call: ApiCall, failure: AwsCallFailed): string {
  const where = call.global ? `account ${call.account}` : call.region;
  if (failure.reason === 'access-denied') {
    return `${call.action} was denied in ${where} (${failure.code}): allow ${call.action} to the credentials onus uses`;
  }
  return `${call.action} failed in ${where}: ${failure.code}: ${failure.detail}`;
}

/** The plan: what the fix would call, what stays as is, what could not be read. */
export function formatPlan(fix: Fix, plan: FixPlan, apply: boolean): string {
  const lines: string[] = [
    `onus fix ${fix.name}: ${fix.summary}`,
    `  checks: ${plan.checkIds.join(', ')}${plan.regions.length > 0 ? `; Regions: ${plan.regions.join(', ')}` : ''}`,
  ];
  if (fix.costWarning) lines.push(`  cost: ${fix.costWarning}`);
  if (plan.regionsUnlisted) {
    lines.push(
      `  the enabled Regions could not be listed (${plan.regionsUnlisted}); only those above were read`,
    );
  }
  const failing = plan.before.filter((result) => result.status === 'FAIL');
  if (failing.length > 0) {
    lines.push('failing:');
    for (const result of failing) lines.push(`  ${subject(result)}: ${result.message}`);
  }
  if (plan.calls.length > 0) {
    lines.push(
      apply ? 'calls:' : 'would call (dry run: nothing is changed; add --apply to make these calls):',
    );
    for (const call of plan.calls) lines.push(`  ${formatCall(call)}`);
  } else lines.push('nothing to change');
  const kept = plan.before.filter((result) => result.status === 'PASS');
  if (kept.length > 0) {
    lines.push('as is (already compliant):');
    for (const result of kept) lines.push(`  ${subject(result)}: ${result.message}`);
  }
  const unknown = plan.before.filter((result) => result.status === 'NOT_EVALUATED');
  if (unknown.length > 0) {
    lines.push('left alone (state unknown):');
    for (const result of unknown) lines.push(`  ${unreadable(result)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What the calls did, and the re-check: PASS or FAIL per resource. */
export function formatOutcome(outcome: FixOutcome): string {
  const lines: string[] = ['outcome:'];
  for (const { call, failure } of outcome.calls) {
    lines.push(failure ? `  FAILED ${formatFailure(call, failure)}` : `  done   ${formatCall(call)}`);
  }
  lines.push('re-check:');
  for (const result of outcome.after) {
    lines.push(
      result.status === 'NOT_EVALUATED'
        ? `  NOT_EVALUATED ${unreadable(result)}`
        : `  ${result.status} ${subject(result)}: ${result.message}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
