/**
 * The part of js-yaml (Astro's YAML reader, which the build runs on every content file) that
 * lib/content/plain-yaml.ts uses. js-yaml ships no types.
 */
declare module 'js-yaml' {
  export interface Schema {
    readonly __schema: unique symbol;
  }
  export const FAILSAFE_SCHEMA: Schema;
  export const CORE_SCHEMA: Schema;
  export const DEFAULT_SCHEMA: Schema;
  export interface LoadOptions {
    filename?: string;
    schema?: Schema;
    json?: boolean;
    /** Called when the parser opens and closes each node, with its state. */
    listener?: (
      event: 'open' | 'close',
      state: { kind: string | null; tag: string | null; result: unknown; position: number; line: number },
    ) => void;
  }
  export function load(text: string, options?: LoadOptions): unknown;
}
