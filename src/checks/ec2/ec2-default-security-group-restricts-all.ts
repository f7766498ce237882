import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ec2-default-security-group-restricts-all',
  title: 'Default security group of a VPC allows no inbound or outbound traffic',
  description:
    'Every VPC has a security group named `default` that resources join when no group is given. It must have no inbound and no outbound rules, so that forgetting to choose a security group isolates a resource instead of connecting it. Out of the box it allows all traffic between its members and all outbound traffic. Other security groups are not concerned.',
  risk: 'Resources launched without an explicit security group land in the default group and can talk to each other and to the internet; a compromised instance reaches everything else that fell into the same group, and data can leave freely.',
  severity: 'medium',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.security-group',
  scope: 'resource',
  reads: ['groupId', 'groupName', 'vpcId', 'ingress', 'egress'],
  appliesTo: (group) => group.attributes.groupName === 'default',
  remediation: {
    text: 'Move the resources still using the default security group to purpose-made groups (VPC Reachability Analyzer and the network interfaces list show them), then delete every inbound and outbound rule of the default group. The default group itself cannot be deleted. In CloudFormation, a VPC resource cannot strip its default group; use a custom resource or do it once by CLI. Terraform adopts it with `aws_default_security_group` and removes every rule it does not list.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <default-group-id> --security-group-rule-ids <rule-ids>\naws ec2 revoke-security-group-egress --group-id <default-group-id> --security-group-rule-ids <rule-ids>\n# list them with: aws ec2 describe-security-group-rules --filters Name=group-id,Values=<default-group-id>',
    terraform:
      '# with no ingress or egress blocks, Terraform removes every rule of the default group\nresource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.this.id\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
  },
  evaluate(group) {
    const { groupId, vpcId, ingress, egress } = group.attributes;
    const label = `Default security group ${groupId}${vpcId === null ? '' : ` of ${vpcId}`}`;
    const evidence = { vpcId, ingressRules: ingress.length, egressRules: egress.length };
    if (ingress.length === 0 && egress.length === 0) {
      return pass(`${label} has no inbound or outbound rules`, evidence);
    }
    const parts = [
      ...(ingress.length > 0 ? [`${ingress.length} inbound ${ingress.length === 1 ? 'rule' : 'rules'}`] : []),
      ...(egress.length > 0 ? [`${egress.length} outbound ${egress.length === 1 ? 'rule' : 'rules'}`] : []),
    ];
    return fail(`${label} still has ${parts.join(' and ')}`, { ...evidence, ingress, egress });
  },
});
