#!/usr/bin/env node
// The SDK warns on Node 20 about releases after January 2027; onus pins its SDK versions, so the warning
// would only break the promise of one clear line on stderr. Users can still turn it on by setting it to false.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A reader that stops early (`onus trail logs/ | head`) closes the pipe: end quietly, as a program killed by
// SIGPIPE would (exit 141), instead of a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(141);
});

const { main } = await import('./main.js');

process.exitCode = await main(process.argv);
