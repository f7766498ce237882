/** Output formats `--format` accepts. */
export const FORMATS = [
  'table',
  'json',
  'asff',
  'ocsf',
  'sarif',
  'csv',
  'junit',
  'markdown',
  'html',
] as const;
export type Format = (typeof FORMATS)[number];
