import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GraphiqlAsset {
  /** The URL path the page loads it from; versioned, so it can be cached for good. */
  urlPath: string;
  /** Absolute path of the file in node_modules. */
  file: string;
  contentType: string;
}

export const ASSETS_BASE = '/graphiql/assets';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

function packageAsset(pkg: string, relativeFile: string, contentType: string): GraphiqlAsset {
  // Resolving package.json works despite react's "exports" map, from source and from a bundle alike.
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const file = join(dirname(manifest), relativeFile);
  return { urlPath: `${ASSETS_BASE}/${pkg}@${version}/${relativeFile.split('/').pop()}`, file, contentType };
}

/** The UMD builds GraphiQL 3 needs in the browser, in the order the page loads them. */
export function resolveGraphiqlAssets() {
  return {
    react: packageAsset('react', 'umd/react.production.min.js', JS),
    reactDom: packageAsset('react-dom', 'umd/react-dom.production.min.js', JS),
    graphiql: packageAsset('graphiql', 'graphiql.min.js', JS),
    graphiqlCss: packageAsset('graphiql', 'graphiql.min.css', CSS),
  };
}

export type GraphiqlAssets = ReturnType<typeof resolveGraphiqlAssets>;
