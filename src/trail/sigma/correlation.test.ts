import { describe, expect, it } from 'vitest';

import type { TrailEvent } from '../types.js';
import { correlate, linkCorrelations, parseSigma, SigmaError, type CorrelationInput } from './index.js';

const failedLogin = `title: Failed console login
id: failed-login
name: failed_login
detection:
  selection:
    eventName: ConsoleLogin
    errorMessage: Failed authentication
  condition: selection
`;
const successfulLogin = `title: Console login
id: ok-login
name: ok_login
detection:
  selection:
    eventName: ConsoleLogin
    responseElements.ConsoleLogin: Success
  condition: selection
`;

function correlationFrom(section: string) {
  const { rules, correlations } = parseSigma(
    `${failedLogin}---\n${successfulLogin}---\ntitle: Correlated\nid: corr-1\nlevel: high\ncorrelation:\n${section}`,
    'rules/brute.yml',
  );
  const [correlation] = linkCorrelations(rules, correlations);
  if (correlation === undefined) throw new Error('no correlation');
  return correlation;
}

const start = Date.parse('2026-03-14T10:00:00Z');
const minute = 60_000;

function match(ruleId: string, offsetMinutes: number, event: TrailEvent = {}): CorrelationInput {
  return {
    ruleId,
    time: start + offsetMinutes * minute,
    event: { sourceIPAddress: '203.0.113.9', ...event },
  };
}

describe('event_count', () => {
  const bruteForce = correlationFrom(
    `  type: event_count\n  rules:\n    - failed_login\n  group-by:\n    - sourceIPAddress\n  timespan: 10m\n  condition:\n    gte: 3\n`,
  );

  it('reads the correlation and resolves rule names to ids', () => {
    expect(bruteForce).toMatchObject({
      id: 'corr-1',
      level: 'high',
      type: 'event_count',
      rules: ['failed-login'],
      groupBy: ['sourceIPAddress'],
      timespanMs: 10 * minute,
      condition: { gte: 3, field: null },
    });
  });

  it('three failures from one address within ten minutes are one hit', () => {
    const hits = correlate(bruteForce, [
      match('failed-login', 0),
      match('failed-login', 4),
      match('failed-login', 9),
    ]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      correlationId: 'corr-1',
      groupBy: { sourceIPAddress: '203.0.113.9' },
      start,
      end: start + 9 * minute,
      count: 3,
    });
    expect(hits[0]?.events).toHaveLength(3);
  });

  it('an event exactly at the end of the timespan is inside the window, one millisecond later is not', () => {
    const atEdge = [match('failed-login', 0), match('failed-login', 5), match('failed-login', 10)];
    expect(correlate(bruteForce, atEdge)).toHaveLength(1);
    const pastEdge = [
      match('failed-login', 0),
      match('failed-login', 5),
      { ...match('failed-login', 10), time: start + 10 * minute + 1 },
    ];
    expect(correlate(bruteForce, pastEdge)).toHaveLength(0);
  });

  it('failures from different addresses are counted apart', () => {
    const hits = correlate(bruteForce, [
      match('failed-login', 0),
      match('failed-login', 1, { sourceIPAddress: '198.51.100.1' }),
      match('failed-login', 2),
      match('failed-login', 3, { sourceIPAddress: '198.51.100.2' }),
    ]);
    expect(hits).toHaveLength(0);
  });

  it('matches arriving out of time order are sorted first', () => {
    const hits = correlate(bruteForce, [
      match('failed-login', 9),
      match('failed-login', 0),
      match('failed-login', 30),
      match('failed-login', 5),
    ]);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.events.map((event) => event.time)).toEqual([
      start,
      start + 5 * minute,
      start + 9 * minute,
    ]);
  });

  it('matches of rules the correlation does not name are ignored', () => {
    expect(
      correlate(bruteForce, [match('failed-login', 0), match('ok-login', 1), match('failed-login', 2)]),
    ).toHaveLength(0);
  });

  it('a long burst gives hits that never share events', () => {
    const burst = Array.from({ length: 7 }, (_, index) => match('failed-login', index));
    const hits = correlate(bruteForce, burst);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.count).toBe(7);
  });
});

describe('value_count', () => {
  const spraying = correlationFrom(
    `  type: value_count\n  rules:\n    - failed-login\n  group-by:\n    - sourceIPAddress\n  timespan: 1h\n  condition:\n    field: userIdentity.userName\n    gte: 3\n`,
  );

  it('three distinct user names from one address within the hour are a hit', () => {
    const names = ['alice', 'bob', 'carol'];
    const hits = correlate(
      spraying,
      names.map((userName, index) => match('failed-login', index * 10, { userIdentity: { userName } })),
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]?.count).toBe(3);
  });

  it('the same user name many times counts once', () => {
    const hits = correlate(
      spraying,
      [0, 1, 2, 3].map((offset) => match('failed-login', offset, { userIdentity: { userName: 'alice' } })),
    );
    expect(hits).toHaveLength(0);
  });
});

