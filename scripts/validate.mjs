/**
 * `npm run validate` starts here: it runs scripts/validate.ts (the validator's only source)
 * from a bundle, because loading it as TypeScript costs more than checking the content.
 *
 * Node strips the types of every .ts module it loads (its stripper alone takes about 0.2 s
 * to start) and resolves some 240 modules one by one. This plain-JavaScript launcher has
 * esbuild (a dependency of Astro) bundle scripts/validate.ts with everything it imports into
 * node_modules/.cache/validate/, once, and runs that file with V8's compile cache. The bundle
 * is built again whenever any file that went into it changes (their sizes and modification
 * times are kept beside it), so it is never a second copy to keep in step: it is a cache.
 * If esbuild cannot run, scripts/validate.ts runs as TypeScript, only slower.
 *
 * Same arguments and output as `node scripts/validate.ts` (tests/validate-bundle.test.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'scripts/validate.ts');
const CACHE = join(ROOT, 'node_modules/.cache/validate');
const BUNDLE = join(CACHE, 'validate.mjs');
const MANIFEST = join(CACHE, 'inputs.json');
/** Changes whenever the way the bundle is made changes, so that an older bundle is rebuilt. */
const RECIPE = `1 ${process.version}`;

/** `size:mtime` of a file, or "" if it is gone. */
function stamp(path) {
  try {
    const stats = statSync(path);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return '';
  }
}

/** True when the bundle exists and every file that went into it is as it was. */
function isFresh() {
  if (!existsSync(BUNDLE) || !existsSync(MANIFEST)) return false;
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    if (manifest.recipe !== RECIPE) return false;
    return Object.entries(manifest.inputs).every(([path, was]) => stamp(join(ROOT, path)) === was);
  } catch {
    return false;
  }
}

/**
 * Zod's classic API re-exports the messages of every language it knows (a third of its
 * code); the validator uses only English, which Zod loads by itself.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'stub' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Sätteri's parser is a native module: loaded from node_modules, as without the bundle.
    external: ['@bruits/*'],
    // Bundled CommonJS (js-yaml's callers, Sätteri's loader) needs `require`.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    minifyWhitespace: true,
    metafile: true,
    logLevel: 'silent',
    write: true,
    plugins: [withoutZodLocales],
  });
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input.includes(':')) continue; // the stub
    const path = relative(ROOT, resolve(input)).split('\\').join('/');
    inputs[path] = stamp(join(ROOT, path));
  }
  inputs['package-lock.json'] = stamp(join(ROOT, 'package-lock.json'));
  renameSync(temporary, BUNDLE);
  writeFileSync(MANIFEST, JSON.stringify({ recipe: RECIPE, inputs }));
}

let target = BUNDLE;
if (!isFresh()) {
  try {
    await buildBundle();
  } catch (error) {
    console.error(`(bundling the validator failed, so it runs as TypeScript: ${String(error?.message ?? error).split('\n')[0]})`);
    target = ENTRY;
  }
}
if (target === BUNDLE) {
  module.enableCompileCache?.(join(CACHE, 'v8'));
  // The files that passed are remembered for this very bundle only (lib/validate/file-cache.ts).
  const key = createHash('sha1').update(readFileSync(MANIFEST)).digest('hex');
  globalThis[Symbol.for('election-timeline.validator-bundle')] = { key, dir: CACHE };
}
await import(pathToFileURL(target).href);
