import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { isInternet } from '../ec2/support/rules.js';

export default defineCheck({
  id: 'eks-cluster-endpoint-not-public',
  title: 'EKS cluster API endpoint is not open to the whole internet',
  description:
    'The Kubernetes API server endpoint of an EKS cluster can be private, or public with a list of allowed source CIDRs. The check fails when the public endpoint is on and its allowed CIDRs include every address (0.0.0.0/0, the AWS default); a public endpoint restricted to known ranges, or a private-only endpoint, passes. A public endpoint reported without CIDRs is read as the AWS default, 0.0.0.0/0.',
  risk: 'Anyone on the internet can reach the Kubernetes API: it is exposed to credential stuffing with leaked kubeconfigs or tokens, to anonymous-access misconfigurations, and to every future API server vulnerability, with no network layer in the way.',
  severity: 'high',
  service: 'eks',
  domain: 'compute',
  kind: 'eks.cluster',
  scope: 'resource',
  reads: ['name', 'endpointPublicAccess', 'endpointPrivateAccess', 'publicAccessCidrs'],
  remediation: {
    text: 'Turn on the private endpoint and turn off the public one, reaching the API from inside the VPC (VPN, Direct Connect, a bastion or CI runners in the VPC). Where a public endpoint is needed, restrict it to the CIDRs of your offices and CI.',
    cli: 'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false\n# or keep it public for known ranges only:\naws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=203.0.113.0/24',
    cloudformation:
      'Cluster:\n  Type: AWS::EKS::Cluster\n  Properties:\n    # ...\n    ResourcesVpcConfig:\n      SubnetIds: !Ref PrivateSubnets\n      EndpointPrivateAccess: true\n      EndpointPublicAccess: false',
    terraform:
      'resource "aws_eks_cluster" "this" {\n  # ...\n  vpc_config {\n    subnet_ids              = var.private_subnet_ids\n    endpoint_private_access = true\n    endpoint_public_access  = false\n  }\n}',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  },
  evaluate(cluster) {
    const { name, endpointPublicAccess, endpointPrivateAccess, publicAccessCidrs } = cluster.attributes;
    const evidence = { endpointPublicAccess, endpointPrivateAccess, publicAccessCidrs };
    if (!endpointPublicAccess) return pass(`EKS cluster ${name} has no public API endpoint`, evidence);
    const open =
      publicAccessCidrs.length === 0 ? ['0.0.0.0/0 (default)'] : publicAccessCidrs.filter(isInternet);
    if (open.length === 0) {
      return pass(
        `EKS cluster ${name}'s public API endpoint is limited to ${publicAccessCidrs.join(', ')}`,
        evidence,
      );
    }
    return fail(
      `EKS cluster ${name}'s public API endpoint is open to the internet (${open.join(', ')})`,
      evidence,
    );
  },
});
