/** `coach ask "<question>" [--json]`: answers from the coaching library, with Claude when ANTHROPIC_API_KEY is set. */
import { createClaudeAnswerer } from '../adapters/anthropic/claude-answerer.ts';
import { loadLibrary } from '../adapters/knowledge/load-library.ts';
import { createMinisearchRetriever } from '../adapters/knowledge/minisearch-retriever.ts';
import { loadPrompt } from '../adapters/prompts/load-prompt.ts';
import { answerCard } from '../app/answer-card.ts';
import { createAnswerService } from '../app/answer-question.ts';
import { cardToText } from '../app/card.ts';
import { DEFAULT_ANTHROPIC_MODEL } from '../config.ts';
import { USAGE_ERROR, type CliCommand } from './cli-io.ts';

/** CLI-facing messages of `coach ask`. */
export const ASK_CLI_MESSAGES = {
  usage: 'usage: coach ask "<question>" [--json]\n',
  unknownOption: (option: string) => `coach ask: unknown option ${option}\n`,
  problem: (message: string) => `coach ask: ${message}\n`,
} as const;

/** Runs `coach ask`. */
export const askCommand: CliCommand = async (args, io) => {
  const json = args.includes('--json');
  const unknown = args.find((a) => a.startsWith('--') && a !== '--json');
  if (unknown) {
    io.stderr(`${ASK_CLI_MESSAGES.unknownOption(unknown)}${ASK_CLI_MESSAGES.usage}`);
    return USAGE_ERROR;
  }
  const question = args.filter((a) => a !== '--json').join(' ');
  const library = loadLibrary();
  const apiKey = io.env.ANTHROPIC_API_KEY?.trim();
  const claude = apiKey
    ? createClaudeAnswerer({
        apiKey,
        model: io.env.ANTHROPIC_MODEL?.trim() || DEFAULT_ANTHROPIC_MODEL,
        // Timeout and retries: the answerer's defaults, sized for a person waiting at a terminal.
        systemPrompt: loadPrompt('answer-system'),
      })
    : null;
  const service = createAnswerService({ library, retriever: createMinisearchRetriever(library), claude });
  const result = await service.ask(question);
  if (result.kind === 'invalid') {
    io.stderr(`${ASK_CLI_MESSAGES.problem(result.message)}${ASK_CLI_MESSAGES.usage}`);
    return USAGE_ERROR;
  }
  const { answer } = result;
  if (json) {
    const doc = {
      question: answer.question,
      mode: answer.mode,
      abstained: answer.abstained,
      answer: answer.answer,
      citations: answer.citations.map(({ n, passageId, source, quote }) => ({ n, passageId, source, quote })),
      ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(cardToText(answerCard(answer)));
  }
  return 0;
};
