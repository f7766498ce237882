import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'apigateway-stage-cache-encrypted',
  title: 'API Gateway REST API stage caches are encrypted',
  description:
    'Every stage of an API Gateway REST API that has a cache must encrypt the cached responses: the stage-wide setting must encrypt (methods without their own setting, GET methods among them, cache by it) and so must every method that caches with its own setting (Security Hub APIGateway.5). Stages without a cache are not concerned.',
  risk: 'Cached responses (often personal or business data returned by the backend) are stored unencrypted on the cache cluster, outside the protections the backend gives them.',
  severity: 'medium',
  service: 'apigateway',
  domain: 'data',
  kind: 'apigateway.stage',
  scope: 'resource',
  reads: ['apiName', 'apiId', 'stageName', 'cacheClusterEnabled', 'cacheDataEncrypted'],
  appliesTo: (stage) => stage.attributes.cacheClusterEnabled,
  remediation: {
    text: 'Turn on cache data encryption in the stage-wide method settings and in every method override that caches. The cache is flushed when the setting changes.',
    cli: 'aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/*/*/caching/dataEncrypted,value=true',
    cloudformation:
      "Stage:\n  Type: AWS::ApiGateway::Stage\n  Properties:\n    RestApiId: !Ref Api\n    StageName: prod\n    DeploymentId: !Ref Deployment\n    CacheClusterEnabled: true\n    MethodSettings:\n      - ResourcePath: '/*'\n        HttpMethod: '*'\n        CachingEnabled: true\n        CacheDataEncrypted: true",
    terraform:
      'resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = aws_api_gateway_rest_api.this.id\n  stage_name  = aws_api_gateway_stage.this.stage_name\n  method_path = "*/*"\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html',
  },
  evaluate(stage) {
    const { apiName, apiId, stageName, cacheDataEncrypted } = stage.attributes;
    const subject = `Stage ${stageName} of REST API ${apiName} (${apiId})`;
    return cacheDataEncrypted
      ? pass(`${subject} encrypts the responses it caches`, { cacheDataEncrypted })
      : fail(`${subject} caches responses without encrypting them`, { cacheDataEncrypted });
  },
});
