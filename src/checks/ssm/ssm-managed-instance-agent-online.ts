import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ssm-managed-instance-agent-online',
  title: 'The SSM Agent of each managed instance is online',
  description:
    "A managed node's SSM Agent reports in to Systems Manager every few minutes. `ConnectionLost` means it stopped doing so (the agent stopped, the instance lost its role or its route to the SSM endpoints); `Inactive` means a stopped or deregistered node. Only `Online` nodes can be patched, inventoried or reached through Session Manager.",
  risk: 'A node whose agent is offline silently drops out of patching, inventory and compliance scans while still counting as managed; its reported patch state grows stale.',
  severity: 'low',
  service: 'ssm',
  domain: 'compute',
  kind: 'ssm.managed-instance',
  scope: 'resource',
  reads: ['instanceId', 'pingStatus', 'lastPingAt', 'agentVersion'],
  remediation: {
    text: 'Check that the agent runs on the node (systemctl status amazon-ssm-agent, or the AmazonSSMAgent service on Windows), that its instance profile (or Default Host Management Configuration) grants AmazonSSMManagedInstanceCore, and that it can reach the ssm, ssmmessages and ec2messages endpoints. Deregister hybrid nodes that are gone.',
    cli: 'aws ssm describe-instance-information --region <region> --filters Key=InstanceIds,Values=<instance-id>\n# a hybrid node that is gone:\naws ssm deregister-managed-instance --region <region> --instance-id <mi-id>',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/troubleshooting-managed-nodes.html',
  },
  evaluate({ attributes }) {
    const { instanceId, pingStatus, lastPingAt, agentVersion } = attributes;
    const evidence = { pingStatus, lastPingAt, agentVersion };
    if (pingStatus === 'Online') return pass(`The SSM Agent of ${instanceId} is online`, evidence);
    const since = lastPingAt ? ` since ${lastPingAt.slice(0, 10)}` : '';
    return fail(`The SSM Agent of ${instanceId} is not reporting in (${pingStatus}${since})`, evidence);
  },
});
