import { z } from 'zod';
import { DOMAINS } from '../core/domain.js';

/**
 * The responsibility catalog's shape: one JSON file per AWS service (`services/<id>.json`) plus the layers AWS
 * owns for each service category (`categories.json`). Data, not code: a reviewer reads the files, a test
 * validates them against these schemas, and the mapper joins them with an inventory and check results.
 */

/** How AWS's security whitepapers classify services: who runs the OS and the platform. */
export const CATEGORIES = ['infrastructure', 'container', 'abstracted'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Who owns an item: AWS alone, both in their own context, or the customer alone. */
export const OWNERS = ['aws', 'shared', 'customer'] as const;
export type Owner = (typeof OWNERS)[number];

/** AWS's IT-control classes (shared responsibility model page): how a control reaches the customer. */
export const CONTROL_CLASSES = ['inherited', 'shared', 'customer-specific'] as const;

/** How an item can be verified: by onus checks (all, or only part of it), by a person, or by AWS's auditors. */
export const VERIFIABILITY = ['automated', 'partial', 'manual', 'aws-attested'] as const;
export type Verifiability = (typeof VERIFIABILITY)[number];

/**
 * The map's domains: the customer's check domains plus what only AWS (or a plan) covers: the physical layer,
 * the infrastructure beneath the service, resilience and governance.
 */
export const MAP_DOMAINS = [...DOMAINS, 'resilience', 'physical', 'infrastructure', 'governance'] as const;

const Https = z.url({ protocol: /^https$/ });
const ResponsibilityId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*){2,}$/, {
  error: 'ids are dotted kebab-case with at least three parts: service.area.item',
});

/**
 * A test on one inventory resource: `{ "kind": "ecs.task-definition", "field": "requiresCompatibilities",
 * "includes": "FARGATE" }`. `equals` compares the attribute's value; `includes` asks whether a list attribute
 * holds the value (or a string attribute contains it); `present` asks whether the attribute is set at all.
 */
export const PredicateSchema = z
  .object({
    kind: z.string().min(1),
    field: z.string().min(1),
    equals: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    includes: z.string().optional(),
    present: z.boolean().optional(),
  })
  .strict()
  .refine(
    (p) =>
      [p.equals !== undefined, p.includes !== undefined, p.present !== undefined].filter(Boolean).length ===
      1,
    { error: 'a predicate needs exactly one of equals, includes, present' },
  );
export type Predicate = z.infer<typeof PredicateSchema>;

/** A configuration under which ownership moves: ECS on Fargate, Lambda's Auto runtime updates. */
export const VariantSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(1),
    /** What changes for the customer under this variant, in one or two sentences. */
    description: z.string().min(1),
    /** The variant is in effect for the resources matching any of these tests. */
    when: z.array(PredicateSchema).min(1),
  })
  .strict();
export type Variant = z.infer<typeof VariantSchema>;

export const ResponsibilitySchema = z
  .object({
    id: ResponsibilityId,
    title: z.string().min(1),
    /** What the item requires, for whom; a sentence or two. */
    description: z.string().min(1),
    owner: z.enum(OWNERS),
    class: z.enum(CONTROL_CLASSES),
    domain: z.enum(MAP_DOMAINS),
    verifiability: z.enum(VERIFIABILITY),
    /** Shared items: what AWS does, and what is left to the customer. */
    awsPart: z.string().min(1).optional(),
    customerPart: z.string().min(1).optional(),
    /** onus check ids that verify the customer's part; all must pass on every resource for the item to be met. */
    checks: z.array(z.string().min(1)).default([]),
    /** What a person should look at when checks cannot decide it (manual and partial items). */
    guidance: z.string().min(1).optional(),
    /** Only for resources in these variants (ids of the service's variants); absent: always. */
    variants: z.array(z.string().min(1)).optional(),
    /** Only where no resource is in these variants' configuration: the item AWS takes over under them. */
    exceptVariants: z.array(z.string().min(1)).optional(),
    /** A secure default AWS turned on, and when (S3 SSE-S3 for every new object since 2023-01-05). */
    awsDefault: z
      .object({ since: z.iso.date(), what: z.string().min(1) })
      .strict()
      .optional(),
    /** The AWS page the item rests on. */
    source: Https,
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.owner === 'shared' && (!item.awsPart || !item.customerPart))
      ctx.addIssue({ code: 'custom', message: 'a shared item states awsPart and customerPart' });
    if (item.owner === 'aws' && item.verifiability !== 'aws-attested')
      ctx.addIssue({ code: 'custom', message: 'an AWS item is aws-attested: a customer cannot check it' });
    if (item.owner === 'aws' && item.checks.length > 0)
      ctx.addIssue({ code: 'custom', message: 'an AWS item has no checks' });
    if (item.owner !== 'aws' && item.verifiability === 'aws-attested')
      ctx.addIssue({ code: 'custom', message: 'only AWS items are aws-attested' });
    if (item.verifiability === 'automated' && item.checks.length === 0)
      ctx.addIssue({ code: 'custom', message: 'an automated item names the checks that verify it' });
    if ((item.verifiability === 'manual' || item.verifiability === 'partial') && !item.guidance)
      ctx.addIssue({ code: 'custom', message: 'a manual or partial item gives guidance' });
    if (item.verifiability === 'manual' && item.checks.length > 0)
      ctx.addIssue({ code: 'custom', message: 'a manual item has no checks (make it partial)' });
  });
export type Responsibility = z.infer<typeof ResponsibilitySchema>;

export const ServiceSchema = z
  .object({
    /** The IAM service prefix where there is one: `s3`, `ec2`, `lambda`, `elasticfilesystem` is `efs` here. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    category: z.enum(CATEGORIES),
    /** The service's "Security in ..." chapter. */
    securityChapter: Https,
    /** Inventory kinds whose resources show the service is in use; empty when onus cannot detect it yet. */
    detect: z.array(z.string().min(1)),
    /**
     * Duties every account has whether or not anything is built with the service (IAM, CloudTrail, GuardDuty,
     * Config, Security Hub): the map lists the service for every account scanned.
     */
    everyAccount: z.boolean().default(false),
    variants: z.array(VariantSchema).default([]),
    responsibilities: z.array(ResponsibilitySchema).min(1),
  })
  .strict()
  .superRefine((service, ctx) => {
    const variants = new Set(service.variants.map((v) => v.id));
    for (const [index, item] of service.responsibilities.entries()) {
      if (!item.id.startsWith(`${service.id}.`))
        ctx.addIssue({
          code: 'custom',
          path: ['responsibilities', index, 'id'],
          message: `ids start with the service id "${service.id}."`,
        });
      for (const variant of [...(item.variants ?? []), ...(item.exceptVariants ?? [])])
        if (!variants.has(variant))
          ctx.addIssue({
            code: 'custom',
            path: ['responsibilities', index],
            message: `unknown variant "${variant}"`,
          });
    }
  });
export type Service = z.infer<typeof ServiceSchema>;

/** What AWS owns for every service of a category (facilities, hosts, hypervisor; OS and platform above). */
export const CategoryLayerSchema = z
  .object({
    category: z.enum(CATEGORIES),
    title: z.string().min(1),
    description: z.string().min(1),
    responsibilities: z.array(ResponsibilitySchema).min(1),
  })
  .strict();
export type CategoryLayer = z.infer<typeof CategoryLayerSchema>;

export const CategoriesFileSchema = z
  .object({
    version: z.string().min(1),
    categories: z.array(CategoryLayerSchema).length(CATEGORIES.length),
  })
  .strict();
