/**
 * Preloaded into a benchmarked build (`node --import …/stage-clock.mjs`): every line the build
 * writes to stdout or stderr is copied to the file named by BENCH_STAGE_LOG, prefixed with the
 * process's wall-clock and CPU milliseconds (user + system, all threads) at that moment.
 * scripts/bench/stages.ts reads it back into per-stage timings. Plain JavaScript, so that it
 * costs nothing to load.
 */
import { appendFileSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_STAGE_LOG;
if (file) {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  writeFileSync(file, '');
  const stamp = () => {
    const cpu = process.cpuUsage(cpu0);
    return `${Math.round(performance.now() - started)}\t${Math.round((cpu.user + cpu.system) / 1000)}`;
  };
  // The loader's time before this module ran (Node's own start) is not counted: it is the same for every build.
  let partial = '';
  const record = (chunk) => {
    partial += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    if (lines.length) appendFileSync(file, lines.map((line) => `${stamp()}\t${line.replace(/\x1b\[[0-9;]*m/g, '')}\n`).join(''));
  };
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = (chunk, ...rest) => {
      try {
        record(chunk);
      } catch {
        // Timing is best effort; the build's output is not.
      }
      return write(chunk, ...rest);
    };
  }
  process.on('exit', () => appendFileSync(file, `${stamp()}\t(exit)\n`));
}
