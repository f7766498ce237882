import { describe, expect, it } from 'vitest';

import { UserError } from '../cli/errors.js';
import { asffErrors } from '../testing/asff.js';
import {
  ATTACKER_IP,
  eventEvidence,
  failedSignIns,
  HOSTILE_USER_AGENT,
  sampleTrailReport,
  TRAIL_ACCOUNT,
  trailFinding,
  trailReport,
} from '../testing/trail.js';
import type { AsffFinding } from './asff.js';
import { formatTrailAsff, type TrailAsffOptions } from './trail-asff.js';
import type { TrailFinding, TrailReport } from '../trail/types.js';

function asffOf(report: TrailReport, options: TrailAsffOptions = {}): AsffFinding[] {
  return JSON.parse(formatTrailAsff(report, options)) as AsffFinding[];
}

function onlyAsff(finding: TrailFinding, options: TrailAsffOptions = {}): AsffFinding {
  const [asff] = asffOf(trailReport([finding]), options);
  if (!asff) throw new Error('no finding');
  return asff;
}

describe('onus trail as ASFF', () => {
  const report = sampleTrailReport();
  const findings = asffOf(report);
  const byGenerator = (id: string) => {
    const found = findings.find((finding) => finding.GeneratorId === `onus/trail/${id}`);
    if (!found) throw new Error(`no finding for ${id}`);
    return found;
  };

  it('writes one finding per trail finding, each valid against the Security Hub API model', () => {
    expect(findings).toHaveLength(report.findings.length);
    for (const finding of findings) expect(asffErrors(finding)).toEqual([]);
    expect(findings.map((finding) => finding.Id)).toEqual(
      report.findings.map((finding) => `onus/${finding.fingerprint}`),
    );
  });

  it('files a root sign-in as Initial Access by the account, from the source IP, with the API call it made', () => {
    const root = byGenerator('aws-root-console-login');
    expect(root).toMatchObject({
      AwsAccountId: TRAIL_ACCOUNT,
      Region: 'us-east-1',
      ProductArn: `arn:aws:securityhub:us-east-1:${TRAIL_ACCOUNT}:product/${TRAIL_ACCOUNT}/default`,
      Types: ['TTPs/Initial Access/T1078.004'],
      Severity: { Label: 'HIGH', Original: 'high' },
      FirstObservedAt: '2026-11-20T10:00:00.000Z',
      LastObservedAt: '2026-11-20T10:00:00.000Z',
      CreatedAt: report.generatedAt,
      UpdatedAt: report.generatedAt,
      Network: { Direction: 'IN', SourceIpV4: ATTACKER_IP },
      Action: {
        ActionType: 'AWS_API_CALL',
        AwsApiCallAction: {
          Api: 'ConsoleLogin',
          ServiceName: 'signin.amazonaws.com',
          CallerType: 'remoteip',
          RemoteIpDetails: { IpAddressV4: ATTACKER_IP },
        },
      },
      Workflow: { Status: 'NEW' },
    });
    expect(root.Resources).toEqual([
      { Type: 'AwsAccount', Id: `arn:aws:iam::${TRAIL_ACCOUNT}:root`, Partition: 'aws', Region: 'us-east-1' },
    ]);
  });

  it('names the detection and every kept event id in ProductFields', () => {
    const window = byGenerator('aws-console-brute-force');
    expect(window.ProductFields?.['onus/detection-id']).toBe('aws-console-brute-force');
    expect(window.ProductFields?.['onus/event-count']).toBe('40');
    expect(window.ProductFields?.['onus/event-ids']?.split(',')).toEqual(
      failedSignIns(20).map((event) => event.eventId),
    );
    expect(window.Resources?.[0]).toMatchObject({
      Type: 'AwsIamUser',
      Id: `arn:aws:iam::${TRAIL_ACCOUNT}:user/alice`,
    });
    expect(window.Types).toEqual(['TTPs/Credential Access/T1110']);
  });

  it('an IPv6 source goes in SourceIpV6, and an assumed-role session is an Other resource', () => {
    const stopped = byGenerator('aws-cloudtrail-stopped');
    expect(stopped.Network).toEqual({ Direction: 'IN', SourceIpV6: '2001:db8::7' });
    expect(stopped.Action?.AwsApiCallAction?.RemoteIpDetails).toBeUndefined();
    expect(stopped.Resources?.[0]?.Type).toBe('Other');
    expect(stopped.Types).toEqual(['TTPs/Defense Evasion/T1562.008']);
  });

  it('hostile text from the logs is kept as text, with control characters blanked', () => {
    const stopped = byGenerator('aws-cloudtrail-stopped');
    const userAgents = JSON.parse(stopped.ProductFields?.['onus/user-agents'] ?? '[]') as string[];
    expect(userAgents).toEqual([HOSTILE_USER_AGENT]);
    // eslint-disable-next-line no-control-regex
    expect(stopped.Description).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(stopped.Description).toContain('<script>alert("ua")</script> [2J [31mred');
  });

  it('behaviour without an ATT&CK tactic is an unusual user; a call a service made comes from a domain', () => {
    const unusual = onlyAsff(
      trailFinding({
        mitre: [{ id: 'T1078', tactic: null }],
        sourceIPAddress: 'cloudformation.amazonaws.com',
        events: [eventEvidence({ sourceIPAddress: 'cloudformation.amazonaws.com' })],
      }),
    );
    expect(asffErrors(unusual)).toEqual([]);
    expect(unusual.Types).toEqual(['Unusual Behaviors/User']);
    expect(unusual.Network).toBeUndefined();
    expect(unusual.Action?.AwsApiCallAction).toMatchObject({
      CallerType: 'domain',
      DomainDetails: { Domain: 'cloudformation.amazonaws.com' },
    });
  });

  it('with no actor the resource is the account; exfiltration and impact are Effects', () => {
    const asff = onlyAsff(
      trailFinding({
        actor: null,
        mitre: [
          { id: 'T1537', tactic: 'exfiltration' },
          { id: 'T1485', tactic: 'impact' },
        ],
      }),
    );
    expect(asffErrors(asff)).toEqual([]);
    expect(asff.Resources).toEqual([
      { Type: 'AwsAccount', Id: `AWS::::Account:${TRAIL_ACCOUNT}`, Partition: 'aws', Region: 'us-east-1' },
    ]);
    expect(asff.Types).toEqual(['Effects/Data Exfiltration/T1537', 'Effects/T1485']);
  });

  it('respects the ASFF field limits whatever the detection and the logs hold', () => {
    const longId = (index: number) => `${'e'.repeat(100)}-${index}`;
    const huge = trailFinding({
      title: `T${'i'.repeat(400)}`,
      message: `M${'x'.repeat(3000)}`,
      mitre: Array.from({ length: 60 }, (_, index) => ({ id: `T${1000 + index}`, tactic: 'discovery' })),
      eventCount: 5000,
      events: Array.from({ length: 20 }, (_, index) =>
        eventEvidence({
          eventId: longId(index),
          eventName: `Op${'n'.repeat(200)}`,
          userAgent: 'u'.repeat(500),
        }),
      ),
    });
    const asff = onlyAsff(huge);
    expect(asffErrors(asff)).toEqual([]);
    expect(Array.from(asff.Title ?? '')).toHaveLength(256);
    expect(Array.from(asff.Description ?? '')).toHaveLength(1024);
    expect(asff.Types).toHaveLength(50);
    expect(Array.from(asff.Action?.AwsApiCallAction?.Api ?? '')).toHaveLength(128);
    expect(Array.from(asff.ProductFields?.['onus/event-ids'] ?? '').length).toBeLessThanOrEqual(2048);
    expect(asff.ProductFields?.['onus/event-ids']?.endsWith('…')).toBe(true);
  });

  describe('the account and region each finding is filed under', () => {
    const unplaced = trailFinding({ account: null, region: null });

    it('come from the options when the trail names none', () => {
      const asff = onlyAsff(unplaced, { account: '444455556666', region: 'eu-central-1' });
      expect(asff).toMatchObject({ AwsAccountId: '444455556666', Region: 'eu-central-1' });
      expect(asff.ProductArn).toBe(
        'arn:aws:securityhub:eu-central-1:444455556666:product/444455556666/default',
      );
    });

    it('a product ARN given replaces the default product', () => {
      const productArn = 'arn:aws:securityhub:us-east-1::product/acme/onus';
      expect(onlyAsff(trailFinding(), { productArn }).ProductArn).toBe(productArn);
    });

    it('without one, a clear error names the finding and what to pass', () => {
      const noAccount = trailReport([unplaced], { input: { ...report.input, accounts: [] } });
      expect(() => formatTrailAsff(noAccount, { region: 'eu-central-1' })).toThrow(UserError);
      expect(() => formatTrailAsff(noAccount, { region: 'eu-central-1' })).toThrow(
        /ASFF needs an AWS account for finding aws-root-console-login \(0123456789abcdef0123456789abcdef\)/,
      );
      expect(() => formatTrailAsff(trailReport([unplaced]))).toThrow(/ASFF needs a region for finding/);
    });
  });

  it('an empty run is an empty array', () => {
    expect(formatTrailAsff(trailReport([]))).toBe('[]\n');
  });

  it('the model validator rejects what these fields may not hold, so a passing finding means something', () => {
    const [good] = findings;
    if (!good) throw new Error('no finding');
    const bad = {
      ...good,
      Network: { Direction: 'SIDEWAYS', SourceIpV4: ATTACKER_IP, Port: 443 },
      Action: {
        ActionType: 'AWS_API_CALL',
        AwsApiCallAction: { Api: 'x'.repeat(129), FirstSeen: 'yesterday', DomainDetails: { Domain: ' ' } },
      },
    } as unknown as AsffFinding;
    expect(asffErrors(bad)).toEqual([
      'finding.Network.Direction: "SIDEWAYS" is not one of IN, OUT',
      'finding.Network.Port: Network has no member Port',
      'finding.Action.AwsApiCallAction.Api: 129 characters, at most 128',
      'finding.Action.AwsApiCallAction.FirstSeen: not an ASFF timestamp',
      'finding.Action.AwsApiCallAction.DomainDetails.Domain: does not match .*\\S.*',
    ]);
  });
});
