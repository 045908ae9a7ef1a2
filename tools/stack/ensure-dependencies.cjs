// Runs before `npm start` and `npm test` (plain Node, nothing installed yet): installs the locked
// dependencies with `npm ci` when node_modules is missing or older than package-lock.json, so a
// fresh clone needs only the one command.
const { spawnSync } = require('node:child_process');
const { statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const modifiedAt = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

const installed = modifiedAt(join(root, 'node_modules', '.package-lock.json'));
const locked = modifiedAt(join(root, 'package-lock.json'));
if (installed === undefined || (locked !== undefined && locked > installed)) {
  console.log('Installing the locked dependencies (npm ci)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
