// Builds a test's child process script (a TypeScript file of tests/support) into one CommonJS file
// with its dependencies, to be run with plain `node`: started so it costs about a quarter of a
// second of processor time, where loading the dependencies module by module (or through a
// TypeScript loader) takes two seconds. Only the native SQLite binding is loaded from
// node_modules, linked beside the built file.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChildScript {
  /** The built file, to run as `node <file> …`. */
  file: string;
  /** The environment to run it with: Node's compile cache, kept beside it. */
  env: NodeJS.ProcessEnv;
  buildMs: number;
}

/** Builds `tests/support/<name>.ts` into `folder`, a temporary folder of the test's own. */
export async function buildChildScript(name: string, folder: string): Promise<ChildScript> {
  const started = performance.now();
  const modules = path.join(folder, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(ROOT, 'node_modules'), modules, 'dir');
  const file = path.join(folder, `${name}.cjs`);
  await build({
    entryPoints: [path.join(ROOT, 'tests/support', `${name}.ts`)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['better-sqlite3'],
    // import.meta is empty in CommonJS; the modules that read it fall back to __filename.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'error',
  });
  return { file, env: { ...process.env, NODE_COMPILE_CACHE: path.join(folder, 'compile-cache') }, buildMs: performance.now() - started };
}
