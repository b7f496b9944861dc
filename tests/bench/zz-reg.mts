import { execFileSync } from 'node:child_process';
import { startFakeDiscord } from '../fakes/fake-discord.ts';
const fake = await startFakeDiscord();
for (const guild of [fake.guildId, '']) {
  try {
    const out = execFileSync('npm', ['run', '--silent', 'register'], { env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_GUILD_ID: guild, DISCORD_API_URL: fake.apiUrl }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    console.log('OUT', out.trim());
  } catch (e: any) { console.log('ERR', e.status, e.stderr); }
}
console.log([...fake.registered.keys()]);
try { execFileSync('npm', ['run', '--silent', 'register'], { env: { ...process.env, DISCORD_TOKEN: '', DISCORD_APP_ID: '' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }); } catch (e: any) { console.log('ERR', e.status, e.stderr.replace(/npm warn[^\n]*\n/g, '')); }
await fake.close();
