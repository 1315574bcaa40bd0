// Bundles the Node-side entry points with esbuild into out/. Dependencies stay external: they
// are installed beside the app (node_modules, or the packaged app's asar).
import fs from 'node:fs';
import { build } from 'esbuild';

// Dependencies stay external, installed beside the app, except date-fns: its index loads several
// hundred modules, which cost the command line over a second at every start, so only the functions
// used are bundled in.
const { dependencies } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const BUNDLED = new Set(['date-fns']);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  sourcemap: true,
  logLevel: 'warning',
};

// The app's worker thread (electron/core/threads/) is a file of its own, beside the desktop shell
// so that the installer carries it; each bundle is told where it is, relative to itself.
const worker = (path) => ({ G2G_WORKER: JSON.stringify(path) });

// The entry points run by Node from out/: browser mode, the command line, and `npm start`.
const inOut = { ...common, format: 'esm', outdir: 'out', outExtension: { '.js': '.mjs' }, define: worker('./electron/worker.cjs') };

await Promise.all([
  build({ ...inOut, entryPoints: { web: 'electron/web/main.ts' } }),
  build({ ...inOut, entryPoints: { g2g: 'electron/cli/main.ts' } }),
  build({ ...inOut, entryPoints: { launch: 'electron/launch.ts' } }),
  build({ ...common, format: 'cjs', entryPoints: { worker: 'electron/core/threads/worker.ts' }, outdir: 'out/electron', outExtension: { '.js': '.cjs' } }),
  // The desktop shell: Electron loads CommonJS for the main process, and a sandboxed preload
  // must be a single CommonJS file.
  // Code shared with the ESM entry points finds its dependencies from `import.meta.url`, which
  // CommonJS lacks: it is defined here from the bundle's own file name.
  build({
    ...common,
    format: 'cjs',
    entryPoints: { main: 'electron/desktop/main.ts' },
    outdir: 'out/electron',
    outExtension: { '.js': '.cjs' },
    external: [...common.external, 'electron'],
    define: { 'import.meta.url': 'importMetaUrl', ...worker('./worker.cjs') },
    banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  }),
  build({ ...common, format: 'cjs', entryPoints: { preload: 'electron/desktop/preload.ts' }, outdir: 'out/electron', outExtension: { '.js': '.cjs' }, external: [...common.external, 'electron'] }),
]);
