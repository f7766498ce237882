import { CHECKS } from '../../checks/index.js';
import type { ScanReport } from '../../core/scan.js';
import { formatHtmlReport, htmlReportData } from '../../formats/html-report.js';
import { formatMapCsv, formatMapJson, formatMapMarkdown, formatMapTable } from '../../formats/map.js';
import { formatMapOscal } from '../../formats/map-oscal.js';
import { catalog } from '../../responsibility/catalog.js';
import { buildMap, type ResponsibilityMap } from '../../responsibility/map.js';
import { configuredChecks, loadConfig, withConfiguredAws, type ConfigFlags } from '../config.js';
import { evaluate } from '../deliver.js';
import { deliver } from '../output.js';
import { EXIT } from '../errors.js';
import { Messages, paintFor } from '../terminal.js';
import type { AwsFlags } from './collect.js';
import { loadTarget } from './scan.js';

export const MAP_FORMATS = ['table', 'json', 'markdown', 'html', 'csv', 'oscal'] as const;

export interface MapFlags extends AwsFlags, ConfigFlags {
  snapshot?: string;
  demo?: boolean;
  format: (typeof MAP_FORMATS)[number];
  output?: string;
  color: boolean;
}

/** `onus map`: per service in use, what AWS covers, what is shared, what is yours, and whether yours is done. */
export async function responsibilityMap(flags: MapFlags): Promise<number> {
  const messages = new Messages(flags.quiet);
  const config = loadConfig(flags, CHECKS);
  if (config.file) messages.info(`using ${config.file}`);
  const { inventory, target } = await loadTarget(
    withConfiguredAws({ ...flags, failOn: 'none', format: 'json' }, config),
  );
  messages.info(`mapping responsibilities over ${target.name}`);
  // Checks the config leaves out are not run: the items they verify show as not evaluated, never as met.
  const report = evaluate(inventory, target, configuredChecks(config, CHECKS), config.thresholds, {
    suppressions: config.suppressions,
    file: config.file,
    messages,
  });
  const map = buildMap(inventory, report, catalog());
  if (await deliver(render(map, report, flags), flags.output)) {
    messages.info(`wrote ${flags.format} map to ${flags.output ?? ''}`);
  }
  return EXIT.ok;
}

function render(map: ResponsibilityMap, report: ScanReport, flags: MapFlags): string {
  switch (flags.format) {
    case 'json':
      return formatMapJson(map);
    case 'markdown':
      return formatMapMarkdown(map);
    case 'html':
      // The scan's HTML report, opening on the map (the findings behind each item are in the same file).
      report.responsibility = { summary: map.summary, ...map.totals };
      return formatHtmlReport({
        ...htmlReportData(report, map),
        view: 'map',
        title: `onus responsibility map: ${map.target.name}`,
      });
    case 'csv':
      return formatMapCsv(map);
    case 'oscal':
      return formatMapOscal(map);
    case 'table':
      return formatMapTable(map, paintFor(process.stdout, flags.color && !flags.output));
  }
}
