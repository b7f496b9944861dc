/** /ask and bot mentions: a cited answer from the library, 👍/👎 votes, and a per-member rate limit. */
import { MAX_QUESTION_LENGTH, type Answer } from '../core/answer-types.ts';
import type { AskResult } from '../app/answer-question.ts';
import { stripMentions } from '../core/text-analysis.ts';
import { minutesToWait } from '../app/rate-limit.ts';
import { answerCard } from './cards/answer-card.ts';
import { customId, type Command, type CommandSpec, type Reply } from './command-kit.ts';
import { askText, commonText } from './messages.ts';
import type { CommandServices } from './services.ts';

const NAME = 'ask';

const spec: CommandSpec = {
  name: NAME,
  description: askText.description,
  options: [{ name: 'question', description: askText.question, type: 'string', required: true, maxLength: MAX_QUESTION_LENGTH }],
};

/** The answer card with its vote buttons; the answer's id and answerer ride in the button ids. */
function answerReply(answer: Answer, answerId: string): Reply {
  const mode = answer.mode === 'claude' ? 'c' : 'o';
  return {
    card: {
      ...answerCard(answer),
      actions: [
        { id: customId(NAME, 'vote', `up:${mode}:${answerId}`), label: askText.upButton },
        { id: customId(NAME, 'vote', `down:${mode}:${answerId}`), label: askText.downButton },
      ],
    },
  };
}

/**
 * A problem with the question itself, found before it costs the member a rate-limit slot or a public "thinking…":
 * the answer service drops mention markup, so a question that is only "@everyone" is empty here too.
 */
function questionProblem(question: string): string | null {
  if (!stripMentions(question)) return askText.empty;
  if (question.length > MAX_QUESTION_LENGTH) return askText.tooLong(MAX_QUESTION_LENGTH);
  return null;
}

/** Takes one rate-limit slot; the "try again" text when the member has none left. */
async function rateLimited(services: CommandServices, memberId: string): Promise<string | null> {
  const decision = await services.askLimiter.take(memberId);
  return decision.allowed ? null : askText.rateLimited(minutesToWait(decision.retryAfterMs), services.askPolicy.limit, services.askPolicy.windowMinutes);
}

/** The reply for a finished answer; the answer is remembered (beside sending it) so votes on it are taken. */
function finished(result: AskResult, answerId: string, services: CommandServices): { reply: Reply; remembered: Promise<void> } {
  if (result.kind === 'invalid') return { reply: { text: askText.invalid(result.message) }, remembered: Promise.resolve() };
  // A failure to remember only costs the votes on this answer: the member still gets it.
  const remembered = services.votes.shown(answerId, result.answer.mode).catch((error: unknown) => services.log.warn({ err: error, answerId }, 'could not remember an answer for its votes'));
  return { reply: answerReply(result.answer, answerId), remembered };
}

/** The /ask command, plus answers to mentions. */
export const ask: Command = {
  data: spec,
  async execute(ctx, services) {
    const question = ctx.options.string('question') ?? '';
    const problem = questionProblem(question) ?? (await rateLimited(services, ctx.member.id));
    if (problem) {
      await ctx.reply({ text: problem, ephemeral: true });
      return;
    }
    // An offline answer is ready at once and goes out as the first response; Claude may take seconds, so the
    // interaction is acknowledged ("thinking…") first and the answer edited in.
    const started = services.answers.start(question);
    if (started.kind === 'writing') await ctx.defer();
    const { reply, remembered } = finished(await started.result, ctx.id, services);
    await (started.kind === 'writing' ? ctx.edit(reply) : ctx.reply(reply));
    await remembered;
  },
  async onMention(ctx, services) {
    const problem = questionProblem(ctx.text) ?? (await rateLimited(services, ctx.member.id));
    if (problem) {
      await ctx.reply({ text: problem === askText.empty ? askText.mentionHint : problem });
      return;
    }
    const started = services.answers.start(ctx.text);
    // While Claude writes, the channel shows the bot typing.
    const stopWorking = started.kind === 'writing' ? ctx.working() : () => undefined;
    let result: AskResult;
    try {
      result = await started.result;
    } finally {
      stopWorking();
    }
    const { reply, remembered } = finished(result, ctx.id, services);
    await ctx.reply(reply);
    await remembered;
  },
  components: {
    async vote(ctx, services, state) {
      const [value, , answerId = ''] = state.split(':');
      if ((value !== 'up' && value !== 'down') || !answerId) {
        await ctx.reply({ text: commonText.unknownComponent, ephemeral: true });
        return;
      }
      const outcome = await services.votes.cast({ answerId, memberId: ctx.member.id, value });
      await ctx.reply({ text: outcome.kind === 'recorded' ? askText.voteThanks(value) : askText.voteUnknown, ephemeral: true });
    },
  },
};
