import { describe, expect, it } from 'vitest';
import { transportDeny } from './secure-transport.js';
import { statementsOf } from './statement.js';

const BUCKET = 'arn:aws:s3:::reports';

/** The analysis of one statement: a TLS deny on the bucket and its objects, with `overrides` applied. */
function analyse(overrides: Record<string, unknown>) {
  const [statement] = statementsOf({
    Statement: {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [BUCKET, `${BUCKET}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      ...overrides,
    },
  });
  if (!statement) throw new Error('the statement did not parse');
  return transportDeny(statement, BUCKET);
}

describe('transportDeny', () => {
  it('accepts the canonical statement', () => {
    expect(analyse({})).toEqual({ aboutTransport: true, problems: [], bucket: true, objects: true });
  });

  describe('Resource', () => {
    it.each([
      ['*', true, true],
      ['arn:aws:s3:::*', true, true],
      ['arn:*:s3:::reports*', true, true],
      ['arn:aws:s3:::reports/?*', false, true],
      ['arn:aws:s3:::*/*', false, true],
      ['arn:aws:s3:::reports/?', false, false],
      ['arn:aws:s3:::reports/a*', false, false],
      ['arn:aws:s3:::reports?', false, false],
      ['arn:aws:s3:::Reports*', false, false],
      ['arn:aws:s3:::reports-archive*', false, false],
    ])('%s covers the bucket: %s, every object: %s', (pattern, bucket, objects) => {
      expect(analyse({ Resource: pattern })).toMatchObject({ bucket, objects });
    });
  });

  describe('NotResource', () => {
    it.each([
      ['arn:aws:s3:::other*', true, true],
      ['arn:aws:s3:::reports', false, true],
      ['arn:aws:s3:::reports/public/*', true, false],
      ['arn:aws:s3:::reports/?', true, false],
      // The star can take "reports/x" and the rest matches an object such as reports/x-logs/1.
      ['arn:aws:s3:::*-logs/*', true, false],
      ['arn:aws:s3:::reports/', true, true],
    ])('%s leaves the bucket covered: %s, every object covered: %s', (pattern, bucket, objects) => {
      expect(analyse({ Resource: undefined, NotResource: pattern })).toMatchObject({ bucket, objects });
    });
  });

  it('covers nothing when the statement names no resource', () => {
    expect(analyse({ Resource: undefined })).toMatchObject({ bucket: false, objects: false });
  });

  it.each([
    [{ Action: ['s3:GetObject', 's3:*'] }],
    [{ Action: 'S3:*' }],
    [{ Action: 's3*' }],
    [{ Action: undefined, NotAction: 'iam:*' }],
  ])('counts %j as every S3 action', (overrides) => {
    expect(analyse(overrides).problems).toEqual([]);
  });

  it('reports a NotAction that may exempt S3 actions', () => {
    expect(analyse({ Action: undefined, NotAction: ['ec2:*', 's3:Get*'] }).problems).toEqual([
      'exempts s3:Get* through NotAction',
    ]);
  });

  it('reports a statement without any action', () => {
    expect(analyse({ Action: undefined }).problems).toEqual(['names no action']);
  });

  it('accepts both Bool and BoolIfExists on the key at once', () => {
    const condition = {
      Bool: { 'aws:SecureTransport': 'false' },
      BoolIfExists: { 'AWS:SecureTransport': ['false'] },
    };
    expect(analyse({ Condition: condition }).problems).toEqual([]);
  });

  it('reports every extra condition key, not only the first', () => {
    const condition = {
      Bool: { 'aws:SecureTransport': 'false' },
      StringNotEquals: { 'aws:PrincipalOrgID': 'o-123', 'aws:SourceVpce': 'vpce-1' },
    };
    expect(analyse({ Condition: condition }).problems).toEqual([
      'is also conditioned on aws:PrincipalOrgID (StringNotEquals)',
      'is also conditioned on aws:SourceVpce (StringNotEquals)',
    ]);
  });

  it('treats a deny without a condition as not about TLS', () => {
    expect(analyse({ Condition: undefined })).toMatchObject({
      aboutTransport: false,
      problems: ['is not conditioned on aws:SecureTransport = false'],
    });
  });

  it('reports a deny of requests made over TLS', () => {
    expect(analyse({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })).toMatchObject({
      aboutTransport: true,
      problems: ['matches aws:SecureTransport = true, not false'],
    });
  });
});
