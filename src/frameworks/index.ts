import { z } from 'zod';
import cisAws300 from './cis-aws-3.0.0.json' with { type: 'json' };
import cisAws500 from './cis-aws-5.0.0.json' with { type: 'json' };
import fsbp from './aws-fsbp-1.0.0.json' with { type: 'json' };
import nist80053r5 from './nist-800-53-r5.json' with { type: 'json' };

/**
 * Requirement ids as each framework writes them: CIS `1.4` or `2.1.1`, Security Hub controls `S3.1` or
 * `EC2.170`, NIST SP 800-53 controls `AC-2` or `AC-2(1)`.
 */
export const REQUIREMENT_ID = /^(\d+(\.\d+)*|[A-Za-z][A-Za-z0-9]*\.\d+|[A-Z]{2}-\d+(\(\d+\))?)$/;

/** The token a requirement id starts with, which names its section: `2` for `2.1.1`, `S3` for `S3.1`, `AC` for `AC-2(1)`. */
export function sectionKey(requirementId: string): string {
  return requirementId.split(/[.-]/)[0] ?? requirementId;
}

/** One recommendation (control) of a compliance framework, mapped to the onus checks that verify it. */
export const RequirementSchema = z
  .object({
    id: z.string().regex(REQUIREMENT_ID),
    /** The group the framework files it under, starting with the id's first token: `1 Identity and Access Management`, `S3 Amazon S3`. */
    section: z.string().min(1),
    title: z.string().min(1),
    /** CIS profile level (1 or 2); frameworks without profiles leave it out. */
    level: z.number().int().min(1).max(2).optional(),
    /** Security Hub severity of the control (FSBP). */
    severity: z.enum(['critical', 'high', 'medium', 'low', 'informational']).optional(),
    /** As the framework says: `automated` means a tool can verify it; `manual` needs a person's judgement. */
    assessment: z.enum(['automated', 'manual']),
    /** onus checks that verify the requirement's own test; all must pass for the requirement to pass. */
    checks: z.array(z.string().min(1)),
    /** What a person should look at: required for manual requirements and for partial coverage. */
    guidance: z.string().min(1).optional(),
    /** The page that defines the requirement. */
    source: z.url({ protocol: /^https$/ }),
    /** The same requirement's ids in other frameworks, keyed by framework id (e.g. `nist-800-53-r5`). */
    related: z.record(z.string(), z.array(z.string().min(1))).optional(),
  })
  .strict();

export const FrameworkSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    version: z.string().min(1),
    source: z.url({ protocol: /^https$/ }),
    /** How the requirements were chosen or derived, when the file is not the whole published framework. */
    description: z.string().min(1).optional(),
    requirements: z.array(RequirementSchema).min(1),
  })
  .strict();

export type Requirement = z.infer<typeof RequirementSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;

/** The raw framework files onus ships, keyed by framework id. Importing the JSON makes tsc copy it into dist. */
export const FRAMEWORK_FILES: Readonly<Record<string, unknown>> = {
  'cis-5.0': cisAws500,
  'cis-3.0': cisAws300,
  fsbp: fsbp,
  'nist-800-53-r5': nist80053r5,
};

/** Every framework onus ships, parsed and validated. */
export const FRAMEWORKS: readonly Framework[] = Object.values(FRAMEWORK_FILES).map((data) =>
  FrameworkSchema.parse(data),
);

/** The framework with this id; throws when onus does not ship it. */
export function loadFramework(id: string): Framework {
  const framework = FRAMEWORKS.find((f) => f.id === id);
  if (!framework) {
    throw new Error(`Unknown framework "${id}"; known: ${FRAMEWORKS.map((f) => f.id).join(', ')}`);
  }
  return framework;
}
