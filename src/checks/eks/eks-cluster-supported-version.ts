import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { END_OF_STANDARD_SUPPORT, minorVersion, OLDEST_LISTED } from './support/kubernetes-versions.js';

export default defineCheck({
  id: 'eks-cluster-supported-version',
  title: 'EKS clusters run a Kubernetes version in standard support',
  description:
    "Each Kubernetes minor version gets 14 months of standard support on EKS, then 12 months of paid extended support, after which AWS upgrades the cluster itself (FSBP EKS.2). The check fails once the cluster's version is past the end of standard support published in the EKS release calendar. The dates are a table in onus, current to its release.",
  risk: 'Past standard support the cluster falls behind upstream Kubernetes security fixes, costs more per hour in extended support, and is eventually force-upgraded by AWS on its schedule rather than yours, with the breaking API removals of several versions at once.',
  severity: 'medium',
  service: 'eks',
  domain: 'compute',
  kind: 'eks.cluster',
  scope: 'resource',
  reads: ['name', 'version'],
  remediation: {
    text: 'Upgrade the control plane one minor version at a time to a version in standard support (check deprecated APIs first, for example with EKS upgrade insights), then upgrade node groups and add-ons to match. Plan upgrades every few months so no cluster reaches extended support.',
    cli: 'aws eks list-insights --region <region> --cluster-name <cluster>\naws eks update-cluster-version --region <region> --name <cluster> --kubernetes-version <next-minor-version>',
    cloudformation: 'Cluster:\n  Type: AWS::EKS::Cluster\n  Properties:\n    Version: "1.34"\n    # ...',
    terraform: 'resource "aws_eks_cluster" "this" {\n  # ...\n  version = "1.34"\n}',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
  },
  evaluate(cluster, ctx) {
    const { name, version } = cluster.attributes;
    const parsed = minorVersion(version);
    const oldest = minorVersion(OLDEST_LISTED);
    const minor = parsed ? `${parsed[0]}.${parsed[1]}` : version;
    const endOfStandardSupport = END_OF_STANDARD_SUPPORT[minor] ?? null;
    const evidence = { version, endOfStandardSupport };
    if (!endOfStandardSupport) {
      const older =
        parsed && oldest && (parsed[0] < oldest[0] || (parsed[0] === oldest[0] && parsed[1] < oldest[1]));
      return older
        ? fail(
            `EKS cluster ${name} runs Kubernetes ${version}, long past the end of standard support`,
            evidence,
          )
        : pass(
            `EKS cluster ${name} runs Kubernetes ${version}, for which no end of support is known`,
            evidence,
          );
    }
    if (Date.parse(`${endOfStandardSupport}T00:00:00Z`) <= ctx.now.getTime()) {
      return fail(
        `EKS cluster ${name} runs Kubernetes ${version}, out of standard support since ${endOfStandardSupport}`,
        evidence,
      );
    }
    return pass(
      `EKS cluster ${name} runs Kubernetes ${version}, in standard support until ${endOfStandardSupport}`,
      evidence,
    );
  },
});
