// Every script runs on Node 22 or newer: better-sqlite3 13 and Electron 45's tooling need it.
// npm puts node_modules/.bin first on PATH for scripts, and the `node` devDependency puts a
// Node 22 there, so this only fails when scripts are run outside npm on an older Node.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Getting to Good needs Node 22 or newer, but this is Node ${process.versions.node}. ` +
      'Run the command through npm (npm start, npm test), which uses the Node 22 installed with the project.',
  );
  process.exit(1);
}
