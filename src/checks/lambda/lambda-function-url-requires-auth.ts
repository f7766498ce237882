import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'lambda-function-url-requires-auth',
  title: 'Lambda function URL requires IAM authentication',
  description:
    'A function URL with auth type NONE accepts requests from anyone on the internet, limited only by the function’s resource-based policy (which the console sets to allow everyone); with AWS_IAM, every request must be signed by a principal allowed to invoke it. Functions without a URL are not concerned. Only the URL of the unqualified function is read, not URLs on aliases.',
  risk: 'Anyone who finds the URL can invoke the function: run its code with its execution role’s permissions, reach the data it can reach, and run up its cost.',
  severity: 'high',
  service: 'lambda',
  domain: 'identity',
  kind: 'lambda.function',
  scope: 'resource',
  reads: ['name', 'urlAuthType'],
  appliesTo: (fn) => fn.attributes.urlAuthType !== null,
  remediation: {
    text: 'Set the function URL’s auth type to AWS_IAM and grant lambda:InvokeFunctionUrl to the callers that need it; put CloudFront with origin access control in front for browser-facing use. If the function must stay public, do its own authentication and remove the URL when it is not needed.',
    cli: 'aws lambda update-function-url-config --function-name <function> --auth-type AWS_IAM',
    cloudformation:
      'FunctionUrl:\n  Type: AWS::Lambda::Url\n  Properties:\n    TargetFunctionArn: !GetAtt Function.Arn\n    AuthType: AWS_IAM',
    terraform:
      'resource "aws_lambda_function_url" "this" {\n  function_name      = aws_lambda_function.this.function_name\n  authorization_type = "AWS_IAM"\n}',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  },
  evaluate(fn) {
    const { name, urlAuthType } = fn.attributes;
    return urlAuthType === 'AWS_IAM'
      ? pass(`Function ${name}'s URL requires IAM authentication`, { urlAuthType })
      : fail(`Function ${name} has a public function URL (auth type NONE)`, { urlAuthType });
  },
});
