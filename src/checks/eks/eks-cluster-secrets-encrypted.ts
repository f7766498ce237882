import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'eks-cluster-secrets-encrypted',
  title: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
  description:
    'With envelope encryption of secrets, EKS encrypts Kubernetes secrets in etcd with a KMS key of the customer (FSBP EKS.3). The default encryption EKS applies to all API data since 2025 uses a key of its own, which the customer neither controls nor audits, and does not count here.',
  risk: 'Secrets (service account tokens, database passwords, TLS keys) are protected only by keys the customer does not control: access to them cannot be restricted or audited through a key policy and CloudTrail, nor cut off by disabling the key.',
  severity: 'medium',
  service: 'eks',
  domain: 'compute',
  kind: 'eks.cluster',
  scope: 'resource',
  reads: ['name', 'secretsEncryption'],
  remediation: {
    text: 'Associate a customer managed KMS key with the cluster for secrets encryption. It cannot be turned off or changed once enabled; existing secrets are re-encrypted when they are next written (rewrite them with `kubectl get secrets --all-namespaces -o json | kubectl replace -f -`).',
    cli: 'aws eks associate-encryption-config --region <region> --cluster-name <cluster> --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"<kms-key-arn>"}}]\'',
    cloudformation:
      'Cluster:\n  Type: AWS::EKS::Cluster\n  Properties:\n    # ...\n    EncryptionConfig:\n      - Resources: [secrets]\n        Provider:\n          KeyArn: !GetAtt EksSecretsKey.Arn',
    terraform:
      'resource "aws_eks_cluster" "this" {\n  # ...\n  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = aws_kms_key.eks_secrets.arn\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
  },
  evaluate(cluster) {
    const { name, secretsEncryption } = cluster.attributes;
    return secretsEncryption
      ? pass(`EKS cluster ${name} encrypts Kubernetes secrets with a customer KMS key`, { secretsEncryption })
      : fail(`EKS cluster ${name} does not encrypt Kubernetes secrets with a customer KMS key`, {
          secretsEncryption,
        });
  },
});
