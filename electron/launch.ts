// `npm start`: opens the desktop app where an Electron binary is present; otherwise says so in
// one sentence and serves the same app in browser mode. The binary is looked for without
// loading the `electron` package, whose loader would try to download it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findUp } from './core/paths';
import { runWebHost } from './web/run';

function electronBinary(): string | null {
  try {
    const packageFolder = findUp(import.meta.dirname, 'node_modules/electron');
    const pathFile = path.join(packageFolder, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(packageFolder, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary) {
  const main = findUp(import.meta.dirname, 'out/electron/main.cjs');
  const child = spawn(binary, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'The Electron desktop shell is not installed on this machine and cannot be downloaded here, so Getting to Good is starting in browser mode instead.',
  );
  await runWebHost(process.argv.slice(2));
}
