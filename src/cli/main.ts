import { Command, CommanderError, Option } from 'commander';
import { SEVERITIES } from '../core/severity.js';
import type { AwsFlags } from './commands/collect.js';
import type { ComplianceFlags } from './commands/compliance.js';
import type { DiffFlags } from './commands/diff.js';
import type { SecurityHubFlags } from './commands/export.js';
import type { FixFlags } from './commands/fix.js';
import type { HistoryFlags } from './commands/history.js';
import type { IacFlags } from './commands/iac.js';
import type { IamFlags } from './commands/iam.js';
import type { MapFlags } from './commands/map.js';
import type { ScanFlags } from './commands/scan.js';
import type { RotateKeysFlags } from './commands/rotate-keys.js';
import type { SecretsFlags } from './commands/secrets.js';
import type { ServeFlags } from './commands/serve.js';
import type { TrailFlags } from './commands/trail.js';
import { EXIT, UserError } from './errors.js';
import { FORMATS } from './formats.js';
import { VERSION } from './package-info.js';

/** The options that say which AWS account to reach and how hard to push it. */
function withAwsOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'use this profile from the shared AWS config (SSO profiles included)')
    .option('--role-arn <arn>', 'assume this role with the base credentials')
    .option('--external-id <id>', 'external id for --role-arn')
    .option('--region <list>', 'scan only these regions (comma-separated; default: every enabled region)')
    .option('--exclude-region <list>', 'skip these regions (comma-separated)')
    .option('--concurrency <n>', 'most AWS requests in flight at once (default: 32)')
    .option('--rate <list>', 'calls per second per service, e.g. iam=4,ec2=10 (defaults are conservative)')
    .option(
      '--org',
      'scan every active account of the organization (from its management or a delegated admin account)',
    )
    .option('--org-role <name>', 'with --org: the role to assume in each member account')
    .option(
      '--last-accessed',
      'also collect IAM last-accessed data for the unused-services checks (two or more IAM calls per user and role)',
    )
    .option(
      '--config <file>',
      'read this config file instead of the nearest onus.config.yaml/.yml/.json upward',
    )
    .option('--no-config', 'ignore config files');
}

