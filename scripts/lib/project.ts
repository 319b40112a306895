/**
 * A copy of the project at `dir` for a build of its own (tests, benchmarks), sharing
 * node_modules. Its astro.config.mjs wraps the project's own with a cache folder of its
 * own: by default Astro keeps its content cache in node_modules/.astro, which the symlink
 * would share with the real project and with every other copy building at the same time.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function copyProject(root: string, dir: string, { content = true } = {}): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const contentDir = `${join(root, 'src/content')}/`;
  for (const item of ['src', 'public', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, item), join(dir, item), { recursive: true, filter: (source) => content || !source.startsWith(contentDir) });
  }
  cpSync(join(root, 'astro.config.mjs'), join(dir, 'astro.config.project.mjs'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import config from './astro.config.project.mjs';\n\n// A copy of the project: a cache of its own, not the shared " +
      "node_modules/.astro.\nexport default { ...config, cacheDir: './.astro-cache/' };\n",
  );
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
}
