import { runWebHost } from './run';

await runWebHost(process.argv.slice(2));
