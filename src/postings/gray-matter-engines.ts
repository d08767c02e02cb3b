/**
 * Replacement for gray-matter's `lib/engines.js`, swapped in by a `resolve.alias`
 * in wxt.config.ts and vitest.config.ts.
 *
 * The original pulls in js-yaml 3 (whose `!!js/function` type uses `new Function`)
 * and a `javascript` engine built on a direct `eval`. Neither may ship in an
 * extension. Here YAML goes through the `yaml` package (no code evaluation) and
 * there is no JavaScript engine at all: a `---js` front matter then fails with
 * gray-matter's own "engine is not registered" error.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

export interface FrontMatterEngine {
  parse: (source: string, options?: unknown) => unknown;
  stringify: (data: unknown, options?: unknown) => string;
}

/**
 * YAML as gray-matter's js-yaml read it: the YAML 1.2 core schema plus timestamps
 * (dates become `Date` objects; `yes` stays a string). Throws on invalid YAML.
 */
export const yaml: FrontMatterEngine = {
  parse: (source) => parseYaml(source, { customTags: ['timestamp'], logLevel: 'error' }) as unknown,
  stringify: (data) => stringifyYaml(data, { customTags: ['timestamp'] }),
};

export const json: FrontMatterEngine = {
  parse: (source) => JSON.parse(source) as unknown,
  stringify: (data, options) => {
    const space = (options as { space?: number } | undefined)?.space ?? 2;
    return JSON.stringify(data, null, space);
  },
};
