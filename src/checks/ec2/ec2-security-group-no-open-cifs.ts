import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { describeRule, openToInternet } from './support/rules.js';

/** SMB over TCP (CIFS); NetBIOS session service (139) is left to the admin-ports check's threshold. */
const CIFS_PORT = 445;

export default defineCheck({
  id: 'ec2-security-group-no-open-cifs',
  title: 'Security group does not open CIFS/SMB (TCP 445) to the internet',
  description:
    'No ingress rule may let any IPv4 or IPv6 address (a /0 range such as 0.0.0.0/0 or ::/0) reach TCP port 445, used by Windows file sharing (SMB/CIFS) and Amazon FSx for Windows File Server (CIS AWS Foundations 5.1.2). Rules for all traffic count; TCP rules count when their port range covers 445. Rules whose source is a prefix list or another security group are not internet-open.',
  risk: 'SMB exposed to the internet is scanned for continuously and has carried some of the most damaging worms and ransomware (WannaCry, NotPetya through EternalBlue); even patched, it invites password spraying against Windows accounts and leaks host and domain names.',
  severity: 'high',
  service: 'ec2',
  domain: 'network',
  kind: 'ec2.security-group',
  scope: 'resource',
  reads: ['groupId', 'groupName', 'ingress'],
  remediation: {
    text: 'Remove the rules that open TCP 445 to 0.0.0.0/0 or ::/0. Allow SMB only from the security groups or private ranges of the clients that need it; reach file shares from outside through a VPN or AWS Client VPN.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions IpProtocol=tcp,FromPort=445,ToPort=445,IpRanges=[{CidrIp=0.0.0.0/0}]',
    cloudformation:
      'FileShareSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: SMB from the office network only\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 445\n        ToPort: 445\n        CidrIp: 10.0.0.0/16',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "smb" {\n  security_group_id            = aws_security_group.files.id\n  ip_protocol                  = "tcp"\n  from_port                    = 445\n  to_port                      = 445\n  referenced_security_group_id = aws_security_group.clients.id\n}',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate(group) {
    const { groupId, groupName, ingress } = group.attributes;
    const label = `Security group ${groupId} (${groupName})`;
    const open = openToInternet(ingress, [CIFS_PORT]).map(({ reached: _reached, ...rule }) => rule);
    if (open.length === 0) return pass(`${label} does not open CIFS/SMB (TCP 445) to the internet`);
    return fail(`${label} opens CIFS/SMB (TCP 445) to the internet: ${open.map(describeRule).join('; ')}`, {
      rules: open,
    });
  },
});
