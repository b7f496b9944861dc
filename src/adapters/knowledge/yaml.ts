/**
 * YAML parsing for the knowledge loaders, with the parser loaded on first use: the compiled code reads the build's
 * knowledge snapshot and never parses YAML, so it should not pay for loading the parser (a tenth of a CLI start).
 * js-yaml with its core schema (YAML 1.2: `yes` and dates stay text): it reads training-rules.yaml cold in a fifth
 * of the time the `yaml` package took, which was half of a first load of the knowledge from source.
 */
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

type YamlModule = typeof JsYaml;
let yaml: YamlModule | undefined;

/** Parses YAML text (duplicate keys are an error), loading js-yaml the first time it is called. */
export function parseYaml(source: string): unknown {
  yaml ??= createRequire(import.meta.url)('js-yaml') as YamlModule;
  return yaml.load(source, { schema: yaml.CORE_SCHEMA });
}
