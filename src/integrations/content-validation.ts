/**
 * An Astro integration that validates all content before a build and stops it on any
 * problem, printing every one (Astro alone stops at the first bad file, and only logs
 * references to missing entries). In `astro dev` it validates again on every save of a
 * content file and, while any problem remains, shows the validator's own messages (file,
 * line, field) in Vite's error overlay and instead of every page, never a stale page.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR } from '../lib/content/layout.ts';
import { errorsOf, formatProblem, githubAnnotation, type Problem } from '../lib/validate/problems.ts';
import { validateContent } from '../lib/validate/validate-content.ts';
import { guardBodyEnd } from '../lib/content/mdx-guard.ts';
import { escapeXml } from '../lib/escape.ts';
import { plural } from '../lib/words.ts';

/** "3 content problems". */
const problemCount = (problems: readonly Problem[]) => plural(problems.length, 'content problem');

/** The page shown in dev instead of any page while content has problems. */
export function problemsPage(problems: readonly Problem[]): string {
  const title = problemCount(problems);
  const items = problems.map((problem) => `<li><code>${escapeXml(formatProblem(problem))}</code></li>`).join('\n');
  return (
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="/@vite/client"></script>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}` +
    `code{white-space:pre-wrap;word-break:break-word}li{margin:.5rem 0}</style>
</head><body><main id="content-problems"><h1>${title}</h1>
<p>The site is not shown until they are fixed; this page reloads when you save a fix. ` +
    `The same list comes from <code>npm run validate</code>.</p>
<ul>${items}</ul></main></body></html>`
  );
}

export function contentValidation(): AstroIntegration {
  let root = '';
  let problems: Problem[] = [];
  return {
    name: 'election-timeline:content-validation',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        if (command === 'preview') return;
        root = fileURLToPath(config.root);
        // Before the MDX compiler (this integration comes first): a body that would crash it
        // becomes the validator's message in the overlay (lib/content/mdx-guard.ts).
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'election-timeline:mdx-body-end',
                enforce: 'pre',
                transform(code: string, id: string) {
                  const path = id.split('?')[0];
                  if (!path.endsWith('.mdx') || code.endsWith('\n')) return undefined;
                  return { code: guardBodyEnd(code, relative(root, path), path), map: null };
                },
              },
            ],
          },
        });
        const report = validateContent(root);
        problems = errorsOf(report.problems);
        if (report.problems.length > problems.length)
          logger.warn(
            report.problems
              .filter((p) => p.severity === 'warning')
              .map(formatProblem)
              .join('\n'),
          );
        if (!problems.length) return;
        const lines = problems.map(formatProblem).join('\n');
        if (process.env.GITHUB_ACTIONS === 'true') console.log(problems.map(githubAnnotation).join('\n'));
        const summary = problemCount(problems);
        logger.error(`${summary}:\n${lines}`);
        // The list is logged above; the error stays short so Astro does not misread a line of it as the location.
        if (command === 'build') throw new Error(`${summary}; the site was not built. Run \`npm run validate\` to list them.`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = `${root}${CONTENT_DIR}/`;
        const overlay = () => {
          const [first] = problems;
          server.environments.client.hot.send({
            type: 'error',
            err: {
              message: `${problemCount(problems)}:\n${problems.map(formatProblem).join('\n')}`,
              stack: '',
              id: first.file,
              plugin: 'content-validation',
              loc: { file: `${root}${first.file}`, line: first.line, column: first.column },
            },
          });
        };
        const recheck = (path: string) => {
          if (!path.startsWith(contentDir)) return;
          const hadProblems = problems.length > 0;
          problems = errorsOf(validateContent(root).problems);
          if (problems.length) {
            logger.error(`${relative(root, path)} saved; ${problemCount(problems)}:\n${problems.map(formatProblem).join('\n')}`);
            overlay();
          } else if (hadProblems) {
            logger.info('content problems fixed');
            server.environments.client.hot.send({ type: 'full-reload' });
          }
        };
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
        // While content has problems, every page is the list of them: never a stale page.
        server.middlewares.use((request, response, next) => {
          const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
          if (!problems.length || !wantsPage) return next();
          response.statusCode = 500;
          response.setHeader('content-type', 'text/html; charset=utf-8');
          response.end(problemsPage(problems));
        });
      },
    },
  };
}
