import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { parseRates } from './collect.js';

describe('--rate', () => {
  it('sets calls per second per service, with a burst of twice the rate', () => {
    expect(parseRates('iam=4, ec2=12.5')).toEqual({
      iam: { rate: 4, burst: 8 },
      ec2: { rate: 12.5, burst: 25 },
    });
    expect(parseRates(undefined)).toEqual({});
  });

  it('refuses what is not service=number', () => {
    for (const bad of ['iam', 'iam=0', 'iam=-1', 'IAM=4', 'iam=4x', 'iam=5000']) {
      expect(() => parseRates(bad), bad).toThrow(UserError);
    }
  });
});
