/**
 * A worker thread of `onus trail`: loads the same detections as the main thread, scans the files it is sent one
 * at a time, and hands back its partial result when told to finish.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { detectionSetFor, type WorkerReply, type WorkerRequest, type WorkerSetup } from './setup.js';
import { TrailScanner } from './scanner.js';

const setup = workerData as WorkerSetup;
const { set, baseline } = detectionSetFor(setup.ruleDirectories);
const scanner = new TrailScanner(set, setup.filters, baseline);
const port = parentPort;

port?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'finish') {
    const reply: WorkerReply = { kind: 'partial', partial: scanner.partial() };
    port.postMessage(reply);
    return;
  }
  if (request.kind === 'files') for (const path of request.paths) scanner.scanFile(path);
  else scanner.scanBytes(request.bytes, request.source);
  const reply: WorkerReply = { kind: 'done', files: request.kind === 'files' ? request.paths.length : 1 };
  port.postMessage(reply);
});
