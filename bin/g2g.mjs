#!/usr/bin/env node
// The `g2g` command. npm runs it with the project's own Node 22 first on PATH.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`g2g needs Node 22 or newer, but this is Node ${process.versions.node}. Run it as “npx g2g” from the project folder.`);
  process.exit(1);
}
await import('../out/g2g.mjs');
