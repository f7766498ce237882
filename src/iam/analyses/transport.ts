import { serviceActions } from '../catalog.js';
import { authorize } from '../engine/evaluate.js';
import { matchesWritten } from '../engine/patterns.js';
import type { PolicyDocument, PolicySet, PolicyStatement, RequestPrincipal } from '../engine/types.js';
import { readDocument } from './documents.js';
import { actionClasses, statementLabel, testsCaller } from './exposure.js';
import { THEIR_IDENTITY, UNKNOWN_ACCOUNT } from './who-can.js';

/**
 * Whether a bucket policy refuses S3 requests made without TLS (CIS 2.1.1, FSBP S3.5), decided by the policy
 * engine: every S3 action, on the bucket and on its objects, by an anonymous caller, a principal of another
 * account and one of the bucket's own account, sent with aws:SecureTransport false, must be explicitly denied.
 * When it is not, the statements written to enforce TLS are read one by one to say why they fall short.
 */

const SECURE_TRANSPORT = 'aws:securetransport';
const ACTION_MATCHING = { ignoreCase: true, arn: false };
const RESOURCE_MATCHING = { ignoreCase: false, arn: true };
const OBJECT = 'OnusProbeObject';

export interface StatementShortfall {
  statement: string;
  problems: string[];
}

export interface TransportVerdict {
  /** Every request without TLS is denied, on the bucket and on its objects. */
  enforced: boolean;
  bucketCovered: boolean;
  objectsCovered: boolean;
  /** The statements that deny the requests, when enforced. */
  deniedBy: string[];
  /** The statements that mention aws:SecureTransport, with why each does not do the job alone. */
  statements: StatementShortfall[];
  /** A request without TLS that is not denied, in words, when there is one. */
  example: string | null;
}

function probes(owner: string | null): { who: string; principal: RequestPrincipal }[] {
  const own = owner ?? '111111111111';
  return [
    { who: 'an anonymous caller', principal: { type: 'anonymous', arn: '*', account: null } },
    {
      who: 'a principal of another account',
      principal: {
        type: 'role',
        arn: `arn:aws:iam::${UNKNOWN_ACCOUNT}:role/onus-probe`,
        account: UNKNOWN_ACCOUNT,
      },
    },
    {
      who: "a principal of the bucket's account",
      principal: { type: 'role', arn: `arn:aws:iam::${own}:role/onus-probe`, account: own },
    },
    {
      who: "the root user of the bucket's account",
      principal: { type: 'root', arn: `arn:aws:iam::${own}:root`, account: own },
    },
  ];
}

/** Every S3 action of the catalog (or s3:* patterns' stand-in when the catalog is missing). */
function s3Actions(): readonly string[] {
  return (
    serviceActions('s3')?.map((entry) => entry.action) ?? ['s3:GetObject', 's3:PutObject', 's3:ListBucket']
  );
}

/**
 * Object ARNs to ask about: one no statement names, and one under each object pattern the policy writes
 * (`reports/public/*` gives `reports/public/OnusProbeObject`), so a statement sparing a prefix is caught.
 */
function objectArns(document: PolicyDocument, bucketArn: string): string[] {
  const arns = new Set([`${bucketArn}/${OBJECT}`]);
  for (const statement of document.statements)
    for (const pattern of [...(statement.resource ?? []), ...(statement.notResource ?? [])])
      if (pattern.startsWith(`${bucketArn}/`) && pattern.length > bucketArn.length + 1)
        arns.add(pattern.replace(/\*/g, OBJECT).replace(/\?/g, 'X'));
  return [...arns];
}

interface Coverage {
  bucket: boolean;
  objects: boolean;
  deniedBy: Set<string>;
  example: string | null;
}

/** Asks the engine about every insecure request; `statements` stands in for the policy's. */
function coverage(
  document: PolicyDocument,
  statements: readonly PolicyStatement[],
  bucketArn: string,
  owner: string | null,
): Coverage {
  const labels = new Map(document.statements.map((s, i) => [s.path, statementLabel(s, i)]));
  const policies: PolicySet = {
    identity: [THEIR_IDENTITY],
    resource: { name: 'bucket policy', document: { ...document, statements } },
    boundary: null,
    session: [],
    scps: [],
    rcps: [],
  };
  const result: Coverage = { bucket: true, objects: true, deniedBy: new Set(), example: null };
  const classes = actionClasses(s3Actions(), document);
  const targets: ['bucket' | 'objects', string][] = [
    ['bucket', bucketArn],
    ...objectArns(document, bucketArn).map((arn): ['objects', string] => ['objects', arn]),
  ];
  for (const [part, arn] of targets) {
    if (!result[part]) continue;
    probing: for (const probe of probes(owner)) {
      for (const { representative: action } of classes) {
        const decision = authorize(
          {
            principal: probe.principal,
            action,
            resource: { arn, account: owner },
            context: { 'aws:securetransport': 'false' },
          },
          probe.principal.type === 'anonymous' ? { ...policies, identity: [] } : policies,
        );
        if (decision.decision === 'explicit-deny') {
          decision.deciding.forEach((d) => result.deniedBy.add(labels.get(d.path) ?? d.path));
          continue;
        }
        result[part] = false;
        result.example ??= `${action} on ${arn} by ${probe.who}`;
        break probing;
      }
    }
  }
  return result;
}

