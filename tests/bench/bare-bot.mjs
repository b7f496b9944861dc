// A bare discord.js bot for `npm run bench discord`: the least a bot can do for the same interactions, so the bench
// can set Pump Coach's figures beside it. It logs in like Pump Coach (same intents, same REST base), and answers each
// interaction with the reply Pump Coach gave to one like it (read from BARE_REPLIES, captured by the bench): the same
// embed and buttons, rebuilt with discord.js's builders each time as a hand-written bot would. /ask is answered the
// way Pump Coach answered it (deferred then edited, or directly). Plain JavaScript, so it runs on node with no loader.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { ActionRowBuilder, Client, EmbedBuilder, Events, GatewayIntentBits } from 'discord.js';

const replies = JSON.parse(readFileSync(process.env.BARE_REPLIES ?? '', 'utf8'));

/** A reply's options for discord.js, rebuilt from the captured payload (its `data`, for a callback body). */
function rebuild(payload) {
  const data = payload?.data ?? payload ?? {};
  return {
    ...(data.content ? { content: data.content } : {}),
    embeds: (data.embeds ?? []).map((embed) => new EmbedBuilder(embed)),
    components: (data.components ?? []).map((row) => new ActionRowBuilder(row)),
    allowedMentions: { parse: [] },
    ...(data.flags ? { flags: data.flags } : {}),
  };
}

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: process.env.DISCORD_API_URL } });
client.on(Events.InteractionCreate, async (interaction) => {
  try {
    if (interaction.isChatInputCommand()) {
      const name = interaction.commandName;
      if (name === 'ask' && replies.ask?.type === 5) {
        await interaction.deferReply();
        await interaction.editReply(rebuild(replies.askEdit));
      } else await interaction.reply(rebuild(replies[name] ?? replies.help));
    } else if (interaction.isButton()) await interaction.reply(rebuild(replies.stranger));
  } catch (error) {
    process.stderr.write(`bare bot: ${error.message}\n`);
  }
});
client.once(Events.ClientReady, () => process.stderr.write('bot ready\n'));
process.once('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
