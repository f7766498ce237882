/** Output formats `--format` accepts. */
export const FORMATS = ['table', 'json'] as const;
export type Format = (typeof FORMATS)[number];
