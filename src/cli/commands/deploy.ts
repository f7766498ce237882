import { rotationTemplateYaml } from '../../remediation/rotate-keys/template.js';
import { EXIT, UserError } from '../errors.js';

/** `onus deploy rotation --template`: prints the CloudFormation template for scheduled key rotation. */
export function deployRotation(flags: { template?: boolean }): number {
  if (!flags.template) {
    throw new UserError(
      'deploy rotation: onus does not deploy by itself; use --template and deploy it with CloudFormation (see docs/rotation.md)',
    );
  }
  process.stdout.write(rotationTemplateYaml());
  return EXIT.ok;
}
