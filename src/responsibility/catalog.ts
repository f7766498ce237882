import categoriesFile from './categories.json' with { type: 'json' };
import {
  CategoriesFileSchema,
  ServiceSchema,
  type Category,
  type CategoryLayer,
  type Responsibility,
  type Service,
} from './schema.js';
import { SERVICE_FILES } from './services/index.js';

/**
 * The responsibility catalog, parsed and validated once: the layers AWS owns per service category, and one
 * entry per AWS service with its variants and responsibilities. A file that breaks the schema fails here, in
 * the catalog test, with the file and path named.
 */
export interface Catalog {
  version: string;
  categories: readonly CategoryLayer[];
  services: readonly Service[];
}

function parseService(name: string, data: unknown): Service {
  const parsed = ServiceSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `src/responsibility/services/${name}.json: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (parsed.data.id !== name)
    throw new Error(
      `src/responsibility/services/${name}.json: id "${parsed.data.id}" is not the file's name`,
    );
  return parsed.data;
}

export function loadCatalog(): Catalog {
  const categories = CategoriesFileSchema.parse(categoriesFile);
  const services = Object.entries(SERVICE_FILES)
    .map(([name, data]) => parseService(name, data))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { version: categories.version, categories: categories.categories, services };
}

let cached: Catalog | null = null;

/** The catalog onus ships. */
export function catalog(): Catalog {
  cached ??= loadCatalog();
  return cached;
}

/** What AWS owns for every service of `category`. */
export function categoryItems(source: Catalog, category: Category): readonly Responsibility[] {
  return source.categories.find((layer) => layer.category === category)?.responsibilities ?? [];
}
