import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'opensearch-domain-in-vpc',
  title: 'OpenSearch domains are placed in a VPC',
  description:
    'Every OpenSearch Service domain must be created inside a VPC, so its endpoint is reachable only through the VPC and its security groups rather than from the internet (Security Hub Opensearch.2).',
  risk: 'A domain with a public endpoint is reachable from anywhere on the internet; only its access policy (often left open for convenience) stands between attackers and the data, and it is exposed to scanning and brute force.',
  severity: 'high',
  service: 'opensearch',
  domain: 'network',
  kind: 'opensearch.domain',
  scope: 'resource',
  reads: ['name', 'vpc'],
  remediation: {
    text: 'A domain cannot move from public access into a VPC. Create a new domain with VPC access in private subnets, restore the data from a manual snapshot (or reindex), point the clients at it and delete the public domain.',
    cli: 'aws opensearch create-domain --domain-name <domain> --engine-version OpenSearch_2.13 --vpc-options SubnetIds=<subnet-id>,SecurityGroupIds=<sg-id> # then restore a snapshot into it',
    cloudformation:
      'Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    VPCOptions:\n      SubnetIds:\n        - <subnet-id>\n      SecurityGroupIds:\n        - <sg-id>',
    terraform:
      'resource "aws_opensearch_domain" "this" {\n  # ...\n  vpc_options {\n    subnet_ids         = [aws_subnet.private.id]\n    security_group_ids = [aws_security_group.search.id]\n  }\n}',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html',
  },
  evaluate(domain) {
    const { name, vpc } = domain.attributes;
    return vpc
      ? pass(`OpenSearch domain ${name} is reachable only from its VPC`, { vpc })
      : fail(`OpenSearch domain ${name} has a public endpoint outside any VPC`, { vpc });
  },
});
