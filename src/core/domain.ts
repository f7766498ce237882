/**
 * The customer's responsibility domains under the shared responsibility model. Every check belongs to one,
 * and reports summarise by them.
 */
export const DOMAINS = [
  'identity',
  'data',
  'network',
  'logging',
  'detection',
  'secrets',
  'keys',
  'compute',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_TITLES: Record<Domain, string> = {
  identity: 'Identity & access',
  data: 'Data protection',
  network: 'Network controls',
  logging: 'Logging & audit',
  detection: 'Threat detection',
  secrets: 'Secrets',
  keys: 'Keys & rotation',
  compute: 'Compute hardening',
};