function program(setExit: (code: number) => void): Command {
  const root = new Command('onus')
    .description("Audit the customer's half of the AWS Shared Responsibility Model.")
    .version(VERSION)
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => {
        write(`onus: ${text.replace(/^error: /, '')}`);
      },
    })
    .showSuggestionAfterError();

  const scanCommand = root
    .command('scan')
    .description('evaluate the checks over an inventory and report what is yours and whether it is done')
    .option('--snapshot <file>', 'scan an inventory snapshot (JSON) instead of the live account')
    .option('--demo', 'scan the bundled demo account (no AWS needed)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--checks <ids>', 'run only these checks (comma-separated ids)')
    .option(
      '--severity <list>',
      `run only checks of these severities (comma-separated: ${SEVERITIES.join(', ')})`,
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        "exit 3 when a check of this severity or above fails (default: the config file's failOn, else info)",
      ).choices([...SEVERITIES, 'none']),
    )
    .option('-q, --quiet', 'print nothing but the results', false)
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .option(
      '--securityhub',
      'then export the findings to AWS Security Hub: shows the BatchImportFindings calls it would make',
    )
    .option('--apply', 'with --securityhub: send them (securityhub:BatchImportFindings)')
    .option(
      '--store <location>',
      'record the run in this findings store: a SQLite file or postgres:// URL (default: $ONUS_DATABASE_URL, else .onus/onus.db)',
    )
    .option('--no-store', 'do not record the run');
  withAwsOptions(scanCommand).action(async (flags: ScanFlags) => {
    const { scan } = await import('./commands/scan.js');
    setExit(await scan(flags));
  });

  const complianceCommand = root
    .command('compliance')
    .description(
      'assess a compliance framework (cis-5.0, cis-3.0, fsbp, nist-800-53-r5): every requirement with a status, and a score',
    )
    .argument('<framework>', 'framework id, e.g. cis-5.0')
    .option('--snapshot <file>', 'assess an inventory snapshot instead of the live account')
    .option('--demo', 'assess the bundled demo account')
    .addOption(
      new Option('--format <format>', 'output format (html: the report, opening on the requirements)')
        .choices(['table', 'json', 'csv', 'markdown', 'html'])
        .default('table'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-q, --quiet', 'print nothing but the results', false)
    .option('--no-color', 'no colour');
  withAwsOptions(complianceCommand).action(async (framework: string, flags: ComplianceFlags) => {
    const { compliance } = await import('./commands/compliance.js');
    setExit(await compliance(framework, flags));
  });

  root
    .command('iac')
    .description(
      'run the checks that apply before deployment on CloudFormation, CDK output (cdk.out), Terraform and Terraform plan JSON',
    )
    .argument('<paths...>', 'files or directories to read')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'sarif', 'csv', 'junit', 'markdown', 'ocsf', 'html'])
        .default('table'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--checks <ids>', 'run only these checks (comma-separated ids)')
    .option(
      '--severity <list>',
      `run only checks of these severities (comma-separated: ${SEVERITIES.join(', ')})`,
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        "exit 3 when a check of this severity or above fails (default: the config file's failOn, else info)",
      ).choices([...SEVERITIES, 'none']),
    )
    .option('--var-file <file...>', 'Terraform variable files, after terraform.tfvars and *.auto.tfvars')
    .option('--parameter <Name=Value...>', "CloudFormation parameter values, over the templates' defaults")
    .option(
      '--store <location>',
      'record the run in this findings store: a SQLite file or postgres:// URL (default: $ONUS_DATABASE_URL, else .onus/onus.db)',
    )
    .option('--no-store', 'do not record the run')
    .option(
      '--config <file>',
      'read this config file instead of the nearest onus.config.yaml/.yml/.json upward',
    )
    .option('--no-config', 'ignore config files')
    .option('-q, --quiet', 'print nothing but the results', false)
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .action(async (paths: string[], flags: IacFlags) => {
      const { iac } = await import('./commands/iac.js');
      setExit(await iac(paths, flags));
    });

  root
    .command('secrets')
    .description(
      'find hardcoded secrets (AWS keys, tokens, private keys, passwords) in files, directories or stdin',
    )
    .argument('[paths...]', 'files or directories to read (.gitignore honoured), - for stdin')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'sarif', 'csv', 'html'])
        .default('table'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--include <glob...>', 'only files matching these globs')
    .option('--exclude <glob...>', 'leave out files and directories matching these globs')
    .option('--baseline <file>', 'do not report the findings whose fingerprints this file lists')
    .option(
      '--write-baseline <file>',
      "write the current findings' fingerprints to this file and accept them",
    )
    .option(
      '--git',
      "scan the history of the git repositories at PATH (default .): every commit's added lines",
    )
    .option(
      '--git-range <range>',
      'with --git: only these commits (a git revision range, e.g. origin/main..HEAD)',
    )
    .option('--no-gitignore', 'read the files .gitignore leaves out too')
    .option(
      '--store <location>',
      'record the run in this findings store (a SQLite file or postgres:// URL); secrets runs are not recorded without it',
    )
    .option('-q, --quiet', 'print nothing but the results', false)
    .action(async (paths: string[], flags: SecretsFlags) => {
      const { secrets } = await import('./commands/secrets.js');
      setExit(await secrets(paths, flags));
    });

  root
    .command('trail')
    .description(
      'hunt CloudTrail logs for abnormal activity (root use, disabled logging, brute force, exposure...) with Sigma detections',
    )
    .argument(
      '[paths...]',
      'files, directories, s3://bucket/prefix or - (stdin); none: the live account (LookupEvents)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'ocsf', 'asff', 'html'])
        .default('table'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '--since <time>',
      'only events from then on: 2026-05-01, an ISO time, or 7d / 24h / 90m back from now',
    )
    .option('--until <time>', 'only events up to then (a date includes that whole UTC day)')
    .option('--account <list>', 'only these accounts (comma-separated ids)')
    .option('--region <list>', 'only these regions (comma-separated)')
    .option('--rules <dir>', 'also run the Sigma rules (.yml) below this directory')
    .option('--list', 'list the detections and exit')
    .option(
      '--workers <n>',
      'threads reading files, the main one included (default: one per core; 0: the main thread only)',
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 3 when a finding of this severity or above is reported (default: info)',
      ).choices([...SEVERITIES, 'none']),
    )
    .option('--profile <name>', 'AWS profile for s3:// inputs and LookupEvents')
    .option('--role-arn <arn>', 'assume this role for s3:// inputs and LookupEvents')
    .option('--external-id <id>', 'external id for --role-arn')
    .option(
      '--store <location>',
      'record the run in this findings store: a SQLite file or postgres:// URL (default: $ONUS_DATABASE_URL, else .onus/onus.db)',
    )
    .option('--no-store', 'do not record the run')
    .option('-q, --quiet', 'print nothing but the results', false)
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .action(async (paths: string[], flags: TrailFlags) => {
      const { trail } = await import('./commands/trail.js');
      setExit(await trail(paths, flags));
    });

  const mapCommand = root
    .command('map')
    .description(
      'the responsibility map: per AWS service in use, what AWS covers, what is shared, what is yours, and whether yours is done',
    )
    .option('--snapshot <file>', 'map an inventory snapshot instead of the live account')
    .option('--demo', 'map the bundled demo account')
    .addOption(
      new Option('--format <format>', 'output format (csv: a CSA-CCM-style matrix; oscal: an OSCAL SSP)')
        .choices(['table', 'json', 'markdown', 'html', 'csv', 'oscal'])
        .default('table'),
    )
    .option('-o, --output <file>', 'write the map to a file instead of stdout')
    .option('-q, --quiet', 'print nothing but the map', false)
    .option('--no-color', 'no colour');
  withAwsOptions(mapCommand).action(async (flags: MapFlags) => {
    const { responsibilityMap } = await import('./commands/map.js');
    setExit(await responsibilityMap(flags));
  });

  const collectCommand = root
    .command('collect')
    .description('collect the inventory of the live account into a snapshot (read-only)')
    .option('-o, --output <file>', 'write the snapshot to a file instead of stdout')
    .option('-q, --quiet', 'no progress on stderr', false);
  withAwsOptions(collectCommand).action(async (flags: AwsFlags & { output?: string }) => {
    const { collect } = await import('./commands/collect.js');
    setExit(await collect(flags));
  });

  const exportCommand = root
    .command('export')
    .description('send recorded findings to another system (writes to it only with --apply)');
  exportCommand
    .command('securityhub')
    .description(
      'send a recorded scan (the latest by default) to AWS Security Hub with BatchImportFindings; a dry run unless --apply',
    )
    .argument('[run]', 'run id (see `onus history`); default: the latest scan')
    .option('--apply', 'send the findings (securityhub:BatchImportFindings); without it, only show the plan')
    .option('--store <location>', 'findings store: a SQLite file or postgres:// URL (default: .onus/onus.db)')
    .option('--profile <name>', 'use this profile from the shared AWS config (SSO profiles included)')
    .option('--role-arn <arn>', 'assume this role with the base credentials')
    .option('--external-id <id>', 'external id for --role-arn')
    .option('-q, --quiet', 'no progress on stderr (the plan is still shown)', false)
    .action(async (run: string | undefined, flags: SecurityHubFlags) => {
      const { exportSecurityHub } = await import('./commands/export.js');
      setExit(await exportSecurityHub(run, flags));
    });

  root
    .command('fix')
    .description(
      'fix a failing account-level setting that is safe to change (password policy, S3 account public access block, EBS encryption by default, KMS key rotation, GuardDuty, Security Hub); a dry run unless --apply',
    )
    .argument('[check-id]', 'the check to make pass (see --list)')
    .option('--list', 'list the checks onus can fix')
    .option('--apply', 'make the calls, then re-run the check; without it, only show them')
    .option(
      '--region <list>',
      'per-Region fixes: only these regions (comma-separated; default: every enabled region)',
    )
    .option('--exclude-region <list>', 'per-Region fixes: skip these regions (comma-separated)')
    .option(
      '--key-id <id>',
      'kms-key-rotation-enabled: only these keys (ids or ARNs, repeatable or comma-separated)',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--profile <name>', 'use this profile from the shared AWS config (SSO profiles included)')
    .option('--role-arn <arn>', 'assume this role with the base credentials')
    .option('--external-id <id>', 'external id for --role-arn')
    .action(async (checkId: string | undefined, flags: FixFlags) => {
      const { fix } = await import('./commands/fix.js');
      setExit(await fix(checkId, flags));
    });

  root
    .command('rotate-keys')
    .description(
      "plan IAM users' access key rotation (old, unused, two active keys); with --apply, take the next step: new key stored, old key deactivated after --grace, then deleted",
    )
    .option('--max-age <days>', 'rotate keys older than this', '90')
    .option(
      '--grace <days>',
      'days between storing the new key and deactivating the old one, and again before deleting it',
      '7',
    )
    .option('--user <name...>', 'only these IAM users')
    .option('--kms-key <id>', 'KMS key for the secrets (default: aws/secretsmanager)')
    .option('--out-dir <dir>', 'write each new key once to a 0600 file here instead of Secrets Manager')
    .option('--apply', 'make the calls; without it, only show them')
    .option('--reveal', 'with --apply: also print new secret keys on stdout')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--profile <name>', 'use this profile from the shared AWS config (SSO profiles included)')
    .option('--role-arn <arn>', 'assume this role with the base credentials')
    .option('--external-id <id>', 'external id for --role-arn')
    .action(async (flags: RotateKeysFlags) => {
      const { rotateKeysCommand } = await import('./commands/rotate-keys.js');
      setExit(await rotateKeysCommand(flags));
    });

  root
    .command('deploy')
    .description('templates for running onus inside the account')
    .command('rotation')
    .description('scheduled access key rotation: a Lambda function, its role and an EventBridge schedule')
    .option('--template', 'print the CloudFormation template (YAML)')
    .action(async (flags: { template?: boolean }) => {
      const { deployRotation } = await import('./commands/deploy.js');
      setExit(deployRotation(flags));
    });

  const storeOption = () =>
    new Option(
      '--store <location>',
      'findings store: a SQLite file or postgres:// URL (default: $ONUS_DATABASE_URL, else .onus/onus.db)',
    );
  root
    .command('history')
    .description('the runs recorded in the findings store, most recent first')
    .option('--limit <n>', 'show at most this many runs (default: 20)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(storeOption())
    .action(async (flags: HistoryFlags) => {
      const { history } = await import('./commands/history.js');
      setExit(await history(flags));
    });

  root
    .command('diff')
    .description(
      'new, resolved and still-failing findings between two runs (default: the latest and the run before it with the same scope)',
    )
    .argument('[a]', 'the earlier run: an id from `onus history`, latest or previous (default: previous)')
    .argument('[b]', 'the later run (default: latest)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(storeOption())
    .option('--no-color', 'no colour')
    .action(async (a: string | undefined, b: string | undefined, flags: DiffFlags) => {
      const { diff } = await import('./commands/diff.js');
      setExit(await diff(a, b, flags));
    });

  root
    .command('serve')
    .description(
      'a read-only dashboard over the findings store: runs, their reports, diffs (loopback only unless given a token)',
    )
    .option('--host <host>', 'address to listen on; anything but loopback needs a token', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8765')
    .option(
      '--token <token>',
      'require this token on every request (better: ONUS_SERVE_TOKEN, kept out of ps)',
    )
    .addOption(storeOption())
    .action(async (flags: ServeFlags) => {
      const { serve } = await import('./commands/serve.js');
      setExit(await serve(flags));
    });

  root
    .command('permissions')
    .description('print the least-privilege IAM policy a scanning role needs')
    .action(async () => {
      const { permissions } = await import('./commands/permissions.js');
      setExit(permissions());
    });

  root
    .command('checks')
    .description('list the checks onus runs')
    .option('--json', 'full metadata as JSON', false)
    .option('--markdown', 'the catalog as Markdown, with remediation and framework citations', false)
    .option('--no-color', 'no colour')
    .action(async (flags: { json: boolean; markdown: boolean; color: boolean }) => {
      const { listChecks } = await import('./commands/checks.js');
      setExit(listChecks(flags));
    });

  const iamCommand = root
    .command('iam')
    .description('IAM least-privilege analysis of a snapshot or the demo');
  const withIamTarget = (command: Command) =>
    command
      .option('--snapshot <file>', 'analyse an inventory snapshot (from `onus collect`)')
      .option('--demo', 'analyse the bundled demo account')
      .addOption(
        new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
      );
  withIamTarget(
    iamCommand
      .command('explain')
      .description('decide one request and show the statements that decided it')
      .option('--principal <arn>', 'the user or role making the request')
      .option('--action <action>', 'service:Action, e.g. s3:GetObject')
      .option('--resource <arn>', 'the resource ARN (or *)')
      .option(
        '--context <key=value>',
        'a request context key (repeatable)',
        (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
      ),
  ).action(async (flags: IamFlags) => {
    setExit(await (await import('./commands/iam.js')).iamExplain(flags));
  });
  withIamTarget(
    iamCommand
      .command('who-can')
      .description('every principal (inside the account or out) allowed an action on a resource')
      .option('--action <action>', 'service:Action, e.g. kms:Decrypt')
      .option('--resource <arn>', 'the resource ARN'),
  ).action(async (flags: IamFlags) => {
    setExit(await (await import('./commands/iam.js')).iamWhoCan(flags));
  });
  withIamTarget(
    iamCommand.command('admins').description('users and roles that are effectively administrators'),
  ).action(async (flags: IamFlags) => {
    setExit(await (await import('./commands/iam.js')).iamAdmins(flags));
  });
  withIamTarget(
    iamCommand.command('escalations').description('privilege-escalation paths to administrator'),
  ).action(async (flags: IamFlags) => {
    setExit(await (await import('./commands/iam.js')).iamEscalations(flags));
  });

  return root;
}

/** Runs the CLI on `argv` and returns the exit code; prints only to stdout and stderr. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  try {
    await program((code) => {
      exitCode = code;
    }).parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; usage errors have already been printed as one line.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof UserError) {
      process.stderr.write(`onus: ${error.message}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`onus: unexpected error: ${message}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('onus: run again with --debug for the stack trace, and please report it\n');
    return EXIT.unexpected;
  }
}
