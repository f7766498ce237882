import {
  DescribeNotebookInstanceCommand,
  type DescribeNotebookInstanceCommandOutput,
  paginateListNotebookInstances,
  SageMakerClient,
  type NotebookInstanceSummary,
} from '@aws-sdk/client-sagemaker';
import type { Gap } from '../../../core/gap.js';
import type { Collector, CollectorContext } from '../collector.js';
import { allPages, conform, regionalArn, unexpected, type Draft, type FilledBy } from './support.js';

const LIST = 'sagemaker:ListNotebookInstances';
const DESCRIBE = 'sagemaker:DescribeNotebookInstance';

const FILLED_BY: FilledBy<'sagemaker.notebook-instance'> = {
  name: LIST,
  kmsKeyId: DESCRIBE,
  directInternetAccess: DESCRIBE,
  rootAccess: DESCRIBE,
  subnetId: DESCRIBE,
  status: DESCRIBE,
};
const FROM_DESCRIBE = ['kmsKeyId', 'directInternetAccess', 'rootAccess', 'subnetId'] as const;

/** The most notebook instances ListNotebookInstances returns per page. */
const PAGE_SIZE = 100;

export const sagemakerCollector: Collector = {
  service: 'sagemaker',
  global: false,
  actions: [LIST, DESCRIBE],
  kinds: { 'sagemaker.notebook-instance': Object.keys(FILLED_BY) },
  async collect(ctx) {
    const client = ctx.client(SageMakerClient);
    // A failed listing throws out of collect(): the runner records a gap on sagemaker.notebook-instance here.
    const notebooks = await ctx.call(LIST, () =>
      allPages(
        paginateListNotebookInstances({ client, pageSize: PAGE_SIZE }, {}),
        (page) => page.NotebookInstances,
      ),
    );
    await Promise.all(notebooks.map((notebook) => collectNotebook(ctx, client, notebook)));
  },
};

/** Reads an `Enabled` / `Disabled` setting; a value onus does not know is a gap rather than a guess. */
function readSwitch(
  draft: Draft<'sagemaker.notebook-instance'>,
  gaps: Gap[],
  field: 'directInternetAccess' | 'rootAccess',
  value: string | undefined,
): void {
  if (value === 'Enabled' || value === 'Disabled') draft[field] = value === 'Enabled';
  else if (value !== undefined)
    gaps.push(unexpected(field, DESCRIBE, `unknown ${field} ${JSON.stringify(value)}`));
}

async function collectNotebook(
  ctx: CollectorContext,
  client: SageMakerClient,
  notebook: NotebookInstanceSummary,
): Promise<void> {
  const name = notebook.NotebookInstanceName;
  if (!name) return;
  // SageMaker answers a notebook deleted since the listing with a ValidationException, which it also uses for
  // real errors: that stays a gap.
  const described = await ctx.observe(DESCRIBE, () =>
    client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })),
  );
  const draft: Draft<'sagemaker.notebook-instance'> = { name, status: notebook.NotebookInstanceStatus };
  const gaps: Gap[] = [];
  if (!described.ok) gaps.push(...FROM_DESCRIBE.map((field) => described.failure.gap(field)));
  else {
    const details: DescribeNotebookInstanceCommandOutput = described.value ?? { $metadata: {} };
    // Without a key of the customer's, SageMaker encrypts the volume with a key it owns.
    draft.kmsKeyId = details.KmsKeyId ?? null;
    readSwitch(draft, gaps, 'directInternetAccess', details.DirectInternetAccess);
    readSwitch(draft, gaps, 'rootAccess', details.RootAccess);
    draft.subnetId = details.SubnetId ?? null;
    draft.status = details.NotebookInstanceStatus ?? notebook.NotebookInstanceStatus;
  }
  const arn =
    notebook.NotebookInstanceArn ?? regionalArn(ctx, 'sagemaker', `notebook-instance/${name.toLowerCase()}`);
  ctx.emit({
    kind: 'sagemaker.notebook-instance',
    id: name,
    arn,
    ...conform('sagemaker.notebook-instance', draft, gaps, FILLED_BY),
  });
}
