// Bundles src/site.css and src/site.js into the top-level web root, wwwroot/dist/, minified.
// Run by Frontend.targets before the web project builds; `npm run build` does the same by hand.
import * as esbuild from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUsedClasses, purgeUnusedClasses } from './purge-classes.mjs';
import { slimTokens } from './slim-tokens.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '../../../wwwroot/dist');
const target = ['chrome109', 'edge109', 'firefox115', 'safari15.6'];
const shared = {
  absWorkingDir: here,
  bundle: true,
  outdir,
  target,
  logLevel: 'warning',
  // Fonts and images referenced with url() are copied beside the bundle, content-hashed.
  loader: { '.woff2': 'file', '.woff': 'file', '.svg': 'file', '.png': 'file' },
  assetNames: '[name]-[hash]',
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

// CSS: bundle unminified so rules are easy to walk, drop Utrecht selectors no template uses,
// drop the design tokens nothing reads any more, then minify.
const used = await findUsedClasses(path.resolve(here, '..'), [path.join(here, 'src/site.js')]);
const css = await esbuild.build({ ...shared, entryPoints: ['src/site.css'], write: false });
for (const file of css.outputFiles) {
  if (!file.path.endsWith('.css')) {
    await writeFile(file.path, file.contents);
    continue;
  }
  const min = await esbuild.transform(slimTokens(purgeUnusedClasses(file.text, used)), { loader: 'css', minify: true, target });
  await writeFile(file.path, min.code);
}

// JS: progressive enhancement only; the site works without it.
await esbuild.build({ ...shared, entryPoints: ['src/site.js'], minify: true, format: 'iife' });

// The back-office bundle (rich-text editor, pickers): only /beheer pages load it. See src/admin/.
await esbuild.build({ ...shared, entryPoints: ['src/admin.css', 'src/admin.js'], minify: true, format: 'iife' });
