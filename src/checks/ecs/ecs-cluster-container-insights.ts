import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ecs-cluster-container-insights',
  title: 'ECS clusters have Container Insights enabled',
  description:
    'Container Insights collects CPU, memory, network and storage metrics, and task and service events, of the tasks and services of an ECS cluster into CloudWatch (FSBP ECS.12). The check passes for `enabled` and `enhanced` (with per-task and per-container detail). Clusters that are not ACTIVE are skipped.',
  risk: 'Without cluster metrics, a crypto-miner eating CPU, a task restarting in a loop or a sudden spike of network traffic goes unnoticed, and there is no baseline to compare an incident against.',
  severity: 'low',
  service: 'ecs',
  domain: 'logging',
  kind: 'ecs.cluster',
  scope: 'resource',
  reads: ['name', 'status', 'containerInsights'],
  appliesTo: (cluster) => cluster.attributes.status === 'ACTIVE',
  remediation: {
    text: 'Turn Container Insights on for the cluster (enhanced observability gives per-task detail), and make it the account default for new clusters. CloudWatch charges for the metrics and logs it produces.',
    cli: 'aws ecs update-cluster-settings --region <region> --cluster <cluster> --settings name=containerInsights,value=enhanced\n# default for new clusters:\naws ecs put-account-setting-default --region <region> --name containerInsights --value enhanced',
    cloudformation:
      'Cluster:\n  Type: AWS::ECS::Cluster\n  Properties:\n    ClusterSettings:\n      - Name: containerInsights\n        Value: enhanced',
    terraform:
      'resource "aws_ecs_cluster" "this" {\n  name = "<cluster>"\n  setting {\n    name  = "containerInsights"\n    value = "enhanced"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/deploy-container-insights-ECS-cluster.html',
  },
  evaluate(cluster) {
    const { name, containerInsights } = cluster.attributes;
    return containerInsights === 'disabled'
      ? fail(`ECS cluster ${name} has Container Insights disabled`, { containerInsights })
      : pass(`ECS cluster ${name} has Container Insights ${containerInsights}`, { containerInsights });
  },
});
