/**
 * Bundles one app for its container image: `npx tsx tools/build/build-app.ts <app>`.
 * Writes dist/apps/<app>/main.js (and migrate.js where the app has migrations) with node_modules left
 * external, plus the GraphQL files the app reads next to its bundle through `__dirname`.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

async function buildApp(app: string): Promise<string[]> {
  const source = join(root, 'apps', app, 'src');
  if (!existsSync(join(source, 'main.ts'))) throw new Error(`apps/${app}/src/main.ts not found`);
  const outdir = join(root, 'dist', 'apps', app);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });

  const entryPoints = ['main', 'migrate']
    .filter((name) => existsSync(join(source, `${name}.ts`)))
    .map((name) => ({ in: join(source, `${name}.ts`), out: name }));
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // TypeORM derives a migration's timestamp from its class name; bundling must not rename classes.
    keepNames: true,
    tsconfig: join(root, 'tsconfig.base.json'),
    metafile: true,
    logLevel: 'warning',
  });
  // An alias whose target file is missing silently becomes an external package and fails only at run time.
  const unbundled = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((imported) => imported.external && imported.path.startsWith('@rekindle/'))
    .map((imported) => imported.path);
  if (unbundled.length > 0) {
    throw new Error(`workspace imports not bundled (check tsconfig.base.json paths): ${[...new Set(unbundled)].join(', ')}`);
  }

  const assets = [join(source, 'schema.graphql'), join(root, 'apps', app, 'supergraph.graphql')];
  const copied = assets.filter(existsSync).map((asset) => {
    const target = join(outdir, basename(asset));
    copyFileSync(asset, target);
    return target;
  });
  return [...Object.keys(result.metafile.outputs).map((output) => join(root, output)), ...copied];
}

const app = process.argv[2];
if (!app || !/^[a-z][a-z0-9-]*$/.test(app)) {
  console.error('usage: npx tsx tools/build/build-app.ts <app>');
  process.exit(2);
}
buildApp(app).then(
  (written) => {
    for (const file of written) console.log(`${relative(root, file)}  ${(statSync(file).size / 1024).toFixed(1)} kB`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
