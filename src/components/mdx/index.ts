import type { MdxComponentName } from '../../lib/mdx-components.ts';
import Aside from './Aside.astro';
import Quote from './Quote.astro';

/** The components every MDX body may use without an import; keys match MDX_COMPONENTS. */
export const mdxComponents: Record<MdxComponentName, unknown> = { Quote, Aside };
