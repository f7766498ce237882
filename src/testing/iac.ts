import { mapContextOf } from '../sources/iac/context.js';
import type { MapContext } from '../sources/iac/mappers/mapper.js';
import type { IacFormat, IacObject, IacResource, Location, PropertyPath } from '../sources/iac/types.js';

/**
 * An IaC resource built by hand, for mapper tests that do not need a parser. Every property path "is" on the
 * line given in `lines` (by dotted path, e.g. `VersioningConfiguration.Status`), else on the resource's line.
 */
export function iacResource(
  type: string,
  properties: IacObject,
  options: { address?: string; format?: IacFormat; line?: number; lines?: Record<string, number> } = {},
): IacResource {
  const format = options.format ?? (type.startsWith('AWS::') ? 'cloudformation' : 'terraform');
  const file = format === 'cloudformation' ? 'template.yaml' : 'main.tf';
  const location: Location = { file, line: options.line ?? 1, column: 1 };
  return {
    format,
    type,
    address: options.address ?? (format === 'cloudformation' ? 'Resource' : `${type}.this`),
    properties,
    location,
    locate(path: PropertyPath) {
      if (path.length === 0) return location;
      const line = options.lines?.[path.join('.')];
      return line === undefined ? undefined : { file, line, column: 1 };
    },
    ignores: [],
    region: null,
  };
}

export function contextOf(...resources: IacResource[]): MapContext {
  return mapContextOf(resources);
}
