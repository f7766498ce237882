import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { exposureTarget, judgePolicy } from '../../iam/analyses/exposure.js';

export default defineCheck({
  id: 'lambda-function-policy-not-public',
  title: 'Lambda function policy does not allow anyone to invoke the function',
  description:
    "A function's resource-based policy is public when an Allow names every principal and no condition ties it to an account, organization or source ARN (FSBP Lambda.1). Permissions for AWS services with aws:SourceArn or aws:SourceAccount, and function URL grants that require AWS_IAM auth, are not public.",
  risk: "Anyone can invoke the function (or change it, for broader grants): running code with its execution role's permissions, at your cost.",
  severity: 'critical',
  service: 'lambda',
  domain: 'compute',
  kind: 'lambda.function',
  scope: 'resource',
  reads: ['name', 'policy'],
  remediation: {
    text: 'Remove the statements that grant "*" and add permissions for the exact principals that call the function; for AWS services, set SourceArn (and SourceAccount) on the permission.',
    cli: 'aws lambda get-policy --function-name <function>\naws lambda remove-permission --function-name <function> --statement-id <sid>',
    cloudformation:
      'Permission:\n  Type: AWS::Lambda::Permission\n  Properties:\n    FunctionName: !Ref Function\n    Action: lambda:InvokeFunction\n    Principal: s3.amazonaws.com\n    SourceArn: !GetAtt Bucket.Arn\n    SourceAccount: !Ref AWS::AccountId',
    terraform:
      'resource "aws_lambda_permission" "this" {\n  function_name  = aws_lambda_function.this.function_name\n  action         = "lambda:InvokeFunction"\n  principal      = "s3.amazonaws.com"\n  source_arn     = aws_s3_bucket.this.arn\n  source_account = data.aws_caller_identity.current.account_id\n}',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  },
  evaluate(resource) {
    const { name, policy } = resource.attributes;
    if (policy === null) {
      return pass(`Function ${name} has no resource-based policy`, { policy: null });
    }
    const verdict = judgePolicy(`Function ${name}`, policy, exposureTarget(resource, 'lambda'));
    return verdict.public ? fail(verdict.message, verdict.evidence) : pass(verdict.message, verdict.evidence);
  },
});
