/**
 * An Astro integration that validates all content before a build and stops it on any
 * problem, printing every one (Astro alone stops at the first bad file, and only logs
 * references to missing entries).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatProblem, githubAnnotation } from './problems.ts';
import { validateContent } from './validate-content.ts';

export function contentValidation(): AstroIntegration {
  return {
    name: 'election-timeline:content-validation',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command === 'preview') return;
        const report = validateContent(fileURLToPath(config.root));
        if (!report.problems.length) return;
        const lines = report.problems.map(formatProblem).join('\n');
        if (process.env.GITHUB_ACTIONS === 'true') console.log(report.problems.map(githubAnnotation).join('\n'));
        const summary = `${report.problems.length} content problem${report.problems.length === 1 ? '' : 's'}`;
        logger.error(`${summary}:\n${lines}`);
        // The list is logged above; the error stays short so Astro does not misread a line of it as the location.
        if (command === 'build') throw new Error(`${summary}; the site was not built. Run \`npm run validate\` to list them.`);
      },
    },
  };
}
