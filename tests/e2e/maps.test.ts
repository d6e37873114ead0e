// The maps of /country and /relations, through the fake Discord: the PNG is uploaded as Discord expects
// (multipart, referenced by the embed), and its pixels say the right things about known countries.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { APIAttachment } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import type { InteractionResult } from '../../src/harness/index.js';
import { dataDir, projectRoot } from '../../src/paths.js';
import { loadAtlas, type Atlas } from '../../src/render/map/atlas.js';
import {
  legendBoxes,
  mapFont,
  pairMapLayout,
  projectionFor,
  registerMapFont,
  worldMapLayout,
} from '../../src/render/map/draw.js';
import { mapColors, mapWords } from '../../src/render/map/palette.js';
import { mapCountries, mapStatuses, worldMapRequest, type MapStatus } from '../../src/render/map/request.js';
import { startWorld, type World } from './world.js';

let world: World;
let atlas: Atlas;
const facts = loadFacts(dataDir);
beforeAll(async () => {
  world = await startWorld();
  atlas = loadAtlas(mapCountries(facts.countries));
});
afterAll(() => world?.close());

/** The answer's map, once it is there (at once, or edited in when it was not ready in time). */
async function mapOf(result: InteractionResult): Promise<{ attachment: APIAttachment; png: Buffer }> {
  await world.discord.waitFor(() => result.message.attachments.length > 0, 15_000);
  const attachment = result.message.attachments[0]!;
  const png = world.discord.attachmentData(attachment);
  if (!png) throw new Error('the fake kept no bytes for the attachment');
  return { attachment, png };
}

