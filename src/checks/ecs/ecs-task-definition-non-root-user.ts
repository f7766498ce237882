import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

/** `root`, `0`, `root:group` and `0:0` all run as root; no user at all means the image default, root for most. */
function runsAsRoot(user: string | null): boolean {
  if (user === null) return true;
  const name = user.split(':')[0]?.trim();
  return name === '' || name === 'root' || name === '0';
}

export default defineCheck({
  id: 'ecs-task-definition-non-root-user',
  title: 'ECS task definitions run their containers as a non-root user',
  description:
    "Each container definition can set the `user` it runs as. The check fails on a container whose user is root (`root`, `0`, `0:0`) or is unset: an unset user means the image's default, which is root for most images, and onus does not look inside images. It reads the latest active revision of each task definition family.",
  risk: "A process running as root inside the container can change the image's binaries, read every mounted secret and file, and turns any container escape or kernel bug into root on the host.",
  severity: 'medium',
  service: 'ecs',
  domain: 'compute',
  kind: 'ecs.task-definition',
  scope: 'resource',
  reads: ['family', 'revision', 'containers'],
  remediation: {
    text: 'Set `user` to an unprivileged UID (for example "1000" or "1000:1000") in every container definition, make sure the image works as that user (file ownership, ports above 1024), and register a new revision. Setting USER in the Dockerfile too keeps the image safe wherever it runs.',
    cli: 'aws ecs register-task-definition --region <region> --cli-input-json file://task-definition.json  # with "user": "1000" in every container',
    cloudformation:
      'TaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    ContainerDefinitions:\n      - Name: app\n        Image: <image>\n        User: "1000"',
    terraform:
      'resource "aws_ecs_task_definition" "this" {\n  # ...\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = "<image>"\n    user  = "1000"\n  }])\n}',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  },
  evaluate(definition) {
    const { family, revision, containers } = definition.attributes;
    const root = containers.filter((container) => runsAsRoot(container.user));
    const evidence = { containers: containers.map(({ name, user }) => ({ name, user })) };
    if (root.length === 0)
      return pass(`Task definition ${family}:${revision} runs every container as a non-root user`, evidence);
    const listed = root
      .map((container) =>
        container.user === null
          ? `${container.name} (no user: the image default)`
          : `${container.name} (${container.user})`,
      )
      .join(', ');
    return fail(`Task definition ${family}:${revision} runs containers as root: ${listed}`, evidence);
  },
});
