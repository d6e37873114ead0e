// The maps' data and logic without drawing: numeric codes, points for small states, statuses, cache keys, layout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoDistance } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it, vi } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { dataDir } from '../../src/paths.js';
import { loadAtlas } from '../../src/render/map/atlas.js';
import { legendBoxes, pairMapLayout, projectionFor, worldMapLayout } from '../../src/render/map/draw.js';
import { MapRenderer } from '../../src/render/map/renderer.js';
import { mapCountries, mapKey, mapStatusOf, pairMapRequest, worldMapRequest } from '../../src/render/map/request.js';

const facts = loadFacts(dataDir);
const require = createRequire(import.meta.url);

function atlasFeatures(resolution: '50m' | '110m') {
  const topology = JSON.parse(
    readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8'),
  ) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topology, topology.objects.countries).features;
}

describe('numeric codes (UN M49 / ISO 3166-1)', () => {
  it('every state but Kosovo has a unique 3-digit code; Kosovo has none in either list', () => {
    const coded = facts.countries.filter((country) => country.numeric !== undefined);
    expect(facts.countries.filter((country) => !country.numeric).map((country) => country.code)).toEqual(['XK']);
    for (const country of coded) expect(country.numeric, country.code).toMatch(/^\d{3}$/);
    expect(new Set(coded.map((country) => country.numeric)).size).toBe(coded.length);
  });

  it('a few well-known codes', () => {
    const code = (alpha2: string) => facts.country(alpha2)?.numeric;
    expect([code('KR'), code('KP'), code('SY'), code('US'), code('AF'), code('TW'), code('VA')]).toEqual([
      '410',
      '408',
      '760',
      '840',
      '004',
      '158',
      '336',
    ]);
  });

  it('the atlas agrees: each code that names a 1:50m shape names the same country', () => {
    const names = new Map<string, string[]>();
    for (const f of atlasFeatures('50m'))
      names.set(String(f.id), [...(names.get(String(f.id)) ?? []), f.properties.name]);
    // The atlas's own short names, where they differ from ours.
    const atlasName: Record<string, string> = {
      AG: 'Antigua and Barb.',
      BA: 'Bosnia and Herz.',
      CD: 'Dem. Rep. Congo',
      CF: 'Central African Rep.',
      CG: 'Congo',
      CK: 'Cook Is.',
      DO: 'Dominican Rep.',
      EH: 'W. Sahara',
      GQ: 'Eq. Guinea',
      KN: 'St. Kitts and Nevis',
      MH: 'Marshall Is.',
      MK: 'Macedonia',
      SB: 'Solomon Is.',
      SS: 'S. Sudan',
      ST: 'São Tomé and Principe',
      SZ: 'eSwatini',
      TR: 'Turkey',
      US: 'United States of America',
      VA: 'Vatican',
      VC: 'St. Vin. and Gren.',
    };
    const mismatched = facts.countries.filter((country) => {
      const found = country.numeric ? names.get(country.numeric) : undefined;
      return found && !found.includes(atlasName[country.code] ?? country.name.en);
    });
    expect(mismatched.map((country) => country.code)).toEqual([]);
    // Only Tuvalu (and Kosovo, which has no code) are missing from 1:50m.
    expect(facts.countries.filter((c) => !c.numeric || !names.has(c.numeric)).map((c) => c.code)).toEqual(['TV', 'XK']);
  });
});

describe('states too small for the 1:110m shapes', () => {
  it('every state is drawn as a shape or has a point; Kosovo is matched by the atlas name', () => {
    const atlas = loadAtlas(mapCountries(facts.countries));
    for (const country of facts.countries) {
      expect(atlas.drawn.has(country.code) || country.mapPoint !== undefined, country.code).toBe(true);
      expect(atlas.points.has(country.code), country.code).toBe(true);
    }
    expect(atlas.drawn.has('XK')).toBe(true);
    expect(atlas.drawn.has('TV')).toBe(false);
    // Somaliland and Northern Cyprus are land of the atlas without a state of ours.
    const codeless = atlas.shapes
      .filter((shape) => shape.code === undefined)
      .map((shape) => (shape.feature.properties as { name: string }).name);
    expect(codeless).toEqual(expect.arrayContaining(['Somaliland', 'N. Cyprus', 'Antarctica']));
  });

  it('each stored point is on its state: the centre of its largest 1:50m polygon (Tuvalu: Funafuti)', () => {
    const shapes = atlasFeatures('50m');
    for (const country of facts.countries.filter((c) => c.mapPoint)) {
      const polygons = shapes
        .filter((f) => String(f.id) === country.numeric)
        .flatMap((f) =>
          f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as MultiPolygon).coordinates,
        )
        .map((coordinates): Polygon => ({ type: 'Polygon', coordinates }))
        .sort((a, b) => geoArea(b) - geoArea(a));
      const point = country.mapPoint as [number, number];
      if (country.code === 'TV') {
        expect(polygons).toEqual([]);
        expect(geoDistance(point, [179.2, -8.52])).toBeLessThan(0.001);
        continue;
      }
      expect(polygons.length, country.code).toBeGreaterThan(0);
      // Within ~10 km of the centre (the stored point is rounded to 0.01°).
      expect(geoDistance(point, geoCentroid(polygons[0]!)), country.code).toBeLessThan(0.0016);
    }
  });
});

