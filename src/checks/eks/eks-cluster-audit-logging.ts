import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'eks-cluster-audit-logging',
  title: 'EKS clusters send their audit log to CloudWatch Logs',
  description:
    'The EKS control plane can send five logs to CloudWatch Logs: api, audit, authenticator, controllerManager and scheduler; all are off by default (FSBP EKS.8). The audit log records who did what through the Kubernetes API and is the one this check requires; the others are reported as evidence.',
  risk: 'Without the audit log there is no record of who read secrets, created privileged pods or changed RBAC: an intrusion into the cluster cannot be detected by your own tooling or investigated afterwards.',
  severity: 'medium',
  service: 'eks',
  domain: 'logging',
  kind: 'eks.cluster',
  scope: 'resource',
  reads: ['name', 'enabledLogTypes'],
  remediation: {
    text: 'Enable at least the audit log type (and preferably api and authenticator) for the cluster, and set a retention on the /aws/eks/<cluster>/cluster log group. CloudWatch Logs charges for ingestion and storage.',
    cli: 'aws eks update-cluster-config --region <region> --name <cluster> --logging \'{"clusterLogging":[{"types":["api","audit","authenticator"],"enabled":true}]}\'',
    cloudformation:
      'Cluster:\n  Type: AWS::EKS::Cluster\n  Properties:\n    # ...\n    Logging:\n      ClusterLogging:\n        EnabledTypes:\n          - Type: api\n          - Type: audit\n          - Type: authenticator',
    terraform:
      'resource "aws_eks_cluster" "this" {\n  # ...\n  enabled_cluster_log_types = ["api", "audit", "authenticator"]\n}',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  },
  evaluate(cluster) {
    const { name, enabledLogTypes } = cluster.attributes;
    const evidence = { enabledLogTypes };
    if (enabledLogTypes.includes('audit'))
      return pass(`EKS cluster ${name} logs ${enabledLogTypes.join(', ')} to CloudWatch Logs`, evidence);
    return fail(
      enabledLogTypes.length === 0
        ? `EKS cluster ${name} sends no control plane log to CloudWatch Logs`
        : `EKS cluster ${name} does not send its audit log to CloudWatch Logs (only ${enabledLogTypes.join(', ')})`,
      evidence,
    );
  },
});
