import {
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  paginateListFunctions,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import type { Gap } from '../../../core/gap.js';
import type { AttributesOf } from '../../../core/kinds/index.js';
import type { Collector, CollectorContext } from '../collector.js';
import { classifyFailure } from '../errors.js';
import { allPages, missing, parsePolicy, present, regionalArn, UnexpectedResponse } from './support.js';

type FunctionAttributes = AttributesOf<'lambda.function'>;

const LIST = 'lambda:ListFunctions';
/** What Lambda answers when a function has no URL or no resource policy. */
const NOT_FOUND = ['ResourceNotFoundException'];

export const lambdaCollector: Collector = {
  service: 'lambda',
  global: false,
  actions: [LIST, 'lambda:GetFunctionUrlConfig', 'lambda:GetPolicy'],
  kinds: {
    'lambda.function': [
      'name',
      'runtime',
      'packageType',
      'role',
      'environment',
      'kmsKeyArn',
      'vpcConfigured',
      'urlAuthType',
      'policy',
    ],
  },
  async collect(ctx) {
    const client = ctx.client(LambdaClient);
    // ListFunctions carries everything but the URL and the policy. A failed listing throws out of collect():
    // the runner records a gap on lambda.function here rather than a partial list.
    const functions = await ctx.call(LIST, () =>
      allPages(paginateListFunctions({ client }, { MaxItems: 50 }), (page) => page.Functions),
    );
    await Promise.all(functions.map((fn) => collectFunction(ctx, client, fn)));
  },
};

async function collectFunction(
  ctx: CollectorContext,
  client: LambdaClient,
  fn: FunctionConfiguration,
): Promise<void> {
  const name = fn.FunctionName;
  if (!name) return;
  const [url, policy] = await Promise.all([
    ctx.observe(
      'lambda:GetFunctionUrlConfig',
      async () => {
        const { AuthType } = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: name }));
        if (AuthType !== 'AWS_IAM' && AuthType !== 'NONE') {
          throw new UnexpectedResponse(`unknown function URL auth type ${String(AuthType)}`);
        }
        return AuthType;
      },
      NOT_FOUND,
    ),
    ctx.observe(
      'lambda:GetPolicy',
      async () =>
        parsePolicy(
          (await client.send(new GetPolicyCommand({ FunctionName: name }))).Policy,
          'function policy',
        ),
      NOT_FOUND,
    ),
  ]);

  const gaps: Gap[] = [];
  const attributes: Partial<FunctionAttributes> = {
    name,
    kmsKeyArn: fn.KMSKeyArn ?? null,
    vpcConfigured: Boolean(fn.VpcConfig?.VpcId) && (fn.VpcConfig?.SubnetIds ?? []).length > 0,
  };
  // Functions from before container images have no PackageType: they are .zip archives, and carry a runtime.
  const packageType = fn.PackageType ?? (fn.Runtime ? 'Zip' : undefined);
  present(attributes, gaps, LIST, 'packageType', packageType, ['Zip', 'Image']);
  if (packageType === 'Image') attributes.runtime = null;
  else if (packageType === 'Zip') present(attributes, gaps, LIST, 'runtime', fn.Runtime);
  else gaps.push(missing('runtime', LIST, 'no known package type, so no telling whether it has a runtime'));
  present(attributes, gaps, LIST, 'role', fn.Role);

  const environment = fn.Environment;
  if (environment?.Error && !environment.Variables) {
    // Lambda could not show the variables (typically: their KMS key cannot be used). Not "no variables".
    const { ErrorCode: code = 'EnvironmentError', Message: message = 'environment not readable' } =
      environment.Error;
    gaps.push(classifyFailure(LIST, Object.assign(new Error(message), { name: code })).gap('environment'));
  } else attributes.environment = { ...(environment?.Variables ?? {}) };

  if (url.ok) attributes.urlAuthType = url.value;
  else gaps.push(url.failure.gap('urlAuthType'));
  if (policy.ok) attributes.policy = policy.value;
  else gaps.push(policy.failure.gap('policy'));

  ctx.emit({
    kind: 'lambda.function',
    id: name,
    arn: fn.FunctionArn ?? regionalArn(ctx, 'lambda', `function:${name}`),
    attributes,
    gaps,
  });
}
