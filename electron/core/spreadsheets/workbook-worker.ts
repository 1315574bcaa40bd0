// The worker thread that builds workbooks (see workbook-thread.ts): it takes a plan's tables, the
// author and the moment, and answers with the workbook's bytes or with why it could not make it.
import { parentPort } from 'node:worker_threads';
import type { WorkbookAnswer, WorkbookRequest } from './workbook-thread';
import { workbookOf } from './workbook';

if (!parentPort) throw new Error('The workbook worker runs only as a worker thread.');
const port = parentPort;

port.on('message', (request: WorkbookRequest) => {
  workbookOf(request.tables, request.actor, new Date(request.now), { deflated: request.deflated }).then(
    (bytes) => port.postMessage({ id: request.id, bytes } satisfies WorkbookAnswer),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkbookAnswer),
  );
});
port.postMessage({ ready: true });
