import { describe, expect, it } from 'vitest';
import { matchesWholeService, mayMatchService, wildcardMatch } from './wildcard.js';

describe('wildcardMatch', () => {
  it.each([
    ['s3:GetObject', 's3:GetObject'],
    ['*', ''],
    ['*', 'anything at all'],
    ['s3:*', 's3:'],
    ['s3:Get*', 's3:GetObject'],
    ['s3:?etObject', 's3:GetObject'],
    ['arn:aws:s3:::b/*/x', 'arn:aws:s3:::b/a/b/c/x'],
    ['a*b*c', 'aXbYbZc'],
    ['*a*a', 'aaaaa'],
    ['**', 'x'],
  ])('%s matches %s', (pattern, value) => {
    expect(wildcardMatch(pattern, value)).toBe(true);
  });

  it.each([
    ['s3:GetObject', 's3:GetObjectAcl'],
    ['s3:GetObjectAcl', 's3:GetObject'],
    ['s3:?', 's3:'],
    ['s3:?', 's3:ab'],
    ['a*b*c', 'aXbYbZ'],
    ['', 'x'],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b'],
  ])('%s does not match %s', (pattern, value) => {
    expect(wildcardMatch(pattern, value)).toBe(false);
  });

  it('is case-sensitive unless asked otherwise', () => {
    expect(wildcardMatch('arn:aws:s3:::Reports/*', 'arn:aws:s3:::reports/a')).toBe(false);
    expect(wildcardMatch('S3:getobject', 's3:GetObject')).toBe(false);
    expect(wildcardMatch('S3:getobject', 's3:GetObject', true)).toBe(true);
  });
});

describe('mayMatchService', () => {
  it.each(['*', 's3:*', 's3:Get*', 'S3:GetObject', 's?:PutObject', 's3*', '*Object'])(
    '%s may match an S3 action',
    (pattern) => {
      expect(mayMatchService(pattern, 's3')).toBe(true);
    },
  );

  it.each(['ec2:*', 's3', 'sqs:*', 's3control:*', 's3-object-lambda:*', ''])(
    '%s cannot match an S3 action',
    (pattern) => {
      expect(mayMatchService(pattern, 's3')).toBe(false);
    },
  );
});

describe('matchesWholeService', () => {
  it.each(['*', 's3:*', 'S3:*', 's3*', 's?:*', '*:*', 's3:?*', '*?'])(
    '%s matches every S3 action',
    (pattern) => {
      expect(matchesWholeService(pattern, 's3')).toBe(true);
    },
  );

  it.each(['s3:Get*', 's3:GetObject', 'ec2:*', 's3:?', 's*:Get*', 's3', '*Object', 's3control:*'])(
    '%s does not match every S3 action',
    (pattern) => {
      expect(matchesWholeService(pattern, 's3')).toBe(false);
    },
  );
});
