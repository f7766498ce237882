import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { insecureTransportDenial } from '../../iam/analyses/transport.js';

/** The bucket's ARN, in the partition its own ARN names (aws, aws-cn, aws-us-gov...). */
function bucketArnOf(name: string, arn: string | null): string {
  const partition = /^arn:([^:]+):/.exec(arn ?? '')?.[1] ?? 'aws';
  return `arn:${partition}:s3:::${name}`;
}

export default defineCheck({
  id: 's3-bucket-deny-insecure-transport',
  title: 'S3 bucket policy denies requests made without TLS',
  description:
    'S3 accepts plain HTTP unless the bucket policy denies it. The policy must deny, for every principal and every S3 action, on the bucket and on all of its objects, any request where aws:SecureTransport is false, with no other condition narrowing the deny. The deny may be split between statements (one for the bucket, one for the objects).',
  risk: 'Requests and data sent over plain HTTP can be read or altered on the way; credentials in presigned URLs and object contents leak to anyone on the network path.',
  severity: 'medium',
  service: 's3',
  domain: 'data',
  kind: 's3.bucket',
  scope: 'resource',
  reads: ['name', 'policy'],
  remediation: {
    text: 'Add a statement to the bucket policy that denies s3:* to Principal "*" on both the bucket ARN and "<bucket ARN>/*" when aws:SecureTransport is false. put-bucket-policy replaces the whole policy: merge the statement into the existing one.',
    cli: 'aws s3api put-bucket-policy --bucket <bucket> --policy \'{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}\'',
    cloudformation:
      "BucketPolicy:\n  Type: AWS::S3::BucketPolicy\n  Properties:\n    Bucket: !Ref Bucket\n    PolicyDocument:\n      Version: '2012-10-17'\n      Statement:\n        - Sid: DenyInsecureTransport\n          Effect: Deny\n          Principal: '*'\n          Action: 's3:*'\n          Resource:\n            - !GetAtt Bucket.Arn\n            - !Sub '${Bucket.Arn}/*'\n          Condition:\n            Bool:\n              'aws:SecureTransport': 'false'",
    terraform:
      'resource "aws_s3_bucket_policy" "this" {\n  bucket = aws_s3_bucket.this.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "DenyInsecureTransport"\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5',
  },
  evaluate(bucket) {
    const { name, policy } = bucket.attributes;
    if (policy === null) {
      return fail(`Bucket ${name} has no bucket policy, so requests without TLS are not denied`, {
        policy: null,
      });
    }
    const bucketArn = bucketArnOf(name, bucket.arn);
    const verdict = insecureTransportDenial(policy, bucketArn, bucket.account);
    if (verdict.enforced) {
      return pass(
        `Bucket ${name} denies every request made without TLS (statement ${verdict.deniedBy.join(' and ')})`,
        { statements: verdict.deniedBy },
      );
    }
    const missing = [
      ...(verdict.bucketCovered ? [] : ['the bucket']),
      ...(verdict.objectsCovered ? [] : ['its objects']),
    ].join(' and ');
    const detail =
      verdict.statements.length > 0
        ? verdict.statements.map((s) => `statement ${s.statement} ${s.problems.join('; ')}`).join('. ')
        : verdict.example
          ? `no statement denies requests where aws:SecureTransport is false (for example ${verdict.example})`
          : 'no statement denies requests where aws:SecureTransport is false';
    return fail(`Bucket ${name} does not deny requests without TLS to ${missing}: ${detail}`, {
      bucketCovered: verdict.bucketCovered,
      objectsCovered: verdict.objectsCovered,
      statements: verdict.statements,
    });
  },
});
