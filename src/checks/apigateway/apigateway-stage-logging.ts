import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'apigateway-stage-logging',
  title: 'API Gateway REST API stages have execution logging on',
  description:
    'Every stage of an API Gateway REST API must send execution logs to CloudWatch Logs at level ERROR or INFO, for all its methods: the stage-wide setting and any method that overrides it (Security Hub APIGateway.1).',
  risk: 'Without execution logs, authorizer failures, integration errors and throttling leave no record, so attacks on the API and the errors they cause cannot be detected or investigated.',
  severity: 'medium',
  service: 'apigateway',
  domain: 'logging',
  kind: 'apigateway.stage',
  scope: 'resource',
  reads: ['apiName', 'apiId', 'stageName', 'executionLogging'],
  remediation: {
    text: 'Set the CloudWatch Logs role of API Gateway in the region (once per account), then set the stage-wide logging level to ERROR (or INFO) and remove method overrides that turn it off. Keep full request and response data logging off in production: it logs request bodies and headers.',
    cli: 'aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/*/*/logging/loglevel,value=ERROR',
    cloudformation:
      "Stage:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    RestApiId: !Ref Api\n    StageName: prod\n    DeploymentId: !Ref Deployment\n    MethodSettings:\n      - ResourcePath: '/*'\n        HttpMethod: '*'\n        LoggingLevel: ERROR",
    terraform:
      'resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = aws_api_gateway_rest_api.this.id\n  stage_name  = aws_api_gateway_stage.this.stage_name\n  method_path = "*/*"\n  settings {\n    logging_level = "ERROR"\n  }\n}',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
  },
  evaluate(stage) {
    const { apiName, apiId, stageName, executionLogging } = stage.attributes;
    const subject = `Stage ${stageName} of REST API ${apiName} (${apiId})`;
    return executionLogging === 'OFF'
      ? fail(`${subject} does not write execution logs for all its methods`, { executionLogging })
      : pass(`${subject} writes execution logs at level ${executionLogging}`, { executionLogging });
  },
});
