// Where the app keeps its data. The desktop app uses Electron's userData folder; the web host
// and the command line compute the same folder so all three share one database by default.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Getting to Good';
export const DATABASE_FILE_NAME = 'getting-to-good.sqlite';
/** Written by the desktop app and the web host while they run, so `g2g backup restore` can refuse. */
export const RUNNING_FILE_NAME = 'running.json';

/** The same folder as Electron's `app.getPath('userData')` for this product. */
export function defaultDataDirectory(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.G2G_DATA_DIR) return path.resolve(env.G2G_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
  }
}

/** Finds a folder of the app (db/migrations, renderer output) by walking up from a bundle's own folder. */
export function findUp(fromDirectory: string, relative: string): string {
  let directory = path.resolve(fromDirectory);
  for (;;) {
    const candidate = path.join(directory, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`Could not find ${relative} above ${fromDirectory}.`);
    directory = parent;
  }
}
