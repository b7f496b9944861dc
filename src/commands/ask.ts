/** /ask and bot mentions: a cited answer from the library, 👍/👎 votes, and a per-member rate limit. */
import { MAX_QUESTION_LENGTH, type Answer } from '../core/answer-types.ts';
import { stripMentions } from '../core/text-analysis.ts';
import type { AskResult } from '../app/answer-question.ts';
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

/** The reply to an ask: the answer card, or why the question was not processed. */
function askReply(result: AskResult, answerId: string): Reply {
  return result.kind === 'invalid' ? { text: askText.invalid(result.message) } : answerReply(result.answer, answerId);
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
    // An answer from the library is ready in well under a millisecond: it is the first response, with no "thinking…".
    const now = services.answers.answerNow(question);
    if (now) {
      await ctx.reply(askReply(now, ctx.id));
      return;
    }
    // Claude will answer: acknowledge inside Discord's 3 seconds, as Claude may take longer.
    await ctx.defer();
    await ctx.edit(askReply(await services.answers.ask(question), ctx.id));
  },
  async onMention(ctx, services) {
    const problem = questionProblem(ctx.text) ?? (await rateLimited(services, ctx.member.id));
    if (problem) {
      await ctx.reply({ text: problem === askText.empty ? askText.mentionHint : problem });
      return;
    }
    let result = services.answers.answerNow(ctx.text);
    if (!result) {
      // Claude is working: the channel shows the bot typing meanwhile (a failure to show it is no reason not to answer).
      void ctx.typing().catch(() => undefined);
      result = await services.answers.ask(ctx.text);
    }
    await ctx.reply(askReply(result, ctx.id));
  },
  components: {
    async vote(ctx, services, state) {
      const [value, mode, answerId = ''] = state.split(':');
      if ((value !== 'up' && value !== 'down') || !answerId) {
        await ctx.reply({ text: commonText.unknownComponent, ephemeral: true });
        return;
      }
      await services.votes.cast({ answerId, memberId: ctx.member.id, value, mode: mode === 'c' ? 'claude' : 'offline' });
      await ctx.reply({ text: askText.voteThanks(value), ephemeral: true });
    },
  },
};
