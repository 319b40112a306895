/**
 * `npm run validate` starts here: it runs scripts/validate.ts (the validator's only source)
 * from a bundle, because loading it as TypeScript costs more than checking the content.
 *
 * Node strips the types of every .ts module it loads (its stripper alone takes about 0.2 s
 * to start) and resolves some 240 modules one by one. This plain-JavaScript launcher has
 * esbuild (a dependency of Astro) bundle scripts/validate.ts with everything it imports into
 * node_modules/.cache/validate/, once, and runs that file with the code V8 compiled for it in
 * the previous run (runBundle). The bundle
 * is built again whenever any file that went into it changes (their sizes and modification
 * times are kept beside it), so it is never a second copy to keep in step: it is a cache.
 * If esbuild cannot run, scripts/validate.ts runs as TypeScript, only slower.
 *
 * Same arguments and output as `node scripts/validate.ts` (tests/validate-bundle.test.ts).
 *
 * package.json runs it with `node --single-threaded`: V8 then compiles and collects garbage
 * on this thread only. A run this short gains nothing in time from helper threads (their
 * work is mostly thrown away at exit), and they cost CPU time: about 40 ms of 450.
 */
// Node's modules as plain objects: `import … from 'node:fs'` would make Node build a module
// facade that reads every export, which loads all of Node's streams (about 12 ms per run).
const { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { dirname, join, relative, resolve } = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'scripts/validate.ts');
const CACHE = join(ROOT, 'node_modules/.cache/validate');
const BUNDLE = join(CACHE, 'validate.js');
const MANIFEST = join(CACHE, 'inputs.json');
/** V8's compiled code of the bundle, as it was at the end of a run (see runBundle). */
const CODE_CACHE = join(CACHE, 'validate.code');
/** Changes whenever the way the bundle is made changes, so that an older bundle is rebuilt. */
const RECIPE = `4 ${process.version}`;

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
    // Paths are relative, with forward slashes: a plain concatenation (path.join costs ~0.1 ms each, cold).
    return Object.entries(manifest.inputs).every(([path, was]) => stamp(`${ROOT}/${path}`) === was);
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

/** The same for Node's modules imported by the bundle (a module facade costs a few ms each). */
const builtinsAsObjects = {
  name: 'builtins-as-objects',
  setup(build) {
    const builtins = new Set(process.getBuiltinModule('node:module').builtinModules);
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
      args.namespace !== 'builtin' && (args.path.startsWith('node:') || builtins.has(args.path))
        ? { path: args.path.replace(/^node:/, ''), namespace: 'builtin' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const id = `node:${args.path}`;
      const names = Object.entries(Object.getOwnPropertyDescriptors(process.getBuiltinModule(id)))
        .filter(([name, descriptor]) => 'value' in descriptor && /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default')
        .map(([name]) => name);
      return {
        contents:
          `const m = process.getBuiltinModule(${JSON.stringify(id)});\nexport default m;\nexport const { ` + `${names.join(', ')} } = m;`,
        loader: 'js',
      };
    });
  },
};

async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  const started = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    // A script, not a module: one function of the bundle's address (see runBundle).
    format: 'iife',
    target: 'node22',
    define: { 'import.meta.url': '__bundleUrl' },
    // Sätteri's parser is a native module: loaded from node_modules, as without the bundle.
    external: ['@bruits/*'],
    // Bundled CommonJS (js-yaml's callers, Sätteri's loader) needs `require`.
    banner: { js: "(function (__bundleUrl) {\nconst require = process.getBuiltinModule('node:module').createRequire(__bundleUrl);" },
    footer: { js: '})' },
    minifyWhitespace: true,
    metafile: true,
    logLevel: 'silent',
    write: true,
    plugins: [withoutZodLocales, builtinsAsObjects],
  });
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input.includes(':')) continue; // the stub
    const path = relative(ROOT, resolve(input)).split('\\').join('/');
    inputs[path] = stamp(join(ROOT, path));
  }
  inputs['package-lock.json'] = stamp(join(ROOT, 'package-lock.json'));
  renameSync(temporary, BUNDLE);
  rmSync(CODE_CACHE, { force: true });
  // A file saved while the bundle was being made may not be in it: then build again next time.
  const savedSince = Object.keys(inputs).some((path) => {
    try {
      return statSync(join(ROOT, path)).mtimeMs >= started - 1000;
    } catch {
      return true;
    }
  });
  writeFileSync(MANIFEST, JSON.stringify({ recipe: savedSince ? 'rebuild' : RECIPE, inputs }));
}

/**
 * Runs the bundle with V8's compiled code from an earlier run. Node's compile cache (for
 * modules) keeps what V8 compiled before the code ran, which is little: V8 compiles a function
 * when it is first called. The bundle is therefore a script, one function, and its code is
 * saved at the end of a run, with every function the run compiled (about 50 ms less to
 * compile in the next run). The saved code goes with one bundle: it names the bundle's size
 * and modification time, and a new bundle removes it (buildBundle); V8 itself refuses code
 * made by another version of V8 or with other flags, and then it is made again.
 */
function runBundle() {
  const vm = process.getBuiltinModule('node:vm');
  const source = readFileSync(BUNDLE, 'utf8');
  const made = `${stamp(BUNDLE)} ${process.version} ${process.execArgv.join(' ')}\n`;
  let cachedData;
  try {
    const saved = readFileSync(CODE_CACHE);
    const newline = saved.indexOf(10);
    if (saved.subarray(0, newline + 1).toString() === made) cachedData = saved.subarray(newline + 1);
  } catch {}
  const script = new vm.Script(source, { filename: BUNDLE, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const temporary = `${CODE_CACHE}.${process.pid}.tmp`;
        writeFileSync(temporary, Buffer.concat([Buffer.from(made), script.createCachedData()]));
        renameSync(temporary, CODE_CACHE);
      } catch {}
    });
  }
  script.runInThisContext()(pathToFileURL(BUNDLE).href);
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
  // The files that passed are remembered for this very bundle only (lib/validate/file-cache.ts).
  // (node:crypto loads Node's streams: only when the file cache asks for the key.)
  globalThis[Symbol.for('election-timeline.validator-bundle')] = {
    get key() {
      return process.getBuiltinModule('node:crypto').createHash('sha1').update(readFileSync(MANIFEST)).digest('hex');
    },
    dir: CACHE,
  };
}
if (target === BUNDLE) runBundle();
else await import(pathToFileURL(target).href);
