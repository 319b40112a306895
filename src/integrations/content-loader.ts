/**
 * Astro's glob loader, with two changes that keep content honest: ids are the file paths
 * exactly (no silent slugifying), and frontmatter is re-read with our YAML reader so that
 * dates keep the precision and offset their editor wrote (Astro's js-yaml would turn an
 * unquoted 2017-05-05T20:35+02:00 into a Date and lose the +02:00).
 *
 * Translations (`<slug>.fr.mdx`, `<id>.fr.yaml`) are left out of the originals' collections
 * and loaded by translationLoader() into their own, with ids "fr/<original-id>".
 */
import { relative } from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { parseMdxSource, parseYamlSource } from '../lib/content/frontmatter.ts';
import { readContentSource } from '../lib/content/source-file.ts';
import { COLLECTIONS, CONTENT_DIR, classifyEntryPath, collectionPatterns, type CollectionName } from '../lib/content/layout.ts';
import { translationId } from '../lib/content/translations.ts';

type LoadContext = Parameters<Loader['load']>[0];

function loader(collection: CollectionName, kind: 'original' | 'translation'): Loader {
  const { dir, extension } = COLLECTIONS[collection];
  const base = `./${CONTENT_DIR}/${dir}`;
  const patterns = collectionPatterns(collection);
  const inner = glob({
    base,
    // Every original-named file is matched, so that a misnamed one fails loudly instead of vanishing.
    pattern: kind === 'original' ? patterns.originals : patterns.translations,
    generateId: ({ entry }) => {
      const path = classifyEntryPath(collection, entry);
      if (!path.ok) throw new Error(`${CONTENT_DIR}/${dir}/${entry}: ${path.message}`);
      if (path.kind !== kind) throw new Error(`${CONTENT_DIR}/${dir}/${entry}: not an ${kind} file`);
      return path.kind === 'translation' ? translationId(path.id, path.lang) : path.id;
    },
  });
  return {
    name: `election-timeline-${collection}${kind === 'translation' ? '-translations' : ''}`,
    load: (context: LoadContext) =>
      inner.load({
        ...context,
        // Having no translation yet is normal: no warning that the pattern matched nothing.
        logger: kind === 'translation' ? quietWhenEmpty(context.logger) : context.logger,
        parseData: async (props) => {
          // Read and split exactly as the validator does: same bytes (UTF-8 only, no
          // symlinks), same frontmatter function as the MDX compiler, same YAML rules.
          const file = relative(process.cwd(), props.filePath!);
          const source = readContentSource(props.filePath!);
          if (!source.ok) throw new Error(`${file}:${source.position.line}:${source.position.column}  file: this file ${source.message}`);
          const parsed = extension === '.yaml' ? parseYamlSource(source.text) : parseMdxSource(source.text);
          if (parsed.syntaxErrors.length) {
            const { position, message } = parsed.syntaxErrors[0];
            throw new Error(`${file}:${position.line}:${position.column}  frontmatter: ${message}`);
          }
          return context.parseData({ ...props, data: (parsed.data ?? {}) as typeof props.data });
        },
      }),
  };
}

/** The loader's logger, without the glob loader's "No files found matching" warning. */
function quietWhenEmpty(logger: LoadContext['logger']): LoadContext['logger'] {
  const quiet = Object.create(logger) as LoadContext['logger'];
  quiet.warn = (message: string) => {
    if (!message.startsWith('No files found matching')) logger.warn(message);
  };
  return quiet;
}

/** The originals of a collection (every file but translations). */
export function contentLoader(collection: CollectionName): Loader {
  return loader(collection, 'original');
}

/** The translations of a collection's entries, ids "fr/<original-id>". */
export function translationLoader(collection: CollectionName): Loader {
  return loader(collection, 'translation');
}
