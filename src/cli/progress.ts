import type { ProgressEvent } from '../sources/aws/collect.js';

/**
 * Collection progress on stderr: one live line on a TTY, plain lines otherwise, nothing with --quiet.
 * It only displays what the collector reports; it never decides anything.
 */
export class CollectionProgress {
  private calls = 0;
  private runsDone = 0;
  private runsTotal = 0;
  private failedRuns = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = performance.now();

  constructor(
    private readonly quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  private get live(): boolean {
    return !this.quiet && this.stream.isTTY;
  }

  start(): void {
    if (this.live) this.timer = setInterval(() => this.draw(), 200);
  }

  request(): void {
    this.calls++;
  }

  event(event: ProgressEvent, collectorsPerRegion: { global: number; regional: number }): void {
    if (event.type === 'account') {
      this.runsTotal += collectorsPerRegion.global + collectorsPerRegion.regional * event.regions;
      this.line(`collecting account ${event.account}: ${event.regions} regions`);
    } else {
      this.runsDone++;
      if (event.failed) this.failedRuns++;
    }
  }

  finish(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.live) this.stream.write('\r\u001b[2K');
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    this.line(
      `collected in ${seconds}s: ${this.runsDone} collector runs, ${this.calls} API requests, ${this.failedRuns} with errors`,
    );
  }

  private draw(): void {
    this.stream.write(
      `\r\u001b[2Konus: collecting ${this.runsDone}/${this.runsTotal} · ${this.calls} API requests · ${this.failedRuns} with errors`,
    );
  }

  private line(text: string): void {
    if (this.quiet) return;
    if (this.live) this.stream.write('\r\u001b[2K');
    this.stream.write(`onus: ${text}\n`);
  }
}
