// Runs before `npm start` and `npm test` (plain Node, nothing installed yet): installs the locked
// dependencies with `npm ci` when node_modules is missing or was installed from another
// package-lock.json, so a fresh clone needs only the one command. The lock is compared by content
// (a checkout or a second worktree gives it a new date, not new dependencies); an install made
// before this stamp existed is judged by date.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const lockPath = join(root, 'package-lock.json');
const stampPath = join(root, 'node_modules', '.rekindle-lock-sha256');

const modifiedAt = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};
const readStamp = () => {
  try {
    return readFileSync(stampPath, 'utf8').trim();
  } catch {
    return undefined;
  }
};

const lockHash = createHash('sha256').update(readFileSync(lockPath)).digest('hex');
const installedAt = modifiedAt(join(root, 'node_modules', '.package-lock.json'));
const stamp = readStamp();
const upToDate =
  installedAt !== undefined && (stamp !== undefined ? stamp === lockHash : modifiedAt(lockPath) <= installedAt);

if (!upToDate) {
  console.log('Installing the locked dependencies (npm ci)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
if (stamp !== lockHash) writeFileSync(stampPath, `${lockHash}\n`);
