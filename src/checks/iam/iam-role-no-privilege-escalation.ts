import { defineCheck } from '../../core/check.js';
import { escalationsFor } from '../../iam/analyses/escalation.js';
import {
  ACCOUNT_MODEL_RELATED,
  accountModelFor,
  escalationOutcome,
  principalOf,
} from './support/account-model.js';

export default defineCheck({
  id: 'iam-role-no-privilege-escalation',
  title: 'IAM roles cannot escalate their own privileges to administrator',
  description:
    "Evaluates every role's effective permissions (inline and attached policies within its permissions boundary, with onus's IAM policy engine) against documented privilege-escalation methods: writing or attaching policies to itself, new policy versions, creating keys or passwords for administrator users, rewriting or assuming administrator roles, passing an administrator role to new compute (EC2, Lambda, Glue, CloudFormation, Data Pipeline, SageMaker, CodeBuild, ECS, App Runner), and taking over functions and instances that run as one. Service-linked roles are skipped: AWS defines them and the customer cannot change them. Roles that are already administrators need no path.",
  risk: 'Whoever gets the role (its workload, a compromised instance or pipeline, a trusted account) can turn it into an administrator: a build role or a Lambda role with iam:PassRole and a compute service is one API call away from full control.',
  severity: 'high',
  service: 'iam',
  domain: 'identity',
  kind: 'iam.role',
  scope: 'resource',
  reads: [
    'name',
    'arn',
    'isServiceLinked',
    'inlinePolicies',
    'attachedManagedPolicies',
    'permissionsBoundary',
  ],
  appliesTo: (role) => !role.attributes.isServiceLinked,
  related: ACCOUNT_MODEL_RELATED,
  remediation: {
    text: 'Remove the permissions each path names, or scope them to resources that cannot raise privileges: restrict iam:PassRole to the roles the workload must pass (with an iam:PassedToService condition), never grant IAM write actions on the role itself or its policies, and give roles that create other roles a permissions boundary they must pass on.',
    cli: 'aws iam put-role-policy --role-name <role> --policy-name <policy> --policy-document file://least-privilege.json\naws iam put-role-permissions-boundary --role-name <role> --permissions-boundary <boundary-policy-arn>',
    cloudformation:
      'Role:\n  Type: AWS::IAM::Role\n  Properties:\n    PermissionsBoundary: !Ref NoIamWriteBoundary\n    Policies:\n      - PolicyName: deploy\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: iam:PassRole\n              Resource: arn:aws:iam::<account>:role/<the-one-role>\n              Condition:\n                StringEquals:\n                  iam:PassedToService: cloudformation.amazonaws.com',
    terraform:
      'resource "aws_iam_role" "this" {\n  name                 = "<role>"\n  permissions_boundary = aws_iam_policy.no_iam_write.arn\n}\n\ndata "aws_iam_policy_document" "deploy" {\n  statement {\n    actions   = ["iam:PassRole"]\n    resources = ["arn:aws:iam::<account>:role/<the-one-role>"]\n    condition {\n      test     = "StringEquals"\n      variable = "iam:PassedToService"\n      values   = ["cloudformation.amazonaws.com"]\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  },
  evaluate(role, ctx) {
    const model = accountModelFor(ctx, role.account);
    return escalationOutcome('Role', role.attributes.name, escalationsFor(model, principalOf(model, role)));
  },
});
