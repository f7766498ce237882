import type { AttributesOf } from '../core/kinds/index.js';
import type { Resource } from '../core/resource.js';
import { ACCOUNT, resource } from './builders.js';

/** Edge (CloudFront) builders for check tests: a hardened resource by default, overrides for the case. */

/**
 * Distribution E2QWRUHAPOMQZL, enabled and hardened: viewers redirected to HTTPS, TLSv1.2_2021, behind a WAF web
 * ACL, logging, with a default root object and no custom origin.
 */
export function cloudfrontDistribution(
  overrides: Partial<AttributesOf<'cloudfront.distribution'>> = {},
): Resource<'cloudfront.distribution'> {
  const id = overrides.id ?? 'E2QWRUHAPOMQZL';
  return resource(
    'cloudfront.distribution',
    id,
    {
      id,
      domainName: 'd111111abcdef8.cloudfront.net',
      enabled: true,
      viewerProtocolPolicies: [{ pathPattern: null, policy: 'redirect-to-https' }],
      minimumProtocolVersion: 'TLSv1.2_2021',
      originProtocolPolicies: [],
      webAclId: `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/cdn/a1b2c3d4`,
      loggingEnabled: true,
      defaultRootObject: 'index.html',
      ...overrides,
    },
    { arn: `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}` },
  );
}
