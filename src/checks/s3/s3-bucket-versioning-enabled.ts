import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 's3-bucket-versioning-enabled',
  title: 'S3 bucket versioning is enabled',
  description:
    'Versioning keeps every version of every object, so an overwrite or a delete can be undone. A bucket whose versioning is suspended keeps old versions but makes no new ones; one where it was never enabled keeps nothing.',
  risk: 'An object overwritten or deleted, by mistake, by a bad deployment or by ransomware with write access, is gone for good.',
  severity: 'medium',
  service: 's3',
  domain: 'data',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'versioning'],
  remediation: {
    text: 'Enable versioning on the bucket, and add a lifecycle rule that expires noncurrent versions after a while to bound the storage cost.',
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled',
    cloudformation:
      'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    VersioningConfiguration:\n      Status: Enabled',
    terraform:
      'resource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
  },
  evaluate(bucket) {
    const { name, versioning } = bucket.attributes;
    if (versioning === 'Enabled')
      return pass(`Bucket ${name} keeps every version of its objects`, { versioning });
    return versioning === 'Suspended'
      ? fail(`Versioning is suspended on bucket ${name}: overwrites and deletes are no longer recoverable`, {
          versioning,
        })
      : fail(`Versioning was never enabled on bucket ${name}: overwritten or deleted objects are lost`, {
          versioning: null,
        });
  },
});
