import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'opensearch-domain-node-to-node-encryption',
  title: 'OpenSearch domains encrypt traffic between their nodes',
  description:
    'Every OpenSearch Service domain must have node-to-node encryption on, so the traffic between its nodes inside the cluster uses TLS (Security Hub Opensearch.3).',
  risk: 'Without node-to-node encryption, documents, queries and results travel between the nodes in clear text, where anything able to observe the VPC traffic can read or alter them.',
  severity: 'medium',
  service: 'opensearch',
  domain: 'data',
  kind: 'opensearch.domain',
  scope: 'resource',
  reads: ['name', 'nodeToNodeEncryption'],
  remediation: {
    text: 'Turn on node-to-node encryption. Domains on OpenSearch or Elasticsearch 6.7 and later can turn it on in place (a blue/green deployment); older domains must be recreated. It cannot be turned off again.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --node-to-node-encryption-options Enabled=true',
    cloudformation:
      'Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    NodeToNodeEncryptionOptions:\n      Enabled: true',
    terraform:
      'resource "aws_opensearch_domain" "this" {\n  # ...\n  node_to_node_encryption {\n    enabled = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html',
  },
  evaluate(domain) {
    const { name, nodeToNodeEncryption } = domain.attributes;
    return nodeToNodeEncryption
      ? pass(`OpenSearch domain ${name} encrypts traffic between its nodes`, { nodeToNodeEncryption })
      : fail(`OpenSearch domain ${name} sends data between its nodes without encryption`, {
          nodeToNodeEncryption,
        });
  },
});
