import { defineCheck } from '../../core/check.js';
import { fail, pass } from '../../core/outcome.js';
import { RUNTIME_DEPRECATION_DATES } from './support/runtime-deprecations.js';

const DAY_MS = 86_400_000;

export default defineCheck({
  id: 'lambda-function-supported-runtime',
  title: 'Lambda functions use a runtime that is not deprecated',
  description:
    "Lambda deprecates a managed runtime when its language version or operating system stops receiving security updates (FSBP Lambda.2). The check compares the function's runtime with the deprecation dates Lambda publishes and fails once that date has passed. Container-image functions bring their own runtime and are skipped. The dates are a table in onus, current to its release.",
  risk: 'After deprecation Lambda stops patching the runtime: the function keeps running on a language version and OS with known, unfixed vulnerabilities, without AWS support, and soon cannot even be updated to fix them.',
  severity: 'medium',
  service: 'lambda',
  domain: 'compute',
  kind: 'lambda.function',
  scope: 'resource',
  reads: ['name', 'runtime', 'packageType'],
  appliesTo: (fn) => fn.attributes.packageType === 'Zip',
  thresholds: {
    failDaysBeforeDeprecation: {
      default: 0,
      description:
        'Fail this many days before the deprecation date, to leave time for the upgrade (0 fails from the date itself).',
    },
  },
  remediation: {
    text: "Move the function to the latest runtime of its language (for example nodejs22.x, python3.13, java21), test it, and deploy. Lambda emails the account and AWS Health shows a notice ahead of each deprecation; the Trusted Advisor check 'AWS Lambda Functions Using Deprecated Runtimes' lists them.",
    cli: 'aws lambda update-function-configuration --region <region> --function-name <function> --runtime python3.13',
    cloudformation:
      'Function:\n  Type: AWS::Lambda::Function\n  Properties:\n    Runtime: python3.13\n    # ...',
    terraform: 'resource "aws_lambda_function" "this" {\n  # ...\n  runtime = "python3.13"\n}',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  },
  evaluate(fn, ctx) {
    const { name, runtime } = fn.attributes;
    if (runtime === null)
      return pass(`Lambda function ${name} has no managed runtime to deprecate`, { runtime });
    const deprecation = RUNTIME_DEPRECATION_DATES[runtime];
    if (!deprecation) {
      return pass(`Lambda function ${name} uses ${runtime}, for which no deprecation date is known`, {
        runtime,
        deprecationDate: null,
      });
    }
    const evidence = { runtime, deprecationDate: deprecation };
    const daysLeft = Math.ceil((Date.parse(`${deprecation}T00:00:00Z`) - ctx.now.getTime()) / DAY_MS);
    if (daysLeft <= 0)
      return fail(`Lambda function ${name} uses ${runtime}, deprecated since ${deprecation}`, evidence);
    if (daysLeft <= ctx.thresholds.failDaysBeforeDeprecation) {
      return fail(
        `Lambda function ${name} uses ${runtime}, deprecated on ${deprecation} (in ${daysLeft} days)`,
        evidence,
      );
    }
    return pass(`Lambda function ${name} uses ${runtime}, supported until ${deprecation}`, evidence);
  },
});
