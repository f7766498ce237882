import { describe, expectTypeOf, it } from 'vitest';
import { defineCheck } from './check.js';
import { fail, pass } from './outcome.js';

/** Metadata every test check shares; the tests are about behaviour, not wording. */
const META = {
  title: 'test',
  description: 'test',
  risk: 'test',
  remediation: { text: 'fix', url: 'https://docs.aws.amazon.com/' },
};

// These assertions are made by `tsc` (npm run typecheck): an unused @ts-expect-error is itself an error, so
// if defineCheck ever stopped rejecting wrong keys, the typecheck would fail.
describe('defineCheck types', () => {
  it('lets evaluate see exactly the declared attributes, typed from the kind', () => {
    defineCheck({
      id: 'iam-types',
      ...META,
      severity: 'low',
      service: 'iam',
      domain: 'identity',
      kind: 'iam.user',
      scope: 'resource',
      reads: ['mfaActive', 'name'],
      evaluate(user) {
        expectTypeOf(user.attributes.mfaActive).toEqualTypeOf<boolean>();
        expectTypeOf(user.attributes.name).toEqualTypeOf<string>();
        expectTypeOf(user.attributes).not.toHaveProperty('passwordEnabled');
        return user.attributes.mfaActive ? pass('ok') : fail('no');
      },
    });
  });

  it('rejects fields the kind does not have and unknown metadata keys', () => {
    defineCheck({
      id: 'iam-types-2',
      ...META,
      severity: 'low',
      service: 'iam',
      domain: 'identity',
      kind: 'iam.user',
      scope: 'resource',
      // @ts-expect-error iam.user has no attribute "encryption"
      reads: ['encryption'],
      evaluate: () => pass('ok'),
    });
    defineCheck({
      id: 'iam-types-3',
      ...META,
      // @ts-expect-error "severe" is not a severity
      severity: 'severe',
      service: 'iam',
      domain: 'identity',
      kind: 'iam.user',
      scope: 'resource',
      reads: ['name'],
      evaluate: () => pass('ok'),
    });
  });
});
