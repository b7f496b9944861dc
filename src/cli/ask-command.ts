/** `coach ask "<question>" [--json]`: answers from the coaching library, with Claude when ANTHROPIC_API_KEY is set. */
import { loadPlanKnowledge } from '../adapters/knowledge/load-plan-knowledge.ts';
import { answerCard } from '../commands/cards/answer-card.ts';
import { cardToText } from '../commands/cards/card-text.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { buildAnswerService } from '../main.ts';
import { USAGE_ERROR, usageError, type CliCommand } from './cli-io.ts';

/** CLI-facing messages of `coach ask`. */
export const ASK_CLI_MESSAGES = {
  usage: 'usage: coach ask "<question>" [--json]\n',
  unknownOption: (option: string) => `coach ask: unknown option ${option}`,
  problem: (message: string) => `coach ask: ${message}`,
} as const;

/** Options `coach ask` takes; every other word (a negative number included) is part of the question. */
const FLAGS = new Set(['--json', '--help', '-h']);

/** Runs `coach ask`. */
export const askCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(ASK_CLI_MESSAGES.usage);
    return 0;
  }
  const json = args.includes('--json');
  const unknown = args.find((a) => a.startsWith('--') && !FLAGS.has(a));
  if (unknown) {
    const code = usageError(io, ASK_CLI_MESSAGES.unknownOption(unknown));
    io.stderr(ASK_CLI_MESSAGES.usage);
    return code;
  }
  const question = args.filter((a) => a !== '--json').join(' ');
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`${error.message}\n`);
    return USAGE_ERROR;
  }
  // The same answer service, timeout and retries as the bot's.
  const service = await buildAnswerService(config, loadPlanKnowledge().library);
  const result = await service.ask(question);
  if (result.kind === 'invalid') {
    const code = usageError(io, ASK_CLI_MESSAGES.problem(result.message));
    io.stderr(ASK_CLI_MESSAGES.usage);
    return code;
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
