// Where attache's memory goes with many servers: discord.js builds a Guild stub for every server listed in READY,
// even with no intents. attache's client drops them once the shard is ready; this measures what they cost on the
// way (peak heap) and after (heap after GC), as the client is now and with READY's guild list emptied before
// discord.js reads it (a Raw listener), which would avoid building them at all.
// Run: node --expose-gc dist/bench/guild-cache.js [servers]
import { Events } from 'discord.js';
import { createClient } from '../src/bot/client.js';
import { FakeDiscord } from '../src/harness/index.js';

const servers = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const mb = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;

function heapAfterGc(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

interface Variant {
  trimReady: boolean;
  cachedGuildsAtReady: number;
  peakHeapGrowthMb: number;
  heapGrowthAfterGcMb: number;
}

async function measure(trimReady: boolean): Promise<Variant> {
  const discord = await FakeDiscord.start({ guilds: servers, strict: false });
  const before = heapAfterGc();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const client = createClient({ DISCORD_API_URL: discord.apiUrl });
  if (trimReady) {
    client.on(Events.Raw, (packet: { t?: string; d?: { guilds?: unknown[] } }) => {
      if (packet.t === 'READY' && packet.d) packet.d.guilds = [];
    });
  }
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.token);
  await ready;
  clearInterval(sampler);
  const result = {
    trimReady,
    cachedGuildsAtReady: client.guilds.cache.size,
    peakHeapGrowthMb: mb(peak - before),
    heapGrowthAfterGcMb: mb(heapAfterGc() - before),
  };
  await client.destroy();
  await discord.close();
  return result;
}

console.log(JSON.stringify({ servers, variants: [await measure(false), await measure(true)] }));
process.exit(0);
