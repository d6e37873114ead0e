// The delivery history: one entry a day, 30 days kept, and the last ten listed with the days a pause went on; and the
// bot's permissions in a channel, worked out as Discord does.
import { OverwriteType, PermissionFlagsBits as P, type APIRole } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { missingFrom, neededFor, permissionsIn } from '../../src/bot/channel-access.js';
import { historyLines, withEntry, type DeliveryEntry } from '../../src/news/daily-history.js';
import type { DailySettings } from '../../src/news/daily.js';

const posted = (day: string): DeliveryEntry => ({
  kind: 'posted',
  day,
  at: `${day}T00:00:05.000Z`,
  channelId: '1',
  messageId: '2',
});

describe('the history', () => {
  it('keeps one entry a day, newest first, for 30 days', () => {
    let history: DeliveryEntry[] = [];
    for (let d = 1; d <= 31; d++) history = withEntry(history, posted(`2026-10-${String(d).padStart(2, '0')}`));
    history = withEntry(history, { kind: 'skipped', day: '2026-10-31', at: 'x', reason: 'late', lateMinutes: 400 });
    expect(history).toHaveLength(30);
    expect(history[0]).toMatchObject({ kind: 'skipped', day: '2026-10-31' });
    expect(history.at(-1)?.day).toBe('2026-10-02');
  });

  it('lists the last ten days that have something to say, with every day of a pause', () => {
    const settings: DailySettings = {
      channelId: '1',
      time: '09:00',
      timezone: 'UTC',
      from: '2026-11-01',
      paused: { reason: 'channel-missing', since: '2026-11-20T09:00:05Z' },
    };
    const history = [
      { kind: 'paused', day: '2026-11-20', at: 'x', reason: 'channel-missing' } as const,
      posted('2026-11-19'),
      posted('2026-11-01'),
    ];
    const lines = historyLines(settings, history, new Date('2026-11-22T12:00:00Z'));
    expect(lines.map((line) => `${line.day} ${line.kind}`)).toEqual([
      '2026-11-22 still-paused',
      '2026-11-21 still-paused',
      '2026-11-20 paused',
      '2026-11-19 posted',
    ]);
  });
});

describe('permissions in a channel', () => {
  const guild = '10';
  const role = (id: string, permissions: bigint) => ({ id, permissions: permissions.toString() }) as APIRole;
  const everyone = role(guild, P.ViewChannel | P.SendMessages | P.EmbedLinks | P.CreatePublicThreads);

  it('takes @everyone and the member’s roles, then overwrites: @everyone’s, the roles’, the member’s', () => {
    const bot = { id: '99', roles: ['20'] };
    const roles = [everyone, role('20', P.MentionEveryone)];
    expect(permissionsIn(guild, roles, bot, []) & P.MentionEveryone).toBe(P.MentionEveryone);
    const overwrites = [
      { id: guild, type: OverwriteType.Role, allow: '0', deny: P.SendMessages.toString() },
      { id: '20', type: OverwriteType.Role, allow: P.SendMessages.toString(), deny: '0' },
      { id: '99', type: OverwriteType.Member, allow: '0', deny: P.CreatePublicThreads.toString() },
    ];
    const permissions = permissionsIn(guild, roles, bot, overwrites);
    expect(missingFrom(permissions, neededFor('thread'))).toEqual(['CreatePublicThreads']);
    expect(missingFrom(permissions, neededFor('forum'))).toEqual([]);
  });

  it('gives an administrator everything, whatever the overwrites', () => {
    const permissions = permissionsIn(guild, [everyone, role('20', P.Administrator)], { id: '99', roles: ['20'] }, [
      { id: '99', type: OverwriteType.Member, allow: '0', deny: P.ViewChannel.toString() },
    ]);
    expect(missingFrom(permissions, neededFor('thread'))).toEqual([]);
  });
});
