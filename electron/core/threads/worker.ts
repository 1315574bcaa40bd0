// The app's worker thread (see worker-thread.ts): it runs the tasks it is sent, one message each,
// and answers each with the task's result or with why the task failed.
import { parentPort } from 'node:worker_threads';
import { TASKS, type TaskName } from './tasks';
import type { TaskAnswer, TaskRequest } from './worker-thread';

if (!parentPort) throw new Error('The worker runs only as a worker thread.');
const port = parentPort;

port.on('message', (request: TaskRequest) => {
  const run = TASKS[request.task as TaskName] as (input: unknown) => unknown;
  Promise.resolve()
    .then(() => run(request.input))
    .then(
      (value) => port.postMessage({ id: request.id, value } satisfies TaskAnswer),
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies TaskAnswer),
    );
});
port.postMessage({ ready: true });
