import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import { ANALYZER_STATUSES, ANALYZER_TYPES } from '../../../core/kinds/monitoring.js';
import type { Collector } from '../collector.js';
import { allPages, missing, oneOf } from './support.js';

type AnalyzerAttributes = AttributesOf<'accessanalyzer.analyzer'>;

const ACTION = 'access-analyzer:ListAnalyzers';

export const accessanalyzerCollector: Collector = {
  service: 'accessanalyzer',
  global: false,
  actions: [ACTION],
  kinds: { 'accessanalyzer.analyzer': ['name', 'arn', 'type', 'status'] },
  async collect(ctx) {
    const client = ctx.client(AccessAnalyzerClient);
    // A failed listing throws out of collect(): the runner records a gap on accessanalyzer.analyzer here.
    // Without a type filter ListAnalyzers returns analyzers of every type. A region without one is no resource.
    const analyzers = await ctx.call(ACTION, () =>
      allPages(paginateListAnalyzers({ client }, {}), (page) => page.analyzers),
    );
    for (const analyzer of analyzers) {
      const { arn, name } = analyzer;
      if (!arn || !name) continue;
      const gaps: Gap[] = [];
      const attributes: Partial<AnalyzerAttributes> = { name, arn };
      const type = oneOf(ANALYZER_TYPES, analyzer.type);
      if (type) attributes.type = type;
      else gaps.push(unread('type', analyzer.type));
      const status = oneOf(ANALYZER_STATUSES, analyzer.status);
      if (status) attributes.status = status;
      else gaps.push(unread('status', analyzer.status));
      ctx.emit({
        kind: 'accessanalyzer.analyzer',
        id: name,
        arn,
        tags: analyzer.tags ?? {},
        attributes,
        gaps,
      });
    }
  },
};

/** A type or status AWS added since is a gap, not a snapshot that fails to load. */
function unread(field: string, value: string | undefined): Gap {
  return missing(field, ACTION, value ? `unrecognized ${field} ${value}` : undefined);
}
