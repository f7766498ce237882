import { z } from 'zod';
import cisAws500 from './cis-aws-5.0.0.json' with { type: 'json' };

/** One recommendation (control) of a compliance framework, mapped to the onus checks that verify it. */
export const RequirementSchema = z
  .object({
    id: z.string().regex(/^\d+(\.\d+)*$/),
    section: z.string().min(1),
    title: z.string().min(1),
    level: z.number().int().min(1).max(2),
    assessment: z.enum(['automated', 'manual']),
    checks: z.array(z.string().min(1)),
    guidance: z.string().min(1).optional(),
  })
  .strict();

export const FrameworkSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    version: z.string().min(1),
    source: z.url(),
    requirements: z.array(RequirementSchema).min(1),
  })
  .strict();

export type Requirement = z.infer<typeof RequirementSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;

/** The raw framework files onus ships, keyed by framework id. Importing the JSON makes tsc copy it into dist. */
export const FRAMEWORK_FILES: Readonly<Record<string, unknown>> = {
  'cis-5.0': cisAws500,
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
