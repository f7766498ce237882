import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'apigateway-stage-access-logging',
  title: 'API Gateway REST API stages write access logs',
  description:
    'Every stage of an API Gateway REST API must send access logs (one line per request: caller, source IP, method, path, status, authorizer result) to a CloudWatch Logs log group or a Data Firehose stream.',
  risk: 'Without access logs there is no record of who called the API, from where and with what result: credential stuffing, scraping and abuse of stolen API keys cannot be seen, nor investigated afterwards.',
  severity: 'medium',
  service: 'apigateway',
  domain: 'logging',
  kind: 'apigateway.stage',
  scope: 'resource',
  reads: ['apiName', 'apiId', 'stageName', 'accessLogDestination'],
  remediation: {
    text: 'Turn on access logging for the stage with a log group (or a Firehose stream whose name starts with amazon-apigateway-) and a format that includes at least $context.requestId, $context.identity.sourceIp, $context.identity.caller, $context.httpMethod, $context.resourcePath and $context.status.',
    cli: 'aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/accessLogSettings/destinationArn,value=<log-group-arn> \'op=replace,path=/accessLogSettings/format,value={"requestId":"$context.requestId","ip":"$context.identity.sourceIp","caller":"$context.identity.caller","method":"$context.httpMethod","path":"$context.resourcePath","status":"$context.status"}\'',
    cloudformation:
      'Stage:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    RestApiId: !Ref Api\n    StageName: prod\n    DeploymentId: !Ref Deployment\n    AccessLogSetting:\n      DestinationArn: !GetAtt AccessLogs.Arn\n      Format: \'{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","method":"$context.httpMethod","path":"$context.resourcePath","status":"$context.status"}\'',
    terraform:
      'resource "aws_api_gateway_stage" "this" {\n  # ...\n  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.api_access.arn\n    format = jsonencode({\n      requestId = "$context.requestId"\n      ip        = "$context.identity.sourceIp"\n      method    = "$context.httpMethod"\n      path      = "$context.resourcePath"\n      status    = "$context.status"\n    })\n  }\n}',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
  },
  evaluate(stage) {
    const { apiName, apiId, stageName, accessLogDestination } = stage.attributes;
    const subject = `Stage ${stageName} of REST API ${apiName} (${apiId})`;
    return accessLogDestination !== null
      ? pass(`${subject} writes access logs to ${accessLogDestination}`, { accessLogDestination })
      : fail(`${subject} writes no access logs`, { accessLogDestination });
  },
});
