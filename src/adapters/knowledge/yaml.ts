/**
 * YAML parsing for the knowledge loaders, with the parser loaded on first use: the compiled code reads the build's
 * knowledge snapshot and never parses YAML, so it should not pay for loading the parser (a tenth of a CLI start).
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

type YamlModule = typeof Yaml;
let yaml: YamlModule | undefined;

/** `yaml`'s parse, loading the package the first time it is called. */
export function parseYaml(source: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yaml.parse(source);
}
