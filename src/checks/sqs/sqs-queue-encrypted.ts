import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'sqs-queue-encrypted',
  title: 'SQS queues are encrypted at rest',
  description:
    'Every SQS queue must encrypt messages at rest, either with SQS managed keys (SSE-SQS) or with a KMS key (SSE-KMS). Either one passes.',
  risk: 'Messages in an unencrypted queue sit in clear text until consumed or expired, often carrying personal data, tokens or business events.',
  severity: 'medium',
  service: 'sqs',
  domain: 'data',
  kind: 'sqs.queue',
  scope: 'resource',
  reads: ['name', 'sqsManagedSse', 'kmsMasterKeyId'],
  remediation: {
    text: 'Turn on SSE-SQS, or SSE-KMS with a KMS key when you need key policies and CloudTrail records of key use. With a customer managed key, the key policy must let producers (including AWS services such as SNS or EventBridge) use it.',
    cli: 'aws sqs set-queue-attributes --queue-url <queue-url> --attributes SqsManagedSseEnabled=true',
    cloudformation: 'Queue:\n  Type: AWS::SQS::Queue\n  Properties:\n    SqsManagedSseEnabled: true',
    terraform: 'resource "aws_sqs_queue" "this" {\n  # ...\n  sqs_managed_sse_enabled = true\n}',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
  },
  evaluate(queue) {
    const { name, sqsManagedSse, kmsMasterKeyId } = queue.attributes;
    const evidence = { sqsManagedSse, kmsMasterKeyId };
    if (kmsMasterKeyId !== null)
      return pass(`SQS queue ${name} is encrypted with KMS key ${kmsMasterKeyId}`, evidence);
    if (sqsManagedSse)
      return pass(`SQS queue ${name} is encrypted with SQS managed keys (SSE-SQS)`, evidence);
    return fail(`SQS queue ${name} is not encrypted at rest: neither SSE-SQS nor SSE-KMS is on`, evidence);
  },
});
