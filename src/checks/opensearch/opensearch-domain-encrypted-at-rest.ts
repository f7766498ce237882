import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'opensearch-domain-encrypted-at-rest',
  title: 'OpenSearch domains are encrypted at rest',
  description:
    'Every OpenSearch Service domain must have encryption at rest on, so its indices, logs, swap files and automated snapshots are encrypted with a KMS key (Security Hub Opensearch.1).',
  risk: 'Without encryption at rest, the documents a domain indexes (often application data, logs and personal data) sit in clear text on AWS storage, and access to them cannot be audited or cut off through KMS.',
  severity: 'medium',
  service: 'opensearch',
  domain: 'data',
  kind: 'opensearch.domain',
  scope: 'resource',
  reads: ['name', 'encryptionAtRest'],
  remediation: {
    text: 'Turn on encryption at rest, with the AWS managed key or a customer managed KMS key. Domains on OpenSearch or Elasticsearch 6.7 and later can turn it on in place; older domains must be recreated and their data restored from a snapshot. It cannot be turned off again.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --encryption-at-rest-options Enabled=true,KmsKeyId=<key-id>',
    cloudformation:
      'Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    EncryptionAtRestOptions:\n      Enabled: true\n      KmsKeyId: <key-id>',
    terraform:
      'resource "aws_opensearch_domain" "this" {\n  # ...\n  encrypt_at_rest {\n    enabled    = true\n    kms_key_id = aws_kms_key.search.key_id\n  }\n}',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
  },
  evaluate(domain) {
    const { name, encryptionAtRest } = domain.attributes;
    return encryptionAtRest
      ? pass(`OpenSearch domain ${name} is encrypted at rest`, { encryptionAtRest })
      : fail(`OpenSearch domain ${name} stores its data without encryption at rest`, { encryptionAtRest });
  },
});
