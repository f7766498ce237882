import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'apigateway-stage-waf',
  title: 'API Gateway REST API stages are protected by AWS WAF',
  description:
    'Every stage of an API Gateway REST API must be associated with an AWS WAF web ACL, which filters requests before they reach the API (Security Hub APIGateway.4). Private APIs reachable only from a VPC may be exempted deliberately.',
  risk: 'Without a web ACL, injection attempts, known bad inputs, bots and request floods reach the API and its backend unfiltered; rate-based rules and managed rule groups cannot be applied.',
  severity: 'medium',
  service: 'apigateway',
  domain: 'network',
  kind: 'apigateway.stage',
  scope: 'resource',
  reads: ['apiName', 'apiId', 'stageName', 'webAclArn'],
  remediation: {
    text: 'Create a regional AWS WAF web ACL (for example with the AWS managed core rule set, known bad inputs and a rate-based rule) and associate it with the stage. WAF is billed per web ACL, rule and request.',
    cli: 'aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn arn:aws:apigateway:<region>::/restapis/<api-id>/stages/<stage>',
    cloudformation:
      "WebAclAssociation:\n  Type: AWS::WAFv2::WebACLAssociation\n  Properties:\n    ResourceArn: !Sub 'arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod'\n    WebACLArn: !GetAtt WebAcl.Arn",
    terraform:
      'resource "aws_wafv2_web_acl_association" "api" {\n  resource_arn = aws_api_gateway_stage.this.arn\n  web_acl_arn  = aws_wafv2_web_acl.api.arn\n}',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html',
  },
  evaluate(stage) {
    const { apiName, apiId, stageName, webAclArn } = stage.attributes;
    const subject = `Stage ${stageName} of REST API ${apiName} (${apiId})`;
    return webAclArn !== null
      ? pass(`${subject} is protected by web ACL ${webAclArn}`, { webAclArn })
      : fail(`${subject} has no AWS WAF web ACL in front of it`, { webAclArn });
  },
});
