import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'ecr-repository-scan-on-push',
  title: 'ECR repository scans images on push',
  description:
    'Images pushed to the repository are scanned for known vulnerabilities when its scan-on-push setting is on. Only the repository’s own setting is read: scanning configured by registry-level rules (basic scan filters or Amazon Inspector enhanced scanning) is not seen, so a repository covered only by such rules fails and the message says so.',
  risk: 'Images with known critical vulnerabilities are deployed without anyone being told; an exploitable library or base image reaches production unnoticed.',
  severity: 'medium',
  service: 'ecr',
  domain: 'compute',
  kind: 'ecr.repository',
  scope: 'resource',
  reads: ['name', 'scanOnPush'],
  remediation: {
    text: 'Turn on scan on push for the repository, or, better, configure scanning for the whole registry (basic scanning with a scan-on-push filter of `*`, or Amazon Inspector enhanced scanning, which also rescans when new vulnerabilities are published). Review the findings, and block deployments of images with critical ones.',
    cli: 'aws ecr put-image-scanning-configuration --repository-name <repository> --image-scanning-configuration scanOnPush=true\n# registry-wide:\naws ecr put-registry-scanning-configuration --scan-type BASIC --rules \'[{"scanFrequency":"SCAN_ON_PUSH","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'',
    cloudformation:
      'Repository:\n  Type: AWS::ECR::Repository\n  Properties:\n    RepositoryName: app\n    ImageScanningConfiguration:\n      ScanOnPush: true',
    terraform:
      'resource "aws_ecr_repository" "this" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  evaluate(repository) {
    const { name, scanOnPush } = repository.attributes;
    return scanOnPush
      ? pass(`ECR repository ${name} scans images on push`, { scanOnPush })
      : fail(
          `ECR repository ${name} does not scan images on push (registry-level scanning rules were not read)`,
          { scanOnPush },
        );
  },
});