describe('temporal', () => {
  const failThenSucceed = correlationFrom(
    `  type: temporal\n  rules:\n    - failed_login\n    - ok_login\n  group-by:\n    - sourceIPAddress\n  timespan: 5m\n`,
  );

  it('both rules matching within the timespan, in either order, are a hit', () => {
    expect(correlate(failThenSucceed, [match('ok-login', 0), match('failed-login', 3)])).toHaveLength(1);
  });

  it('one rule alone is not a hit', () => {
    expect(correlate(failThenSucceed, [match('failed-login', 0), match('failed-login', 1)])).toHaveLength(0);
  });

  it('the two rules too far apart are not a hit', () => {
    expect(correlate(failThenSucceed, [match('failed-login', 0), match('ok-login', 6)])).toHaveLength(0);
  });
});

describe('temporal_ordered', () => {
  const ordered = correlationFrom(
    `  type: temporal_ordered\n  rules:\n    - failed_login\n    - ok_login\n  group-by:\n    - sourceIPAddress\n  timespan: 5m\n`,
  );

  it('a failure followed by a success within the timespan is a hit', () => {
    const hits = correlate(ordered, [match('ok-login', 2), match('failed-login', 0)]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ start, end: start + 2 * minute, count: 2 });
  });

  it('a success followed by a failure is not', () => {
    expect(correlate(ordered, [match('ok-login', 0), match('failed-login', 2)])).toHaveLength(0);
  });

  it('the success exactly at the end of the timespan still counts', () => {
    expect(correlate(ordered, [match('failed-login', 0), match('ok-login', 5)])).toHaveLength(1);
  });
});

describe('aliases and generate', () => {
  it('an alias groups events of different rules by different fields', () => {
    const correlation = correlationFrom(
      `  type: temporal\n  rules:\n    - failed_login\n    - ok_login\n  group-by:\n    - client\n  timespan: 5m\n  generate: true\n  aliases:\n    client:\n      failed_login: sourceIPAddress\n      ok_login: additionalEventData.clientIp\n`,
    );
    expect(correlation.generate).toBe(true);
    const hits = correlate(correlation, [
      match('failed-login', 0),
      match('ok-login', 1, { sourceIPAddress: 'ignored', additionalEventData: { clientIp: '203.0.113.9' } }),
    ]);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.groupBy).toEqual({ client: '203.0.113.9' });
    const apart = correlate(correlation, [
      match('failed-login', 0),
      match('ok-login', 1, { additionalEventData: { clientIp: '198.51.100.1' } }),
    ]);
    expect(apart).toHaveLength(0);
  });

  it('generate is false unless the rule says otherwise', () => {
    const correlation = correlationFrom(
      `  type: event_count\n  rules:\n    - failed_login\n  group-by:\n    - sourceIPAddress\n  timespan: 10m\n  condition:\n    gte: 3\n`,
    );
    expect(correlation.generate).toBe(false);
  });
});

describe('correlation rules that cannot be used', () => {
  it('a correlation naming an unknown rule is refused when linked', () => {
    const { rules, correlations } = parseSigma(
      `${failedLogin}---\ntitle: Correlated\ncorrelation:\n  type: event_count\n  rules:\n    - no_such_rule\n  group-by:\n    - sourceIPAddress\n  timespan: 10m\n  condition:\n    gte: 3\n`,
      'rules/brute.yml',
    );
    expect(() => linkCorrelations(rules, correlations)).toThrow(
      new SigmaError("rules/brute.yml: rule 'Correlated': correlation.rules[0]: unknown rule 'no_such_rule'"),
    );
  });

  it('an unsupported correlation type is refused', () => {
    expect(() =>
      parseSigma(
        `title: Sum\ncorrelation:\n  type: value_sum\n  rules: [a]\n  group-by: [b]\n  timespan: 1h\n  condition:\n    gte: 1\n    field: c\n`,
        'rules/sum.yml',
      ),
    ).toThrow(
      new SigmaError(
        "rules/sum.yml: rule 'Sum': correlation.type: 'value_sum' is not supported (supported: event_count, value_count, temporal, temporal_ordered)",
      ),
    );
  });

  it('a timespan without a unit is refused', () => {
    expect(() =>
      parseSigma(
        `title: T\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 10\n  condition:\n    gte: 1\n`,
        'r.yml',
      ),
    ).toThrow(
      new SigmaError(
        "r.yml: rule 'T': correlation.timespan: expected a number and a unit (s, m, h, d, w) like '10m', found '10'",
      ),
    );
  });
});
