/**
 * A child process of the build that draws event cards (src/integrations/cards.ts):
 * `node --expose-gc cards-process.ts <jobs.json>`. Collecting every few cards keeps resvg's
 * canvases and fonts, which live outside the JavaScript heap, from piling up.
 */
import { readFileSync } from 'node:fs';
import { type CardJob, drawCardJobs } from './cards.ts';

const { fonts, jobs } = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { fonts: string[]; jobs: CardJob[] };
const collect = (globalThis as { gc?: () => void }).gc;
drawCardJobs(jobs, fonts, collect);
