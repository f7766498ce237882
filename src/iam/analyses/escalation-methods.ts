/**
 * Documented IAM privilege-escalation methods, as data. Each method is a set of permissions that, held
 * together, let a principal gain an administrator's permissions. Sources: Rhino Security Labs' "AWS IAM
 * Privilege Escalation" catalogue (R1-R28), Datadog's pathfinding.cloud paths, and the AWS service docs on
 * passing roles (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
 */

/**
 * What a permission must be allowed on:
 * - `self`: the principal's own ARN (a user writing its own policy);
 * - `own-groups`: a group the user belongs to;
 * - `own-policies`: a customer managed policy attached to the principal or its groups;
 * - `admin-users`, `admin-groups`, `admin-roles`: a user, group or role that is effectively administrator;
 * - `admin-roles-trusted`: an administrator role whose trust policy lets the principal assume it;
 * - `admin-functions`, `admin-instances`: a Lambda function or EC2 instance that runs as an administrator role;
 * - `passable-role`: an administrator role that trusts the method's `service` (what iam:PassRole hands over);
 * - `new`: a resource the attacker creates, named by `arn` (`{account}` and `{region}` are filled in).
 */
export type EscalationTarget =
  | 'self'
  | 'own-groups'
  | 'own-policies'
  | 'admin-users'
  | 'admin-groups'
  | 'admin-roles'
  | 'admin-roles-trusted'
  | 'admin-functions'
  | 'admin-instances'
  | 'passable-role'
  | 'new';

export interface EscalationPermission {
  action: string;
  on: EscalationTarget;
  /** For `new`: the ARN pattern of the created resource. */
  arn?: string;
}

export interface EscalationMethod {
  id: string;
  title: string;
  /** Which principals the method concerns (a role cannot be added to a group). */
  principals: 'user' | 'role' | 'any';
  /** Every one is needed. Permissions on the same target kind must hold on the same target. */
  permissions: readonly EscalationPermission[];
  /** For `passable-role`: the service principal the passed role must trust. */
  service?: string;
  gains: string;
  reference: string;
}

const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';
const PATHFINDING = 'https://pathfinding.cloud/paths/';
const PASS_ROLE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html';

const passRole: EscalationPermission = { action: 'iam:PassRole', on: 'passable-role' };
const created = (action: string, arn: string): EscalationPermission => ({ action, on: 'new', arn });
const LAMBDA_FUNCTION = 'arn:aws:lambda:{region}:{account}:function:*';

