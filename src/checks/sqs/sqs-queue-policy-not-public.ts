import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { exposureTarget, judgePolicy } from '../../iam/analyses/exposure.js';

export default defineCheck({
  id: 'sqs-queue-policy-not-public',
  title: 'SQS queue policy does not grant access to everyone',
  description:
    'A queue policy is public when an Allow names every principal and no condition ties it to an account, organization, VPC endpoint or source ARN. Grants to SNS or EventBridge conditioned on aws:SourceArn are not public.',
  risk: 'Anyone can send messages into the queue (poisoning what consumers process) or receive and delete them (reading or destroying the data), depending on the actions granted.',
  severity: 'critical',
  service: 'sqs',
  domain: 'data',
  kind: 'sqs.queue',
  scope: 'resource',
  reads: ['name', 'policy'],
  remediation: {
    text: 'Replace "*" with the principals that use the queue, or condition the statement on aws:SourceArn (for SNS, EventBridge, S3) or aws:PrincipalOrgID.',
    cli: 'aws sqs get-queue-attributes --queue-url <url> --attribute-names Policy\naws sqs set-queue-attributes --queue-url <url> --attributes file://attributes.json  # {"Policy": "<policy without public statements>"}',
    cloudformation:
      "QueuePolicy:\n  Type: AWS::SQS::QueuePolicy\n  Properties:\n    Queues: [!Ref Queue]\n    PolicyDocument:\n      Version: '2012-10-17'\n      Statement:\n        - Effect: Allow\n          Principal: { Service: sns.amazonaws.com }\n          Action: sqs:SendMessage\n          Resource: !GetAtt Queue.Arn\n          Condition:\n            ArnEquals: { 'aws:SourceArn': !Ref Topic }",
    terraform:
      'resource "aws_sqs_queue_policy" "this" {\n  queue_url = aws_sqs_queue.this.id\n  policy    = data.aws_iam_policy_document.queue.json # principals and aws:SourceArn, never "*" alone\n}',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html',
  },
  evaluate(resource) {
    const { name, policy } = resource.attributes;
    if (policy === null) {
      return pass(`Queue ${name} has no access policy`, { policy: null });
    }
    const verdict = judgePolicy(`Queue ${name}`, policy, exposureTarget(resource, 'sqs'));
    return verdict.public ? fail(verdict.message, verdict.evidence) : pass(verdict.message, verdict.evidence);
  },
});
