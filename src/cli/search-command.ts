/** `coach search "<question>" [--k N] [--json]`: the passages retrieval ranks for a question, best first. */
import { loadPlanKnowledge } from '../adapters/knowledge/load-plan-knowledge.ts';
import { createMinisearchRetriever } from '../adapters/knowledge/minisearch-retriever.ts';
import { USAGE_ERROR, type CliCommand } from './cli-io.ts';

/** CLI-facing messages of `coach search`. */
export const SEARCH_CLI_MESSAGES = {
  usage: 'usage: coach search "<question>" [--k N] [--json]\n',
  badK: (value: string) => `--k must be a whole number from 1 to 100 (got "${value}")`,
  unknownOption: (option: string) => `unknown option ${option}`,
  noQuery: 'give a question to search for',
  problem: (problem: string) => `coach search: ${problem}\n`,
  nothing: 'Nothing in the coaching library covers that question.\n',
} as const;
/** Passages shown when --k is not given. @default 5 */
export const DEFAULT_K = 5;

/** Parsed `search` arguments, or a usage problem. */
function parseSearchArgs(args: string[]): { query: string; k: number; json: boolean } | { error: string } {
  let k = DEFAULT_K;
  let json = false;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--k' || arg.startsWith('--k=')) {
      const value = arg === '--k' ? args[++i] : arg.slice(4);
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 100) return { error: SEARCH_CLI_MESSAGES.badK(value ?? '') };
      k = n;
    } else if (arg.startsWith('--')) return { error: SEARCH_CLI_MESSAGES.unknownOption(arg) };
    else words.push(arg);
  }
  const query = words.join(' ').trim();
  if (!query) return { error: SEARCH_CLI_MESSAGES.noQuery };
  return { query, k, json };
}

/** Runs `coach search`. */
export const searchCommand: CliCommand = async (args, io) => {
  const parsed = parseSearchArgs(args);
  if ('error' in parsed) {
    io.stderr(`${SEARCH_CLI_MESSAGES.problem(parsed.error)}${SEARCH_CLI_MESSAGES.usage}`);
    return USAGE_ERROR;
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