interface Picture {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

async function decode(png: Buffer): Promise<Picture> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return {
    width: image.width,
    height: image.height,
    rgb: (x, y) => {
      const i = (Math.round(y) * image.width + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

const hex = (color: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
const near = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 6);

/**
 * Whether a state's marker or main land has that colour on a map of that layout: some pixel within 2 of its point
 * (a small shape's middle pixel may be blended with a border).
 */
function hasColour(
  picture: Picture,
  layout: typeof worldMapLayout | typeof pairMapLayout,
  code: string,
  color: string,
) {
  const point = atlas.points.get(code)!;
  const [x, y] = projectionFor(layout)(point as [number, number])!;
  for (let dx = -2; dx <= 2; dx++)
    for (let dy = -2; dy <= 2; dy++) if (near(picture.rgb(x + dx, y + dy), hex(color))) return true;
  return false;
}

function saveExample(name: string, png: Buffer): void {
  mkdirSync(join(projectRoot, 'var'), { recursive: true });
  writeFileSync(join(projectRoot, 'var', name), png);
}

describe('/country map', () => {
  it('South Korea: a PNG the embed shows, Syria and Japan established, North Korea none, Taiwan severed', async () => {
    const result = await world.discord.slash('/country country:South Korea');
    const { attachment, png } = await mapOf(result);
    expect(attachment).toMatchObject({ filename: 'map.png', content_type: 'image/png' });
    expect(attachment.description).toBe("World map of South Korea's diplomatic relations, coloured by status");
    expect(result.message.embeds[0]?.image?.url).toBe('attachment://map.png');
    expect(result.message.embeds[0]?.title).toContain('South Korea');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    saveExample('country-KR-en.png', png);

    const map = await decode(png);
    expect([map.width, map.height]).toEqual([worldMapLayout.width, worldMapLayout.height]);
    const at = (code: string, color: string) => hasColour(map, worldMapLayout, code, color);
    expect(at('KR', mapColors.subject), 'KR').toBe(true);
    expect(at('SY', mapColors.established), 'SY').toBe(true);
    expect(at('JP', mapColors.established), 'JP').toBe(true);
    expect(at('KP', mapColors.none), 'KP').toBe(true);
    expect(at('TW', mapColors.broken), 'TW').toBe(true);
    // Too small for the atlas's shapes: a marker at its point.
    expect(at('TV', mapColors.established), 'TV').toBe(true);
    expect(at('VA', mapColors.established), 'VA').toBe(true);
  });

  it('North Korea: Malaysia severed; the legend in Korean for a Korean reader', async () => {
    const result = await world.discord.slash('/country country:North Korea', { locale: 'ko' });
    const { attachment, png } = await mapOf(result);
    expect(attachment.description).toBe('북한의 외교 관계를 상태별 색으로 나타낸 세계 지도');
    saveExample('country-KP-ko.png', png);
    const map = await decode(png);
    expect(hasColour(map, worldMapLayout, 'MY', mapColors.broken), 'MY').toBe(true);
    expect(hasColour(map, worldMapLayout, 'KR', mapColors.none), 'KR').toBe(true);

    // The swatches sit where the Korean labels, measured in the shipped font, put them, and each label has ink.
    registerMapFont();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = `13px "${mapFont}"`;
    const words = mapWords.ko;
    const request = worldMapRequest(facts, facts.country('KP')!, 'ko');
    const count = (status: MapStatus) => Object.values(request.statuses).filter((s) => s === status).length;
    const entries = [
      { label: '북한', color: mapColors.subject },
      ...mapStatuses.map((status) => ({ label: words.status[status](count(status)), color: mapColors[status] })),
      { label: words.notOurs, color: mapColors.notOurs },
    ];
    const widths = entries.map((entry) => ctx.measureText(entry.label).width);
    expect(widths.every((width) => width > 20)).toBe(true);
    const boxes = legendBoxes(worldMapLayout, widths);
    entries.forEach((entry, index) => {
      const box = boxes[index]!;
      expect(map.rgb(box.x + box.size / 2, box.y + box.size / 2), entry.label).toSatisfy((c: number[]) =>
        near(c, hex(entry.color)),
      );
      let ink = 0;
      for (let x = box.x + box.size + 6; x < box.x + box.size + 6 + widths[index]!; x++)
        for (let y = box.y - 2; y < box.y + box.size + 2; y++) if (map.rgb(x, y)[0] < 110) ink++;
      expect(ink, entry.label).toBeGreaterThan(widths[index]! / 2);
    });
  });

  it('a state without relations data on the map is not one of ours: Somaliland and Antarctica are grey', async () => {
    const { png } = await mapOf(await world.discord.slash('/country country:France'));
    const map = await decode(png);
    const project = projectionFor(worldMapLayout);
    const [x, y] = project([46, 9.5])!; // Somaliland, a shape of the atlas without a code
    expect(map.rgb(x, y)).toSatisfy((c: number[]) => near(c, hex(mapColors.notOurs)));
    const [ax, ay] = project([0, -82])!;
    expect(map.rgb(ax, ay)).toSatisfy((c: number[]) => near(c, hex(mapColors.notOurs)));
  });
});

describe('/relations map', () => {
  it('South Korea and Syria highlighted, each in its colour; in Korean for a Korean reader', async () => {
    const result = await world.discord.slash('/relations country:Syria', { locale: 'ko' });
    const { attachment, png } = await mapOf(result);
    expect(result.message.embeds[0]?.image?.url).toBe('attachment://map.png');
    expect(result.message.embeds[0]?.title).toContain('🇰🇷');
    expect(result.message.embeds[0]?.title).toContain('🇸🇾');
    expect(attachment.description).toBe('대한민국과 시리아를 표시한 세계 지도');
    saveExample('relations-KR-SY-ko.png', png);
    const map = await decode(png);
    expect([map.width, map.height]).toEqual([pairMapLayout.width, pairMapLayout.height]);
    expect(hasColour(map, pairMapLayout, 'KR', mapColors.subject), 'KR').toBe(true);
    expect(hasColour(map, pairMapLayout, 'SY', mapColors.partner), 'SY').toBe(true);
    expect(hasColour(map, pairMapLayout, 'BR', mapColors.notOurs), 'BR').toBe(true);
  });

  it('a repeated question is answered from the cache', async () => {
    const renderer = world.bot.services.maps as { drawn: number } | undefined;
    await mapOf(await world.discord.slash('/relations country:France with:Germany'));
    const drawn = renderer!.drawn;
    const again = await world.discord.slash('/relations country:France with:Germany');
    await mapOf(again);
    expect(renderer!.drawn).toBe(drawn);
  });
});

describe('a map never costs the answer', () => {
  /** A map maker the test controls: it fails, or holds each map until the test lets it go. */
  const maker = {
    mode: 'fail' as 'fail' | 'hold',
    held: [] as (() => void)[],
    async render(): Promise<Buffer> {
      if (this.mode === 'fail') throw new Error('the canvas is out of paint');
      await new Promise<void>((resolve) => this.held.push(resolve));
      return createCanvas(8, 8).encode('png');
    },
    async close() {},
  };
  let own: World;
  beforeAll(async () => {
    own = await startWorld({ maps: maker });
  });
  afterAll(() => own?.close());

  it('a map that fails: the text answer goes out, and the log says why', async () => {
    maker.mode = 'fail';
    const result = await own.discord.slash('/country country:Japan');
    expect(result.ephemeral).toBe(false);
    expect(result.data.embeds?.[0]?.title).toContain('Japan');
    expect(result.message.attachments).toEqual([]);
    expect(result.message.embeds[0]?.image).toBeUndefined();
    expect(own.logs.some((line) => line.includes('the canvas is out of paint'))).toBe(true);
  });

  it('a map not ready in time: the answer first, the map edited into it when it comes', async () => {
    maker.mode = 'hold';
    const result = await own.discord.slash('/relations country:Cuba');
    expect(result.data.embeds?.[0]?.title).toContain('Cuba');
    expect(result.message.attachments).toEqual([]);
    await own.discord.waitFor(() => maker.held.length > 0);
    for (const release of maker.held.splice(0)) release();
    await own.discord.waitFor(() => result.message.attachments.length > 0);
    expect(result.message.embeds[0]?.image?.url).toBe('attachment://map.png');
    expect(result.message.embeds[0]?.title).toContain('Cuba');
    expect(result.message.components?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('MAPS=off', () => {
  let plain: World;
  beforeAll(async () => {
    plain = await startWorld({ env: { MAPS: 'off' } });
  });
  afterAll(() => plain?.close());

  it('answers /country and /relations without a map, and never starts a renderer', async () => {
    expect(plain.bot.services.maps).toBeUndefined();
    for (const command of ['/country country:Japan', '/relations country:Cuba']) {
      const result = await plain.discord.slash(command);
      expect(result.data.embeds?.[0]?.title).toBeTruthy();
      expect(result.message.attachments).toEqual([]);
      expect(result.message.embeds[0]?.image).toBeUndefined();
    }
  });
});
