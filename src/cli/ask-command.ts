/** `coach ask "<question>" [--json]`: answers from the coaching library, with Claude when ANTHROPIC_API_KEY is set. */
import { createClaudeAnswerer } from '../adapters/anthropic/claude-answerer.ts';
import { loadLibrary } from '../adapters/knowledge/load-library.ts';
import { createMinisearchRetriever } from '../adapters/knowledge/minisearch-retriever.ts';
import { loadPrompt } from '../adapters/prompts/load-prompt.ts';
import { answerCard } from '../app/answer-card.ts';
import { createAnswerService } from '../app/answer-question.ts';
import { cardToText } from '../app/card.ts';
import { USAGE_ERROR, type CliCommand } from './cli-io.ts';

const USAGE = 'usage: coach ask "<question>" [--json]\n';
/** Model used when ANTHROPIC_MODEL is not set. */
export const DEFAULT_MODEL = 'claude-haiku-5-5';
/** A chat user waits seconds, not minutes. */
const TIMEOUT_MS = 8000;
const MAX_RETRIES = 2;

/** Runs `coach ask`. */
export const askCommand: CliCommand = async (args, io) => {
  const json = args.includes('--json');
  const unknown = args.find((a) => a.startsWith('--') && a !== '--json');
  if (unknown) {
    io.stderr(`coach ask: unknown option ${unknown}\n${USAGE}`);
    return USAGE_ERROR;
  }
  const question = args.filter((a) => a !== '--json').join(' ');
  const library = loadLibrary();
  const apiKey = io.env.ANTHROPIC_API_KEY?.trim();
  const claude = apiKey
    ? createClaudeAnswerer({
        apiKey,
        model: io.env.ANTHROPIC_MODEL?.trim() || DEFAULT_MODEL,
        timeoutMs: TIMEOUT_MS,
        maxRetries: MAX_RETRIES,
        systemPrompt: loadPrompt('answer-system'),
      })
    : null;
  const service = createAnswerService({ library, retriever: createMinisearchRetriever(library), claude });
  const result = await service.ask(question);
  if (result.kind === 'invalid') {
    io.stderr(`coach ask: ${result.message}\n${USAGE}`);
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
