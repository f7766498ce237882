import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

const DAY_MS = 86_400_000;
/** How many old findings the message names; the evidence holds them all. */
const NAMED_IN_MESSAGE = 3;

export default defineCheck({
  id: 'guardduty-no-old-high-severity-findings',
  title: 'No high-severity GuardDuty finding is left open for long',
  description:
    'Looks at the active (not archived) GuardDuty findings of severity 7 or more (high and critical) and fails when any was first reported longer ago than the threshold. Detection only helps when someone acts on it: a finding still open weeks later is either an unhandled incident or noise nobody triaged. onus reads at most the 200 oldest such findings, so the oldest are always seen.',
  risk: 'A compromised instance, a leaked access key or data exfiltration that GuardDuty reported keeps going, while the findings that should have started incident response sit unread.',
  severity: 'high',
  service: 'guardduty',
  domain: 'detection',
  kind: 'guardduty.detector',
  scope: 'resource',
  reads: ['detectorId', 'highSeverityFindings'],
  thresholds: {
    maxFindingAgeDays: {
      default: 30,
      description: 'Days a high or critical finding may stay active (not archived) before it fails.',
    },
  },
  remediation: {
    text: 'Triage every high and critical finding: investigate and contain real incidents, then archive the finding; for expected activity, add a suppression rule rather than leaving findings open. Route findings to your on-call process (EventBridge to a ticketing or paging system, or Security Hub) so none waits unseen.',
    cli: 'aws guardduty list-findings --region <region> --detector-id <detector-id> --finding-criteria \'{"Criterion":{"service.archived":{"Equals":["false"]},"severity":{"GreaterThanOrEqual":7}}}\'\n# after investigating:\naws guardduty archive-findings --region <region> --detector-id <detector-id> --finding-ids <finding-id>',
    cloudformation:
      'HighSeverityFindings:\n  Type: AWS::Events::Rule\n  Properties:\n    EventPattern:\n      source: [aws.guardduty]\n      detail-type: [GuardDuty Finding]\n      detail:\n        severity: [{ numeric: [">=", 7] }]\n    Targets:\n      - Arn: !Ref SecurityOnCallTopic\n        Id: on-call',
    terraform:
      'resource "aws_cloudwatch_event_rule" "guardduty_high" {\n  event_pattern = jsonencode({\n    source        = ["aws.guardduty"]\n    "detail-type" = ["GuardDuty Finding"]\n    detail        = { severity = [{ numeric = [">=", 7] }] }\n  })\n}\n\nresource "aws_cloudwatch_event_target" "on_call" {\n  rule = aws_cloudwatch_event_rule.guardduty_high.name\n  arn  = aws_sns_topic.security_on_call.arn\n}',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_cloudwatch.html',
  },
  evaluate({ attributes }, ctx) {
    const { detectorId, highSeverityFindings } = attributes;
    const maxDays = ctx.thresholds.maxFindingAgeDays;
    const old = highSeverityFindings.findings
      .map((finding) => ({
        ...finding,
        ageDays: Math.floor((ctx.now.getTime() - Date.parse(finding.createdAt)) / DAY_MS),
      }))
      .filter((finding) => finding.ageDays > maxDays)
      .sort((a, b) => b.ageDays - a.ageDays);
    const evidence = {
      detectorId,
      maxFindingAgeDays: maxDays,
      activeHighSeverityFindings: highSeverityFindings.findings.length,
      truncated: highSeverityFindings.truncated,
      oldFindings: old.map(({ id, type, severity, resource, createdAt, ageDays }) => ({
        id,
        type,
        severity,
        resource,
        createdAt,
        ageDays,
      })),
    };
    if (old.length === 0) {
      const open = highSeverityFindings.findings.length;
      return pass(
        open === 0
          ? `GuardDuty detector ${detectorId} has no active high-severity finding`
          : `GuardDuty detector ${detectorId} has ${open} active high-severity finding${open === 1 ? '' : 's'}, none older than ${maxDays} days`,
        evidence,
      );
    }
    const named = old
      .slice(0, NAMED_IN_MESSAGE)
      .map(
        (finding) =>
          `${finding.type}${finding.resource ? ` on ${finding.resource}` : ''} (${finding.ageDays} days)`,
      )
      .join(', ');
    const more = old.length > NAMED_IN_MESSAGE ? ` and ${old.length - NAMED_IN_MESSAGE} more` : '';
    const count =
      highSeverityFindings.truncated && old.length === highSeverityFindings.findings.length
        ? `${old.length}+`
        : `${old.length}`;
    return fail(
      `GuardDuty detector ${detectorId} has ${count} high-severity finding${old.length === 1 ? '' : 's'} active for more than ${maxDays} days: ${named}${more}`,
      evidence,
    );
  },
});