export const ESCALATION_METHODS: readonly EscalationMethod[] = [
  {
    id: 'iam-create-policy-version',
    title: 'Create a new default version of a policy attached to itself',
    principals: 'any',
    permissions: [{ action: 'iam:CreatePolicyVersion', on: 'own-policies' }],
    gains: 'Any permission: the new version (set as default) can allow everything.',
    reference: `${PATHFINDING}iam-001`,
  },
  {
    id: 'iam-set-default-policy-version',
    title: 'Make an older, broader version of an attached policy the default',
    principals: 'any',
    permissions: [{ action: 'iam:SetDefaultPolicyVersion', on: 'own-policies' }],
    gains: 'Whatever any stored version of the policy allows (versions are not collected: check them).',
    reference: RHINO,
  },
  {
    id: 'iam-attach-user-policy',
    title: 'Attach a managed policy (AdministratorAccess) to itself',
    principals: 'user',
    permissions: [{ action: 'iam:AttachUserPolicy', on: 'self' }],
    gains: 'Administrator access through an attached AWS managed policy.',
    reference: `${PATHFINDING}iam-008`,
  },
  {
    id: 'iam-attach-group-policy',
    title: 'Attach a managed policy to a group it belongs to',
    principals: 'user',
    permissions: [{ action: 'iam:AttachGroupPolicy', on: 'own-groups' }],
    gains: 'Administrator access for the user (and every member of the group).',
    reference: `${PATHFINDING}iam-010`,
  },
  {
    id: 'iam-attach-role-policy',
    title: 'Attach a managed policy to its own role',
    principals: 'role',
    permissions: [{ action: 'iam:AttachRolePolicy', on: 'self' }],
    gains: 'Administrator access for every session of the role.',
    reference: `${PATHFINDING}iam-009`,
  },
  {
    id: 'iam-put-user-policy',
    title: 'Write an inline policy on itself',
    principals: 'user',
    permissions: [{ action: 'iam:PutUserPolicy', on: 'self' }],
    gains: 'Any permission, written into an inline policy of the user.',
    reference: `${PATHFINDING}iam-007`,
  },
  {
    id: 'iam-put-group-policy',
    title: 'Write an inline policy on a group it belongs to',
    principals: 'user',
    permissions: [{ action: 'iam:PutGroupPolicy', on: 'own-groups' }],
    gains: 'Any permission, through the group.',
    reference: `${PATHFINDING}iam-011`,
  },
  {
    id: 'iam-put-role-policy',
    title: 'Write an inline policy on its own role',
    principals: 'role',
    permissions: [{ action: 'iam:PutRolePolicy', on: 'self' }],
    gains: 'Any permission for the role.',
    reference: `${PATHFINDING}iam-005`,
  },
  {
    id: 'iam-add-user-to-group',
    title: 'Add itself to an administrators group',
    principals: 'user',
    permissions: [{ action: 'iam:AddUserToGroup', on: 'admin-groups' }],
    gains: "The group's administrator permissions.",
    reference: `${PATHFINDING}iam-013`,
  },
  {
    id: 'iam-create-access-key',
    title: 'Create an access key for an administrator user',
    principals: 'any',
    permissions: [{ action: 'iam:CreateAccessKey', on: 'admin-users' }],
    gains: "The administrator user's permissions, through a key the attacker holds.",
    reference: `${PATHFINDING}iam-002`,
  },
  {
    id: 'iam-create-login-profile',
    title: 'Set a console password for an administrator user that has none',
    principals: 'any',
    permissions: [{ action: 'iam:CreateLoginProfile', on: 'admin-users' }],
    gains: 'Console sign-in as the administrator user.',
    reference: `${PATHFINDING}iam-004`,
  },
  {
    id: 'iam-update-login-profile',
    title: "Change an administrator user's console password",
    principals: 'any',
    permissions: [{ action: 'iam:UpdateLoginProfile', on: 'admin-users' }],
    gains: 'Console sign-in as the administrator user.',
    reference: `${PATHFINDING}iam-006`,
  },
  {
    id: 'iam-update-assume-role-policy',
    title: 'Rewrite the trust policy of an administrator role, then assume it',
    principals: 'any',
    permissions: [
      { action: 'iam:UpdateAssumeRolePolicy', on: 'admin-roles' },
      { action: 'sts:AssumeRole', on: 'admin-roles' },
    ],
    gains: "The administrator role's permissions.",
    reference: `${PATHFINDING}iam-012`,
  },
  {
    id: 'sts-assume-role',
    title: 'Assume an administrator role whose trust policy admits it',
    principals: 'any',
    permissions: [{ action: 'sts:AssumeRole', on: 'admin-roles-trusted' }],
    gains: "The administrator role's permissions.",
    reference: `${PATHFINDING}sts-001`,
  },
  {
    id: 'ec2-run-instances-pass-role',
    title: 'Launch an EC2 instance with an administrator role',
    principals: 'any',
    service: 'ec2.amazonaws.com',
    permissions: [passRole, created('ec2:RunInstances', 'arn:aws:ec2:{region}:{account}:instance/*')],
    gains: "The role's credentials, from the instance metadata of an instance the attacker controls.",
    reference: `${PATHFINDING}ec2-001`,
  },
  {
    id: 'ec2-request-spot-instances-pass-role',
    title: 'Request a Spot instance with an administrator role',
    principals: 'any',
    service: 'ec2.amazonaws.com',
    permissions: [
      passRole,
      created('ec2:RequestSpotInstances', 'arn:aws:ec2:{region}:{account}:spot-instances-request/*'),
    ],
    gains: "The role's credentials, from the instance's metadata.",
    reference: `${PATHFINDING}ec2-003`,
  },
  {
    id: 'autoscaling-launch-configuration-pass-role',
    title: 'Create a launch configuration and Auto Scaling group with an administrator role',
    principals: 'any',
    service: 'ec2.amazonaws.com',
    permissions: [
      passRole,
      created(
        'autoscaling:CreateLaunchConfiguration',
        'arn:aws:autoscaling:{region}:{account}:launchConfiguration:*',
      ),
      created(
        'autoscaling:CreateAutoScalingGroup',
        'arn:aws:autoscaling:{region}:{account}:autoScalingGroup:*',
      ),
    ],
    gains: "The role's credentials, on instances the group launches.",
    reference: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/us-iam-role.html',
  },
  {
    id: 'lambda-create-function-invoke',
    title: 'Create a Lambda function with an administrator role and invoke it',
    principals: 'any',
    service: 'lambda.amazonaws.com',
    permissions: [
      passRole,
      created('lambda:CreateFunction', LAMBDA_FUNCTION),
      created('lambda:InvokeFunction', LAMBDA_FUNCTION),
    ],
    gains: 'Code of its choice running with the role.',
    reference: `${PATHFINDING}lambda-001`,
  },
  {
    id: 'lambda-create-function-event-source',
    title: 'Create a Lambda function with an administrator role, triggered by an event source mapping',
    principals: 'any',
    service: 'lambda.amazonaws.com',
    permissions: [
      passRole,
      created('lambda:CreateFunction', LAMBDA_FUNCTION),
      created('lambda:CreateEventSourceMapping', 'arn:aws:lambda:{region}:{account}:event-source-mapping:*'),
    ],
    gains: 'Code of its choice running with the role, started by a stream or queue.',
    reference: `${PATHFINDING}lambda-002`,
  },
  {
    id: 'lambda-create-function-add-permission',
    title: 'Create a Lambda function with an administrator role and let itself invoke it',
    principals: 'any',
    service: 'lambda.amazonaws.com',
    permissions: [
      passRole,
      created('lambda:CreateFunction', LAMBDA_FUNCTION),
      created('lambda:AddPermission', LAMBDA_FUNCTION),
    ],
    gains: 'Code of its choice running with the role, invoked through the function policy.',
    reference: `${PATHFINDING}lambda-006`,
  },
  {
    id: 'lambda-update-function-code',
    title: 'Replace the code of a Lambda function that runs as an administrator role',
    principals: 'any',
    permissions: [{ action: 'lambda:UpdateFunctionCode', on: 'admin-functions' }],
    gains: "Code of its choice running with the function's role at its next invocation.",
    reference: `${PATHFINDING}lambda-003`,
  },
  {
    id: 'glue-create-dev-endpoint-pass-role',
    title: 'Create a Glue development endpoint with an administrator role',
    principals: 'any',
    service: 'glue.amazonaws.com',
    permissions: [
      passRole,
      created('glue:CreateDevEndpoint', 'arn:aws:glue:{region}:{account}:devEndpoint/*'),
    ],
    gains: "A shell on the endpoint with the role's credentials.",
    reference: `${PATHFINDING}glue-001`,
  },
  {
    id: 'glue-update-dev-endpoint',
    title: 'Add its SSH key to an existing Glue development endpoint',
    principals: 'any',
    permissions: [created('glue:UpdateDevEndpoint', 'arn:aws:glue:{region}:{account}:devEndpoint/*')],
    gains:
      "A shell on the endpoint with its role's credentials (endpoints are not collected: check their roles).",
    reference: `${PATHFINDING}glue-002`,
  },
  {
    id: 'glue-create-job-pass-role',
    title: 'Create and run a Glue job with an administrator role',
    principals: 'any',
    service: 'glue.amazonaws.com',
    permissions: [
      passRole,
      created('glue:CreateJob', 'arn:aws:glue:{region}:{account}:job/*'),
      created('glue:StartJobRun', 'arn:aws:glue:{region}:{account}:job/*'),
    ],
    gains: 'A script of its choice running with the role.',
    reference: `${PATHFINDING}glue-003`,
  },
  {
    id: 'cloudformation-create-stack-pass-role',
    title: 'Create a CloudFormation stack that runs as an administrator role',
    principals: 'any',
    service: 'cloudformation.amazonaws.com',
    permissions: [
      passRole,
      created('cloudformation:CreateStack', 'arn:aws:cloudformation:{region}:{account}:stack/*'),
    ],
    gains: 'Any resource the role can create, including new administrator users and roles.',
    reference: `${PATHFINDING}cloudformation-001`,
  },
  {
    id: 'datapipeline-create-pipeline-pass-role',
    title: 'Create and activate a Data Pipeline that runs as an administrator role',
    principals: 'any',
    service: 'datapipeline.amazonaws.com',
    permissions: [
      passRole,
      created('datapipeline:CreatePipeline', '*'),
      created('datapipeline:PutPipelineDefinition', '*'),
      created('datapipeline:ActivatePipeline', '*'),
    ],
    gains: 'Commands of its choice running with the role.',
    reference: `${PATHFINDING}datapipeline-001`,
  },
  {
    id: 'sagemaker-create-notebook-pass-role',
    title: 'Create a SageMaker notebook instance with an administrator role and open it',
    principals: 'any',
    service: 'sagemaker.amazonaws.com',
    permissions: [
      passRole,
      created('sagemaker:CreateNotebookInstance', 'arn:aws:sagemaker:{region}:{account}:notebook-instance/*'),
      created(
        'sagemaker:CreatePresignedNotebookInstanceUrl',
        'arn:aws:sagemaker:{region}:{account}:notebook-instance/*',
      ),
    ],
    gains: "A Jupyter terminal with the role's credentials.",
    reference: `${PATHFINDING}sagemaker-001`,
  },
  {
    id: 'sagemaker-create-training-job-pass-role',
    title: 'Create a SageMaker training job with an administrator role',
    principals: 'any',
    service: 'sagemaker.amazonaws.com',
    permissions: [
      passRole,
      created('sagemaker:CreateTrainingJob', 'arn:aws:sagemaker:{region}:{account}:training-job/*'),
    ],
    gains: 'A container of its choice running with the role.',
    reference: `${PATHFINDING}sagemaker-002`,
  },
  {
    id: 'sagemaker-create-processing-job-pass-role',
    title: 'Create a SageMaker processing job with an administrator role',
    principals: 'any',
    service: 'sagemaker.amazonaws.com',
    permissions: [
      passRole,
      created('sagemaker:CreateProcessingJob', 'arn:aws:sagemaker:{region}:{account}:processing-job/*'),
    ],
    gains: 'A container of its choice running with the role.',
    reference: `${PATHFINDING}sagemaker-003`,
  },
  {
    id: 'codebuild-create-project-pass-role',
    title: 'Create and start a CodeBuild project with an administrator role',
    principals: 'any',
    service: 'codebuild.amazonaws.com',
    permissions: [
      passRole,
      created('codebuild:CreateProject', 'arn:aws:codebuild:{region}:{account}:project/*'),
      created('codebuild:StartBuild', 'arn:aws:codebuild:{region}:{account}:project/*'),
    ],
    gains: 'A build spec of its choice running with the role.',
    reference: `${PATHFINDING}codebuild-001`,
  },
  {
    id: 'ecs-run-task-pass-role',
    title: 'Register an ECS task definition with an administrator task role and run it',
    principals: 'any',
    service: 'ecs-tasks.amazonaws.com',
    permissions: [
      passRole,
      created('ecs:RegisterTaskDefinition', '*'),
      created('ecs:RunTask', 'arn:aws:ecs:{region}:{account}:task-definition/*'),
    ],
    gains: 'A container of its choice running with the role.',
    reference: `${PATHFINDING}ecs-001`,
  },
  {
    id: 'ecs-create-service-pass-role',
    title: 'Register an ECS task definition with an administrator task role and start it as a service',
    principals: 'any',
    service: 'ecs-tasks.amazonaws.com',
    permissions: [
      passRole,
      created('ecs:RegisterTaskDefinition', '*'),
      created('ecs:CreateService', 'arn:aws:ecs:{region}:{account}:service/*'),
    ],
    gains: 'A long-running container of its choice with the role.',
    reference: `${PATHFINDING}ecs-002`,
  },
  {
    id: 'apprunner-create-service-pass-role',
    title: 'Create an App Runner service with an administrator instance role',
    principals: 'any',
    service: 'tasks.apprunner.amazonaws.com',
    permissions: [
      passRole,
      created('apprunner:CreateService', 'arn:aws:apprunner:{region}:{account}:service/*'),
    ],
    gains: 'A container of its choice running with the role.',
    reference: `${PATHFINDING}apprunner-001`,
  },
  {
    id: 'ssm-send-command',
    title: 'Run commands on an EC2 instance whose instance profile is an administrator role',
    principals: 'any',
    permissions: [{ action: 'ssm:SendCommand', on: 'admin-instances' }],
    gains: "The role's credentials, read from the instance's metadata by the command.",
    reference: `${PATHFINDING}ssm-002`,
  },
  {
    id: 'ssm-start-session',
    title: 'Open a Session Manager shell on an EC2 instance whose instance profile is an administrator role',
    principals: 'any',
    permissions: [{ action: 'ssm:StartSession', on: 'admin-instances' }],
    gains: "A shell with the role's credentials.",
    reference: `${PATHFINDING}ssm-001`,
  },
];

/** The methods' reference pages are public sources; PASS_ROLE documents the permission they all rest on. */
export const PASS_ROLE_DOCUMENTATION = PASS_ROLE;
