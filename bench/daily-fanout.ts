// How long 1,000 servers due at the same minute take to get their daily post, through the fake Discord with
// Discord's global rate limit (50 requests a second), and whether each got exactly one. Also part of `npm run bench`.
// Run: npx tsx bench/daily-fanout.ts [servers]
import { dailyFanout } from './fanout.js';

console.log(JSON.stringify(await dailyFanout(Number(process.argv[2] ?? 1000))));
