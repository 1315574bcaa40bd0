import fs from 'node:fs';
import { findUp } from './paths';

/** The app's version, from the package.json the running bundle ships with. */
export function appVersion(fromDirectory: string): string {
  const manifest = JSON.parse(fs.readFileSync(findUp(fromDirectory, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
