/** `coach search "<question>" [--k N] [--json]`: the passages retrieval ranks for a question, best first. */
import { loadPlanKnowledge } from '../adapters/knowledge/load-plan-knowledge.ts';
import { createMinisearchRetriever } from '../adapters/knowledge/minisearch-retriever.ts';
import { decimalInteger, usageError, type CliCommand } from './cli-io.ts';
import { listOptions, parseOptions } from './cli-args.ts';

const OPTIONS = {
  k: { type: 'string', short: 'k' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** CLI-facing messages of `coach search`. */
export const SEARCH_CLI_MESSAGES = {
  usage: 'usage: coach search "<question>" [--k N | -k N] [--json]\n',
  badK: (value: string) => `--k must be a whole number from 1 to 100 (got "${value}")`,
  badOption: (detail: string) => `${detail}; valid options: ${listOptions(OPTIONS)}`,
  noQuery: 'give a question to search for',
  problem: (problem: string) => `coach search: ${problem}`,
  nothing: 'Nothing in the coaching library covers that question.\n',
} as const;
/** Passages shown when --k is not given. @default 5 */
export const DEFAULT_K = 5;

/** Parsed `search` arguments, or a usage problem. */
function parseSearchArgs(args: string[]): { query: string; k: number; json: boolean; help: boolean } | { error: string } {
  const parsed = parseOptions(args, OPTIONS);
  if (!parsed.ok) return { error: SEARCH_CLI_MESSAGES.badOption(parsed.problem) };
  const { values, positionals } = parsed;
  let k = DEFAULT_K;
  if (values.k !== undefined) {
    const n = decimalInteger(values.k);
    if (n === undefined || n < 1 || n > 100) return { error: SEARCH_CLI_MESSAGES.badK(values.k) };
    k = n;
  }
  const query = positionals.join(' ').trim();
  if (!query && !values.help) return { error: SEARCH_CLI_MESSAGES.noQuery };
  return { query, k, json: values.json ?? false, help: values.help ?? false };
}

/** Runs `coach search`. */
export const searchCommand: CliCommand = async (args, io) => {
  const parsed = parseSearchArgs(args);
  if ('error' in parsed) {
    const code = usageError(io, SEARCH_CLI_MESSAGES.problem(parsed.error));
    io.stderr(SEARCH_CLI_MESSAGES.usage);
    return code;
  }
  if (parsed.help) {
    io.stdout(SEARCH_CLI_MESSAGES.usage);
    return 0;
  }
  const library = loadPlanKnowledge().library;
  const results = createMinisearchRetriever(library).search(parsed.query, parsed.k);
  if (parsed.json) {
    const passages = results.map(({ passage, score }) => ({
      passageId: passage.id,
      doc: passage.docTitle,
      heading: passage.heading,
      text: passage.text,
      score: Math.round(score * 1000) / 1000,
    }));
    io.stdout(`${JSON.stringify({ query: parsed.query, passages }, null, 2)}\n`);
    return 0;
  }
  if (results.length === 0) {
    io.stdout(SEARCH_CLI_MESSAGES.nothing);
    return 0;
  }
  for (const [i, { passage, score }] of results.entries()) {
    io.stdout(`${i + 1}. ${passage.id}  (${score.toFixed(2)})\n   ${passage.docTitle} — ${passage.heading}\n   ${passage.text.slice(0, 160)}${passage.text.length > 160 ? '…' : ''}\n`);
  }
  return 0;
};
