// Which Chromium prints packs outside the desktop app. The system's own browser is used, never a
// downloaded one: CHROMIUM_PATH when it is set, otherwise the usual places for the platform.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/** Where Chromium, or a browser built on it, is usually installed on each platform. */
export function usualChromiumPlaces(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  switch (platform) {
    case 'win32': {
      const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
      return roots.flatMap((root) => [
        path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
        path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]);
    }
    case 'darwin':
      return [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ];
    default:
      return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  }
}

function isProgram(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FindChromiumOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  isProgram?: (file: string) => boolean;
}

/** The Chromium to print with, or an `unavailable` refusal that says what to install or set. */
export function findChromium(options: FindChromiumOptions = {}): string {
  const env = options.env ?? process.env;
  const check = options.isProgram ?? isProgram;
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) {
    if (check(chosen)) return chosen;
    throw new AppError(
      'unavailable',
      `CHROMIUM_PATH names “${chosen}”, which is not a program on this computer, so packs cannot be printed to PDF. Point it at Chromium or Chrome, or leave it unset to use the system’s Chromium.`,
      { chromiumPath: chosen },
    );
  }
  const places = usualChromiumPlaces(options.platform ?? process.platform, env);
  const found = places.find(check);
  if (found) return found;
  throw new AppError(
    'unavailable',
    `No Chromium was found to print packs to PDF with (looked for ${places.join(', ')}). Install Chromium (on Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome program.`,
    { looked: places },
  );
}