describe('what a map shows', () => {
  it('severed and suspended are one class; a pair without a record is not listed', () => {
    const statuses = ['established', 'severed', 'suspended', 'none', 'not_listed', undefined] as const;
    expect(statuses.map((status) => mapStatusOf(status))).toEqual([
      'established',
      'broken',
      'broken',
      'none',
      'not_listed',
      'not_listed',
    ]);
  });

  it("South Korea's world map: every other state once, North Korea none, Taiwan broken", () => {
    const request = worldMapRequest(facts, facts.country('KR')!, 'en');
    expect(Object.keys(request.statuses)).toHaveLength(199);
    expect(request.statuses.KR).toBeUndefined();
    expect(request.statuses.KP).toBe('none');
    expect(request.statuses.TW).toBe('broken');
    expect(request.statuses.SY).toBe('established');
    expect(request.subjectName).toBe('South Korea');
    expect(worldMapRequest(facts, facts.country('KR')!, 'ko').subjectName).toBe('대한민국');
  });

  it('the cache key changes with the country, the language and the data, and only with them', () => {
    const kr = facts.country('KR')!;
    const request = worldMapRequest(facts, kr, 'en');
    expect(mapKey(request)).toBe(mapKey(worldMapRequest(facts, kr, 'en')));
    expect(mapKey(request)).not.toBe(mapKey(worldMapRequest(facts, kr, 'ko')));
    expect(mapKey(request)).not.toBe(mapKey(worldMapRequest(facts, facts.country('JP')!, 'en')));
    const changed = { ...request, statuses: { ...request.statuses, KP: 'established' as const } };
    expect(mapKey(changed)).not.toBe(mapKey(request));
    const pair = pairMapRequest(kr, facts.country('SY')!, 'ko');
    expect(mapKey(pair)).toBe('pair:KR:SY:ko');
  });
});

describe('layout', () => {
  it('the whole globe fits above the legend, and every state projects onto the map', () => {
    const atlas = loadAtlas(mapCountries(facts.countries));
    for (const layout of [worldMapLayout, pairMapLayout]) {
      const projection = projectionFor(layout);
      for (const [code, point] of atlas.points) {
        const [x, y] = projection(point as [number, number])!;
        expect(x, code).toBeGreaterThan(0);
        expect(x, code).toBeLessThan(layout.width);
        expect(y, code).toBeGreaterThan(0);
        expect(y, code).toBeLessThan(layout.height - layout.legend);
      }
    }
  });

  it('legend entries wrap to a new row when the row is full', () => {
    const boxes = legendBoxes(worldMapLayout, [300, 300, 300]);
    expect(boxes.map((box) => box.y)).toEqual([boxes[0]!.y, boxes[0]!.y, boxes[0]!.y + 22]);
    expect(boxes[2]!.x).toBe(boxes[0]!.x);
  });
});

describe('MapRenderer', () => {
  it('draws each map once, answers again from the cache, and stops its worker when idle', async () => {
    const renderer = new MapRenderer(mapCountries(facts.countries), { idleMs: 50 });
    try {
      expect(renderer.running).toBe(false);
      const request = pairMapRequest(facts.country('FR')!, facts.country('DE')!, 'en');
      const [first, second] = await Promise.all([renderer.render(request), renderer.render(request)]);
      expect(first).toBe(second);
      expect(renderer.drawn).toBe(1);
      await vi.waitFor(() => expect(renderer.running).toBe(false), { timeout: 5000 });
      expect(await renderer.render(request)).toBe(first);
      expect(renderer.drawn).toBe(1);
    } finally {
      await renderer.close();
    }
  });
});
