import { describe, expect, it } from 'vitest';
import { CollectionProgress } from './progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return {
    written,
    stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream,
  };
}

function run(progress: CollectionProgress) {
  progress.start();
  progress.event({ type: 'account', account: '111122223333', regions: 2 }, { global: 1, regional: 2 });
  for (let i = 0; i < 3; i++) progress.request();
  progress.event(
    { type: 'collector', account: '111122223333', region: 'eu-west-1', service: 'kms', failed: true },
    { global: 1, regional: 2 },
  );
  progress.finish();
}

describe('collection progress', () => {
  it('prints plain lines when stderr is not a terminal', () => {
    const { written, stream: out } = stream(false);
    run(new CollectionProgress(false, out));
    expect(written.join('')).toMatch(
      /^onus: collecting account 111122223333: 2 regions\nonus: collected in \d+\.\ds: 1 collector runs, 3 API requests, 1 with errors\n$/,
    );
  });

  it('prints nothing with --quiet', () => {
    const { written, stream: out } = stream(true);
    run(new CollectionProgress(true, out));
    expect(written).toEqual([]);
  });

  it('redraws one live line on a terminal and clears it before plain lines', async () => {
    const { written, stream: out } = stream(true);
    const progress = new CollectionProgress(false, out);
    progress.start();
    progress.event({ type: 'account', account: '111122223333', regions: 17 }, { global: 2, regional: 20 });
    progress.request();
    await new Promise((resolve) => setTimeout(resolve, 450));
    progress.finish();
    const text = written.join('');
    expect(text).toContain('\r\u001b[2Konus: collecting 0/342 · 1 API requests · 0 with errors');
    expect(text.endsWith('1 API requests, 0 with errors\n')).toBe(true);
  });
});
