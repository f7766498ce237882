import { openStore } from '../../findings/store/open.js';
import { EXIT, UserError } from '../errors.js';

export interface ServeFlags {
  host: string;
  port: string;
  token?: string;
  store?: string;
}

/** The shortest token `onus serve` accepts for a non-loopback bind. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * `onus serve`: the dashboard over the findings store until SIGINT or SIGTERM. Loopback by default; any other
 * host needs a token (`--token` or ONUS_SERVE_TOKEN), and every request must then carry it.
 */
export async function serve(flags: ServeFlags, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { isLoopback, startServer } = await import('../../serve/server.js');
  if (!/^\d{1,5}$/.test(flags.port) || Number(flags.port) > 65_535) {
    throw new UserError(`--port: expected a port number from 0 to 65535, got ${JSON.stringify(flags.port)}`);
  }
  const host = flags.host.trim();
  const token = flags.token ?? (env.ONUS_SERVE_TOKEN || undefined);
  if (token !== undefined && (token.length < MIN_TOKEN_LENGTH || /\s/.test(token))) {
    throw new UserError(
      `serve: the token must be at least ${String(MIN_TOKEN_LENGTH)} characters without spaces (e.g. \`openssl rand -hex 32\`)`,
    );
  }
  if (!isLoopback(host) && token === undefined) {
    throw new UserError(
      `serve: --host ${host} is reachable from other machines: give a token with ONUS_SERVE_TOKEN (or --token); every request must then carry it`,
    );
  }
  // It only reads: an older schema is refused (with the command that upgrades it), never migrated.
  const store = await openStore({
    ...(flags.store === undefined ? {} : { store: flags.store }),
    create: false,
    migrate: false,
  });
  let serving;
  try {
    serving = await startServer({ store, host, port: Number(flags.port), token });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new UserError(`serve: cannot listen on ${host}:${flags.port}: ${code}`);
    }
    throw error;
  }
  process.stdout.write(
    `onus serve: ${serving.url} (store ${store.location}, read-only${token === undefined ? '' : '; open it once with ?token=TOKEN or send Authorization: Bearer TOKEN'}); Ctrl-C stops\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await serving.close();
  await store.close();
  return EXIT.ok;
}
