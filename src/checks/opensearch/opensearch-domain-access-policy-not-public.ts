import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { exposureTarget, judgePolicy } from '../../iam/analyses/exposure.js';

export default defineCheck({
  id: 'opensearch-domain-access-policy-not-public',
  title: 'OpenSearch domains with a public endpoint do not grant access to everyone',
  description:
    'An OpenSearch Service domain outside a VPC is reachable from the internet, so its access policy is what keeps strangers out: it must not allow every principal without a condition tying the grant to an account, organization or network. Domains in a VPC are reached only through it and are not concerned here.',
  risk: 'A public endpoint whose access policy allows "*" lets anyone on the internet search, read, change and delete every index with unsigned requests; such domains are found by scanners within hours and routinely wiped or held for ransom.',
  severity: 'critical',
  service: 'opensearch',
  domain: 'data',
  kind: 'opensearch.domain',
  scope: 'resource',
  reads: ['name', 'vpc', 'accessPolicies'],
  appliesTo: (domain) => !domain.attributes.vpc,
  remediation: {
    text: 'Replace "*" with the IAM roles that use the domain (requests are then signed), or at the very least confine the grant to known source IP ranges; better, move the domain into a VPC. Turn on fine-grained access control so a policy mistake does not open every index.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --access-policies file://access-policy.json',
    cloudformation:
      "Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    AccessPolicies:\n      Version: '2012-10-17'\n      Statement:\n        - Effect: Allow\n          Principal: { AWS: !GetAtt SearchAppRole.Arn }\n          Action: 'es:ESHttp*'\n          Resource: !Sub 'arn:${AWS::Partition}:es:${AWS::Region}:${AWS::AccountId}:domain/<domain>/*'",
    terraform:
      'resource "aws_opensearch_domain_policy" "this" {\n  domain_name     = aws_opensearch_domain.this.domain_name\n  access_policies = data.aws_iam_policy_document.search.json # named roles, never "*" alone\n}',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html',
  },
  evaluate(domain) {
    const { name, accessPolicies } = domain.attributes;
    if (accessPolicies === null) {
      return pass(
        `OpenSearch domain ${name} has no access policy: only principals of the account allowed by their IAM policies can call it`,
        { accessPolicies: null },
      );
    }
    const verdict = judgePolicy(`OpenSearch domain ${name}`, accessPolicies, exposureTarget(domain, 'es'));
    return verdict.public ? fail(verdict.message, verdict.evidence) : pass(verdict.message, verdict.evidence);
  },
});
