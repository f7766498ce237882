import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'kinesis-stream-encrypted',
  title: 'Kinesis data streams are encrypted at rest',
  description:
    'Every Kinesis data stream must use server-side encryption with a KMS key (the AWS managed key aws/kinesis or a customer managed key), so records are encrypted before they are written to storage (Security Hub Kinesis.1).',
  risk: 'Without server-side encryption, the records a stream holds for its whole retention period (clickstreams, logs, events with personal data) are stored in clear text, and access to them cannot be audited or revoked through KMS.',
  severity: 'medium',
  service: 'kinesis',
  domain: 'data',
  kind: 'kinesis.stream',
  scope: 'resource',
  reads: ['name', 'encryptionType', 'keyId'],
  remediation: {
    text: 'Start server-side encryption on the stream. It applies to records written from then on; records already in the stream stay unencrypted until they expire. Producers and consumers need kms:GenerateDataKey and kms:Decrypt on a customer managed key.',
    cli: 'aws kinesis start-stream-encryption --stream-name <stream> --encryption-type KMS --key-id alias/aws/kinesis',
    cloudformation:
      'Stream:\n  Type: AWS::Kinesis::Stream\n  Properties:\n    StreamEncryption:\n      EncryptionType: KMS\n      KeyId: alias/aws/kinesis',
    terraform:
      'resource "aws_kinesis_stream" "this" {\n  # ...\n  encryption_type = "KMS"\n  kms_key_id      = "alias/aws/kinesis"\n}',
    url: 'https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html',
  },
  evaluate(stream) {
    const { name, encryptionType, keyId } = stream.attributes;
    return encryptionType === 'KMS'
      ? pass(`Kinesis stream ${name} is encrypted with ${keyId ?? 'a KMS key'}`, { encryptionType, keyId })
      : fail(`Kinesis stream ${name} stores its records without encryption`, { encryptionType });
  },
});
