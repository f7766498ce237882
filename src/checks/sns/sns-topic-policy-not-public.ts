import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { exposureTarget, judgePolicy } from '../../iam/analyses/exposure.js';

export default defineCheck({
  id: 'sns-topic-policy-not-public',
  title: 'SNS topic policy does not grant access to everyone',
  description:
    'A topic policy is public when an Allow names every principal and no condition ties it to an account, organization or source. The default policy, which allows "*" on condition AWS:SourceOwner is the owner account, is not public.',
  risk: 'Anyone can publish to the topic (spoofing alerts or flooding subscribers) or subscribe their own endpoint and receive every message.',
  severity: 'high',
  service: 'sns',
  domain: 'data',
  kind: 'sns.topic',
  scope: 'resource',
  reads: ['name', 'policy'],
  remediation: {
    text: 'Remove statements that grant "*" without a condition; keep the default AWS:SourceOwner condition, or name the publishing principals and services (with aws:SourceArn).',
    cli: 'aws sns get-topic-attributes --topic-arn <arn>\naws sns set-topic-attributes --topic-arn <arn> --attribute-name Policy --attribute-value file://policy.json',
    cloudformation:
      "TopicPolicy:\n  Type: AWS::SNS::TopicPolicy\n  Properties:\n    Topics: [!Ref Topic]\n    PolicyDocument:\n      Version: '2012-10-17'\n      Statement:\n        - Effect: Allow\n          Principal: { Service: events.amazonaws.com }\n          Action: sns:Publish\n          Resource: !Ref Topic\n          Condition:\n            ArnEquals: { 'aws:SourceArn': !GetAtt Rule.Arn }",
    terraform:
      'resource "aws_sns_topic_policy" "this" {\n  arn    = aws_sns_topic.this.arn\n  policy = data.aws_iam_policy_document.topic.json # principals and aws:SourceArn, never "*" alone\n}',
    url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html',
  },
  evaluate(resource) {
    const { name, policy } = resource.attributes;
    if (policy === null) {
      return pass(`Topic ${name} has no access policy`, { policy: null });
    }
    const verdict = judgePolicy(`Topic ${name}`, policy, exposureTarget(resource, 'sns'));
    return verdict.public ? fail(verdict.message, verdict.evidence) : pass(verdict.message, verdict.evidence);
  },
});
