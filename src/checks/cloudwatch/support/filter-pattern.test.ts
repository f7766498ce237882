import { describe, expect, it } from 'vitest';
import { apiCall, consoleLogin, deniedCall, rootCall, UNRELATED_EVENT } from './cloudtrail-events.js';
import { matchesEvent, parseFilterPattern } from './filter-pattern.js';

function matches(pattern: string, event: Record<string, unknown>): boolean {
  const parsed = parseFilterPattern(pattern);
  if (!parsed.ok) throw new Error(parsed.error);
  return matchesEvent(parsed.pattern, event);
}

const putPolicy = apiCall('iam', 'PutUserPolicy').event;
const denied = deniedCall('ec2', 'RunInstances', 'Client.UnauthorizedOperation').event;
const failedLogin = consoleLogin('failed', 'Failure').event;
const rootKey = rootCall('iam', 'CreateAccessKey').event;

describe('CloudWatch Logs filter patterns', () => {
  it('matches every event with an empty pattern', () => {
    expect(matches('', UNRELATED_EVENT)).toBe(true);
    expect(matches('  ', putPolicy)).toBe(true);
  });

  it('compares unquoted and quoted strings exactly, and case matters', () => {
    expect(matches('{ $.eventName = PutUserPolicy }', putPolicy)).toBe(true);
    expect(matches('{ $.eventName = "PutUserPolicy" }', putPolicy)).toBe(true);
    expect(matches('{ $.eventName = putuserpolicy }', putPolicy)).toBe(false);
    expect(matches('{ $.eventName = PutUser }', putPolicy)).toBe(false);
    expect(matches('{ $.eventSource = iam.amazonaws.com }', putPolicy)).toBe(true);
  });

  it('expands * wildcards anywhere in the value', () => {
    expect(matches('{ $.errorCode = "*UnauthorizedOperation" }', denied)).toBe(true);
    expect(matches('{ $.errorCode = Client.* }', denied)).toBe(true);
    expect(matches('{ $.eventName = *Policy* }', putPolicy)).toBe(true);
    expect(matches('{ $.eventName = * }', UNRELATED_EVENT)).toBe(true);
    expect(matches('{ $.errorCode = "AccessDenied*" }', denied)).toBe(false);
  });

  it('follows nested selectors and array indexes', () => {
    expect(matches('{ $.userIdentity.type = IAMUser }', putPolicy)).toBe(true);
    expect(matches('{ $.additionalEventData.MFAUsed != "Yes" }', failedLogin)).toBe(true);
    expect(matches('{ $.list[1] = b }', { list: ['a', 'b'] })).toBe(true);
    expect(matches('{ $.list[2] = b }', { list: ['a', 'b'] })).toBe(false);
  });

  it('never matches = or != on a field the event does not have', () => {
    expect(matches('{ $.errorCode = "*" }', putPolicy)).toBe(false);
    expect(matches('{ $.errorCode != "AccessDenied" }', putPolicy)).toBe(false);
  });

  it('tests for absence, null and booleans', () => {
    expect(matches('{ $.userIdentity.invokedBy NOT EXISTS }', rootKey)).toBe(true);
    expect(matches('{ $.eventName NOT EXISTS }', rootKey)).toBe(false);
    expect(matches('{ $.requestParameters IS NULL }', putPolicy)).toBe(true);
    expect(matches('{ $.readOnly IS FALSE }', putPolicy)).toBe(true);
    expect(matches('{ $.readOnly IS TRUE }', UNRELATED_EVENT)).toBe(true);
  });

  it('compares numbers', () => {
    const event = { latency: 1200, code: '500' };
    expect(matches('{ $.latency > 1000 }', event)).toBe(true);
    expect(matches('{ $.latency <= 1000 }', event)).toBe(false);
    expect(matches('{ $.latency = 1200 }', event)).toBe(true);
    expect(matches('{ $.code > 400 }', event)).toBe(false);
  });

  it('binds && tighter than || and honours parentheses', () => {
    const cis =
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.eventName != "HeadBucket") }';
    expect(matches(cis, denied)).toBe(true);
    expect(matches('{ $.eventName = X || $.eventName = RunInstances && $.errorCode = Nope }', denied)).toBe(
      false,
    );
    expect(
      matches('{ ($.eventName = X || $.eventName = RunInstances) && $.errorCode = *Unauthorized* }', denied),
    ).toBe(true);
  });

  it('searches with %regex% values', () => {
    expect(matches('{ $.eventName = %^Put% }', putPolicy)).toBe(true);
    expect(matches('{ $.eventName = %User.*Policy$% }', putPolicy)).toBe(true);
    expect(matches('{ $.eventName != %Describe% }', UNRELATED_EVENT)).toBe(false);
  });

  it('matches term patterns against the raw event text', () => {
    expect(matches('PutUserPolicy', putPolicy)).toBe(true);
    expect(matches('"Failed authentication"', failedLogin)).toBe(true);
    expect(matches('?StopLogging ?PutUserPolicy', putPolicy)).toBe(true);
    expect(matches('iam.amazonaws.com -PutUserPolicy', putPolicy)).toBe(false);
    expect(matches('%Put.*Policy%', putPolicy)).toBe(true);
  });

  it('accepts space-delimited patterns, which match no JSON event', () => {
    expect(matches('[ip, user, status=4*]', putPolicy)).toBe(false);
  });

  it.each([
    ['{ $.eventName = PutUserPolicy', /expected }/],
    ['{ $.eventName PutUserPolicy }', /expected an operator/],
    ['{ $.eventName = }', /expected a value/],
    ['{ ($.eventName = A }', /expected \)/],
    ['{ $.eventName = "A }', /unterminated string/],
    ['{ $.latency > slow }', /compares numbers/],
    ['{ eventName = A }', /expected a \$ selector/],
    ['{ $.eventName = %(a|b)% }', /cannot use parentheses/],
    ['{ $.a = 1 } extra', /after the closing/],
    ['{ $.a IS MAYBE }', /expected NULL, TRUE, FALSE or EXISTS/],
  ])('reports %s as not parsing', (pattern, error) => {
    const parsed = parseFilterPattern(pattern);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});
