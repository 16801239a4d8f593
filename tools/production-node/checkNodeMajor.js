// Usage: node tools/production-node/checkNodeMajor.js <major> [--warn]
// Stops (or with --warn only says so) when the Node running it is not the given major. The
// toolkit's deploy runs it first: the zip carries node_modules installed and built here, so they
// are installed and built with the major App Service runs.
const wanted = Number(process.argv[2]);
const warnOnly = process.argv.includes('--warn');
const running = Number(process.versions.node.split('.')[0]);
if (!Number.isInteger(wanted)) {
  console.error('Usage: node tools/production-node/checkNodeMajor.js <major> [--warn]');
  process.exit(2);
}
if (running !== wanted) {
  const hint = 'npm ci --prefix tools/production-node, then PATH="$PWD/tools/production-node/node_modules/.bin:$PATH"';
  console.error(`${warnOnly ? 'Note' : 'Stopped'}: this is Node ${process.versions.node}, production runs Node ${wanted} (${hint}).`);
  if (!warnOnly) process.exit(1);
} else {
  console.log(`Node ${process.versions.node}: the production major.`);
}
