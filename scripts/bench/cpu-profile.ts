/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. of a build): self time by package or
 * source folder, the functions with the most self time, and the total time spent under given
 * functions (each sample counted once per function, however deep the recursion).
 *
 *   node scripts/bench/cpu-profile.ts <file.cpuprofile> [function-name …]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "astro", "@astrojs/mdx", "src/lib/format.ts" … from a script URL. */
export function ownerOf(url: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node: (built-in modules)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = /\/(src\/[^?]*|scripts\/[^?]*|dist\/[^?]*|\.astro-cache\/[^?]*)/.exec(url);
  if (src) {
    const path = src[1].replace(/\/chunks\/.*$/, '/chunks/*');
    return path.startsWith('dist/') ? `built site code (${path.split('/').slice(0, 3).join('/')})` : path;
  }
  return url.replace(/^file:\/\//, '');
}

export function summarize(profile: Profile, watch: string[] = []) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  let total = 0;
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const under = new Map<string, number>(watch.map((name) => [name, 0]));
  for (const [id, ms] of selfByNode) {
    total += ms;
    const node = byId.get(id)!;
    const owner = ownerOf(node.callFrame.url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    const name = `${node.callFrame.functionName || '(anonymous)'}  ${owner}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    if (watch.length) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)!.callFrame;
        for (const name of watch) {
          if (!seen.has(name) && (frame.functionName === name || `${frame.functionName} ${frame.url}`.includes(name))) {
            seen.add(name);
            under.set(name, under.get(name)! + ms);
          }
        }
      }
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { total, byOwner: sorted(byOwner), byFunction: sorted(byFunction), under: [...under] };
}

if (import.meta.main) {
  const [file, ...watch] = process.argv.slice(2);
  if (!file) {
    console.error('node scripts/bench/cpu-profile.ts <file.cpuprofile> [function-name …]');
    process.exit(2);
  }
  const { total, byOwner, byFunction, under } = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, watch);
  const row = (ms: number) => `${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / total).toFixed(1).padStart(5)} %`;
  console.log(`${(total / 1000).toFixed(1)} s sampled\n\nSelf time by package or file:`);
  for (const [owner, ms] of byOwner.slice(0, 30)) console.log(`${row(ms)}  ${owner}`);
  console.log('\nFunctions with the most self time:');
  for (const [name, ms] of byFunction.slice(0, 40)) console.log(`${row(ms)}  ${name}`);
  if (under.length) {
    console.log('\nTime under (inclusive):');
    for (const [name, ms] of under) console.log(`${row(ms)}  ${name}`);
  }
}
