import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';

export default defineCheck({
  id: 'kms-key-rotation-enabled',
  title: 'Customer managed KMS keys rotate automatically',
  description:
    'KMS can rotate the key material of customer managed symmetric encryption keys on a schedule, keeping old material to decrypt existing data. It only supports this for enabled SYMMETRIC_DEFAULT keys whose material KMS generated (origin AWS_KMS); AWS managed keys rotate every year on their own, and asymmetric, HMAC, imported and custom key store keys cannot rotate automatically.',
  risk: 'Key material that never changes protects ever more data, so any exposure of it, however it happens, reaches everything the key ever encrypted.',
  severity: 'medium',
  service: 'kms',
  domain: 'keys',
  kind: 'kms.key',
  scope: 'resource',
  reads: ['keyId', 'keyManager', 'keySpec', 'keyState', 'origin', 'rotationEnabled'],
  appliesTo: (key) =>
    key.attributes.keyManager === 'CUSTOMER' &&
    key.attributes.keySpec === 'SYMMETRIC_DEFAULT' &&
    key.attributes.origin === 'AWS_KMS' &&
    key.attributes.keyState === 'Enabled',
  remediation: {
    text: 'Enable automatic rotation on the key. KMS rotates it one year after enabling and every year after that unless you set a rotation period (90 to 2560 days). Data encrypted under older material stays readable; nothing needs re-encrypting. For a multi-Region key, enable rotation on the primary key.',
    cli: 'aws kms enable-key-rotation --key-id <key-id>',
    cloudformation: 'Key:\n  Type: AWS::KMS::Key\n  Properties:\n    EnableKeyRotation: true',
    terraform: 'resource "aws_kms_key" "this" {\n  enable_key_rotation = true\n}',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
  },
  evaluate(key) {
    const { keyId, rotationEnabled } = key.attributes;
    return rotationEnabled
      ? pass(`Automatic rotation is enabled for key ${keyId}`, { keyId, rotationEnabled: true })
      : fail(`Automatic rotation is off for customer managed key ${keyId}`, {
          keyId,
          rotationEnabled: false,
        });
  },
});
