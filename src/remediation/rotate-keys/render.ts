import type { RotationRun, UserOutcome } from './apply.js';
import { describeStep } from './plan.js';

/** The plan or the outcome of a run, for people (table) and for scripts (JSON). Secrets only when revealed. */

function keyLine(key: UserOutcome['plan']['keys'][number]): string {
  const used = key.lastUsedAt ? `last used ${key.lastUsedAt.slice(0, 10)}` : 'never used';
  const marks = [key.old ? 'OLD' : '', key.unused ? 'UNUSED' : ''].filter(Boolean).join(' ');
  return `  ${key.id}  ${key.status.padEnd(8)}  ${String(key.ageDays).padStart(5)} days  ${used}${marks ? `  ${marks}` : ''}`;
}

export function formatRotationTable(run: RotationRun, applied: boolean): string {
  const lines: string[] = [];
  lines.push(
    applied
      ? 'rotate-keys: applied'
      : 'rotate-keys: plan only, nothing changed (run with --apply to make these calls)',
  );
  for (const outcome of run.outcomes) {
    const { plan } = outcome;
    lines.push('', plan.user);
    if (plan.keys.length === 0) lines.push('  no access keys');
    lines.push(...plan.keys.map(keyLine));
    lines.push(...plan.notes.map((note) => `  - ${note}`));
    if (!applied && plan.steps.length > 0) {
      lines.push('  would call:', ...plan.steps.map((step) => `    ${describeStep(step)}`));
    }
    if (applied) {
      lines.push(...outcome.done.map((line) => `  done: ${line}`));
      if (outcome.revealed) {
        lines.push(`  new key: ${outcome.revealed.accessKeyId} ${outcome.revealed.secretAccessKey}`);
      }
      if (outcome.error) lines.push(`  FAILED: ${outcome.error}`);
      if (outcome.alarm) lines.push(`  !!! ${outcome.alarm}`);
    }
    if (plan.next && !outcome.error) lines.push(`  next run: ${plan.next}`);
  }
  const acting = run.outcomes.filter((outcome) => outcome.plan.steps.length > 0).length;
  const failed = run.outcomes.filter((outcome) => outcome.error || outcome.alarm).length;
  lines.push(
    '',
    `${run.outcomes.length} user(s); ${acting} with steps ${applied ? 'taken' : 'to take'}` +
      (applied ? `; ${failed} failed` : ''),
  );
  return `${lines.join('\n')}\n`;
}

export function formatRotationJson(run: RotationRun, applied: boolean): string {
  const users = run.outcomes.map((outcome) => ({
    user: outcome.user,
    keys: outcome.plan.keys,
    action: outcome.plan.task.kind,
    notes: outcome.plan.notes,
    steps: outcome.plan.steps.map(describeStep),
    ...(applied ? { done: outcome.done, error: outcome.error, alarm: outcome.alarm } : {}),
    ...(outcome.revealed ? { revealed: outcome.revealed } : {}),
    next: outcome.plan.next,
  }));
  return `${JSON.stringify({ applied, failed: run.failed, users }, null, 2)}\n`;
}
