import { COLOURS, NO_COLOURS, type Paint } from '../formats/ansi.js';

/**
 * Whether to colour a stream: never with NO_COLOR or --no-color; always with FORCE_COLOR (other than 0);
 * otherwise only on a TTY.
 */
export function paintFor(
  stream: NodeJS.WriteStream,
  colourFlag: boolean,
  env: NodeJS.ProcessEnv = process.env,
): Paint {
  if (!colourFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return NO_COLOURS;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '')
    return env.FORCE_COLOR === '0' ? NO_COLOURS : COLOURS;
  return stream.isTTY ? COLOURS : NO_COLOURS;
}

/** Progress and notes for humans: stderr, silenced by --quiet. Results never go through here. */
export class Messages {
  constructor(
    private readonly quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  info(text: string): void {
    if (!this.quiet) this.stream.write(`onus: ${text}\n`);
  }

  warn(text: string): void {
    this.stream.write(`onus: warning: ${text}\n`);
  }

  /** Bad input the run went on without (shown even with --quiet: it changes the exit code). */
  error(text: string): void {
    this.stream.write(`onus: error: ${text}\n`);
  }
}
