import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error.js';

describe('jsonErrorOffset', () => {
  const cases: [string, string, number][] = [
    ['a stray comma in an array', '{"a": [,]}', 7],
    ['a trailing comma in an object', '{"a": 1,}', 8],
    ['a missing colon', '{"a" 1}', 5],
    ['an unquoted key', '{a: 1}', 1],
    ['a truncated file', '{"a": [1, 2', 11],
    ['an unterminated string', '{"a": "abc', 10],
    ['a bad literal', '{"a": tru}', 9],
    ['text after the value', '{"a": 1} x', 9],
    ['a control character in a string', '{"a": "x\ny"}', 8],
    ['a bad escape', '{"a": "\\q"}', 8],
  ];
  for (const [name, text, offset] of cases) {
    it(`points at ${name}`, () => {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonErrorOffset(text)).toBe(offset);
    });
  }
});
