// Running the built `g2g` command as a user does, in a child process, for the command-line tests.
// Needs `npm run build`.
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const G2G = path.join(ROOT, 'bin/g2g.mjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `g2g` with the words given, and any extra environment, and resolves when it exits. */
export function g2g(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [G2G, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
