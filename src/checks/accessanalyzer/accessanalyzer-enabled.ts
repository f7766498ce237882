import { defineCheck, type CheckContext } from '../../core/check.js';
import { describeGap, type Gap } from '../../core/gap.js';
import type { Resource } from '../../core/resource.js';
import { fail, notEvaluated, pass, Unobserved } from '../../core/outcome.js';

/** Analyzer types that find external access to resources (CIS 1.19); the others look at unused or internal access. */
const EXTERNAL = ['ACCOUNT', 'ORGANIZATION'] as const;
const isExternal = (type: string) => (EXTERNAL as readonly string[]).includes(type);

export default defineCheck({
  id: 'accessanalyzer-enabled',
  title: 'An active IAM Access Analyzer external access analyzer covers the region',
  description:
    'IAM Access Analyzer external access analyzers are regional: each region needs an ACTIVE analyzer with the account or the organization as its zone of trust (CIS 1.19). An ACTIVE organization analyzer that another account of the inventory (the management or delegated administrator account) runs in the same region counts. Unused-access and internal-access analyzers do not.',
  risk: 'Buckets, keys, roles, queues and secrets shared with outside accounts or the public in an unwatched region go unnoticed until they are abused.',
  severity: 'medium',
  service: 'accessanalyzer',
  domain: 'detection',
  kind: 'accessanalyzer.analyzer',
  scope: 'region',
  partial: true,
  reads: ['name', 'type', 'status'],
  related: { 'accessanalyzer.analyzer': ['name', 'type', 'status'] },
  remediation: {
    text: 'Create an external access analyzer in every region you use: with the organization as the zone of trust from the management or a delegated administrator account, or with the account as the zone of trust in each account. Then review and archive or resolve its findings.',
    cli: 'aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region <region>\n# or, from the management or delegated administrator account:\naws accessanalyzer create-analyzer --analyzer-name org-external-access --type ORGANIZATION --region <region>',
    cloudformation:
      'Analyzer:\n  Type: AWS::AccessAnalyzer::Analyzer\n  Properties:\n    AnalyzerName: external-access\n    Type: ACCOUNT # or ORGANIZATION from the management or delegated administrator account',
    terraform:
      'resource "aws_accessanalyzer_analyzer" "this" {\n  analyzer_name = "external-access"\n  type          = "ACCOUNT" # or "ORGANIZATION" from the management or delegated administrator account\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-create-external.html',
  },
  evaluate(scope, ctx) {
    const own = scope.resources.map(({ attributes: { name, type, status } }) => ({ name, type, status }));
    const active = own.find((analyzer) => isExternal(analyzer.type) && analyzer.status === 'ACTIVE');
    if (active) {
      return pass(`${active.type} analyzer ${active.name} is active`, { analyzer: active, analyzers: own });
    }
    // An analyzer of this account that could not be read (or a listing that failed) may be the one we look for.
    const unseen = scope.unobserved[0];
    if (unseen) {
      const what = unseen.ref ? `analyzer ${unseen.ref.name} (${unseen.gap.field})` : 'the analyzers';
      return notEvaluated(
        unseen.gap,
        `No readable analyzer is an active external access analyzer, and ${what} could not be observed: ${describeGap(unseen.gap)}`,
      );
    }
    // An organization analyzer run from another account (the management or delegated administrator account).
    const others = ctx
      .related('accessanalyzer.analyzer', { account: '*', region: scope.region })
      .filter((analyzer) => analyzer.account !== scope.account);
    let unreadable: Gap | undefined;
    for (const analyzer of others) {
      const read = readAnalyzer(analyzer, ctx);
      if (read instanceof Unobserved) {
        unreadable ??= read.gap;
        continue;
      }
      if (read.type === 'ORGANIZATION' && read.status === 'ACTIVE') {
        return pass(`Organization analyzer ${read.name} in account ${analyzer.account} is active`, {
          analyzer: { ...read, account: analyzer.account },
          analyzers: own,
        });
      }
    }
    if (unreadable) {
      return notEvaluated(
        unreadable,
        `This account has no active external access analyzer, and an analyzer of another account could not be read: ${describeGap(unreadable)}`,
      );
    }
    if (own.length === 0) {
      return fail('No external access analyzer covers this region', { analyzers: [] });
    }
    const summary = own
      .map((analyzer) => `${analyzer.name} (${analyzer.type}, ${analyzer.status})`)
      .join(', ');
    return fail(`No active external access analyzer covers this region: ${summary}`, { analyzers: own });
  },
});

/** The analyzer's name, type and status, or the Unobserved that hides one of them. */
function readAnalyzer(analyzer: Resource<'accessanalyzer.analyzer'>, ctx: CheckContext) {
  try {
    return {
      name: ctx.read(analyzer, 'name'),
      type: ctx.read(analyzer, 'type'),
      status: ctx.read(analyzer, 'status'),
    };
  } catch (error) {
    if (error instanceof Unobserved) return error;
    throw error;
  }
}
