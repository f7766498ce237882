import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'opensearch-domain-fine-grained-access-control',
  title: 'OpenSearch domains have fine-grained access control on',
  description:
    'Every OpenSearch Service domain must have fine-grained access control on, so requests are authenticated (IAM, SAML, Cognito or the internal user database) and authorized by role down to index, document and field (Security Hub Opensearch.7).',
  risk: 'Without fine-grained access control, anyone the domain access policy lets through has full control of every index: one permissive policy or leaked credential exposes and can delete all the data.',
  severity: 'high',
  service: 'opensearch',
  domain: 'identity',
  kind: 'opensearch.domain',
  scope: 'resource',
  reads: ['name', 'advancedSecurity'],
  remediation: {
    text: 'Turn on fine-grained access control with an IAM role as master user (it needs encryption at rest, node-to-node encryption and HTTPS, and OpenSearch or Elasticsearch 6.7 or later), then map users and roles in OpenSearch Dashboards. Existing domains switch over in a blue/green deployment; plan the role mapping first so clients keep access.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --advanced-security-options "Enabled=true,InternalUserDatabaseEnabled=false,MasterUserOptions={MasterUserARN=<role-arn>}"',
    cloudformation:
      'Domain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    AdvancedSecurityOptions:\n      Enabled: true\n      InternalUserDatabaseEnabled: false\n      MasterUserOptions:\n        MasterUserARN: <role-arn>',
    terraform:
      'resource "aws_opensearch_domain" "this" {\n  # ...\n  advanced_security_options {\n    enabled                        = true\n    internal_user_database_enabled = false\n    master_user_options {\n      master_user_arn = aws_iam_role.search_admin.arn\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html',
  },
  evaluate(domain) {
    const { name, advancedSecurity } = domain.attributes;
    return advancedSecurity
      ? pass(`OpenSearch domain ${name} has fine-grained access control on`, { advancedSecurity })
      : fail(
          `OpenSearch domain ${name} has no fine-grained access control: whoever its access policy admits controls every index`,
          { advancedSecurity },
        );
  },
});
