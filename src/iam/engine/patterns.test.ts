import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesPattern, patternOf } from './patterns.js';

/** A regular expression with the documented meaning of a pattern, as an independent oracle. */
function oracle(pattern: string, arn: boolean): RegExp {
  let colons = 0;
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    const confined = arn && colons < 5;
    if (char === ':') colons++;
    if (char === '*') {
      const endsSegment = index === pattern.length - 1 || pattern[index + 1] === ':';
      source += confined && !endsSegment ? '[^:]*' : '[\\s\\S]*';
    } else if (char === '?') {
      source += confined ? '[^:]' : '[\\s\\S]';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

const text = (alphabet: string[]) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''));

describe('wildcard patterns agree with a regular-expression reading of the IAM rules', () => {
  it('for actions and condition strings (wildcards match anything)', () => {
    fc.assert(
      fc.property(text(['a', 'b', ':', '*', '?']), text(['a', 'b', ':']), (pattern, value) => {
        expect(matchesPattern(patternOf(pattern), value, { ignoreCase: false, arn: false })).toBe(
          oracle(pattern, false).test(value),
        );
      }),
      { numRuns: 2000 },
    );
  });
  it('for ARNs (wildcards stay in their segment unless a * ends it)', () => {
    fc.assert(
      fc.property(text(['a', ':', '*', '?', '/']), text(['a', ':', '/']), (pattern, value) => {
        expect(matchesPattern(patternOf(pattern), value, { ignoreCase: false, arn: true })).toBe(
          oracle(pattern, true).test(value),
        );
      }),
      { numRuns: 2000 },
    );
  });
  it('ignores case only when asked', () => {
    expect(matchesPattern(patternOf('S3:Get*'), 's3:getobject', { ignoreCase: true, arn: false })).toBe(true);
    expect(matchesPattern(patternOf('S3:Get*'), 's3:getobject', { ignoreCase: false, arn: false })).toBe(
      false,
    );
  });
});