function mentionsTransport(statement: PolicyStatement): boolean {
  return statement.conditions.some((clause) => clause.key.toLowerCase() === SECURE_TRANSPORT);
}

function coversEveryone(statement: PolicyStatement): boolean {
  const block = statement.principal;
  return block === '*' || (block !== null && (block.AWS ?? []).includes('*'));
}

/** Whether the pattern names every S3 action (`s3:*`, `*`, `*:*`). */
function coversAllOfS3(pattern: string): boolean {
  return (
    matchesWritten(pattern, 's3:OnusProbeAction', ACTION_MATCHING) &&
    matchesWritten(pattern, 's3:A', ACTION_MATCHING)
  );
}

/** Whether the pattern may name some S3 action. */
function mayNameS3(pattern: string): boolean {
  const colon = pattern.indexOf(':');
  if (colon < 0) return pattern.includes('*');
  return matchesWritten(pattern.slice(0, colon), 's3', ACTION_MATCHING);
}

/** Why one statement, read alone, does not deny every S3 request without TLS to the resources it names. */
function shortfall(
  document: PolicyDocument,
  statement: PolicyStatement,
  bucketArn: string,
  alone: Coverage,
): string[] {
  const problems: string[] = [];
  if (statement.effect !== 'Deny') problems.push('is an Allow, not a Deny');
  if (!coversEveryone(statement)) problems.push('does not apply to every principal');
  if (statement.action !== null) {
    if (!statement.action.some(coversAllOfS3))
      problems.push(`covers only ${statement.action.join(', ')}, not every S3 action`);
  } else if (statement.notAction !== null) {
    const exempt = statement.notAction.filter(mayNameS3);
    if (exempt.length > 0) problems.push(`exempts ${exempt.join(', ')} through NotAction`);
  }
  for (const clause of statement.conditions) {
    const operator = `${clause.qualifier ? `${clause.qualifier}:` : ''}${clause.operator}${clause.ifExists ? 'IfExists' : ''}`;
    if (clause.key.toLowerCase() !== SECURE_TRANSPORT) {
      problems.push(`is also conditioned on ${clause.key} (${operator})`);
    } else if (clause.operator !== 'Bool' || clause.qualifier !== null) {
      // aws:SecureTransport is a Boolean key: AWS documents the Bool operator for it.
      problems.push(`tests ${clause.key} with ${operator} rather than Bool`);
    } else if (!clause.values.some((value) => value.toLowerCase() === 'false')) {
      problems.push(`matches ${clause.key} = ${clause.values.join(', ') || 'nothing'}, not false`);
    }
  }
  const names = (arn: string): boolean =>
    statement.resource !== null
      ? statement.resource.some((pattern) => matchesWritten(pattern, arn, RESOURCE_MATCHING))
      : statement.notResource !== null
        ? !statement.notResource.some((pattern) => matchesWritten(pattern, arn, RESOURCE_MATCHING))
        : false;
  if (!names(bucketArn)) problems.push(`does not cover the bucket itself (${bucketArn})`);
  else if (!alone.bucket && problems.length === 0) problems.push(`does not deny every request on the bucket`);
  const everyObject = [
    ...objectArns(document, bucketArn),
    `${bucketArn}/a`,
    `${bucketArn}/z/${OBJECT}`,
  ].every(names);
  if (!everyObject) problems.push(`does not cover every object (${bucketArn}/*)`);
  else if (!alone.objects && problems.length === 0)
    problems.push(`does not deny every request on the objects`);
  return problems;
}

/** Reads the policy of the bucket `bucketArn` (`arn:<partition>:s3:::<name>`) owned by `owner` as a TLS guard. */
export function insecureTransportDenial(
  policy: unknown,
  bucketArn: string,
  owner: string | null,
): TransportVerdict {
  const document = readDocument(policy, 'bucket policy');
  // A Deny that also depends on what the caller chooses (its source IP, a prefix) can be stepped around.
  const binding = document.statements.filter(
    (statement) =>
      statement.effect === 'Allow' ||
      statement.conditions.every(
        (clause) => clause.key.toLowerCase() === SECURE_TRANSPORT || testsCaller(clause),
      ),
  );
  const all = coverage(document, binding, bucketArn, owner);
  const statements = document.statements.flatMap((statement, index) => {
    if (!mentionsTransport(statement)) return [];
    const alone =
      binding.includes(statement) && statement.effect === 'Deny'
        ? coverage(document, [statement], bucketArn, owner)
        : null;
    const problems = shortfall(
      document,
      statement,
      bucketArn,
      alone ?? { bucket: false, objects: false, deniedBy: new Set(), example: null },
    );
    return [{ statement: statementLabel(statement, index), problems }];
  });
  // A guard whose condition AWS may not read as written (a String operator on a Boolean key) is not trusted.
  const mistyped = statements.some((s) => s.problems.some((p) => p.includes('rather than Bool')));
  const enforced = all.bucket && all.objects && !mistyped;
  return {
    enforced,
    bucketCovered: all.bucket && !mistyped,
    objectsCovered: all.objects && !mistyped,
    deniedBy: enforced ? [...all.deniedBy] : [],
    statements: statements.filter((s) => s.problems.length > 0),
    example: all.example,
  };
}
