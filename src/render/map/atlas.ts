// The world's shapes, from world-atlas (Natural Earth, 1:110m), tied to our states by their numeric codes.
//
// 1:110m rather than 1:50m: at 800 pixels across, 50m's extra detail is below a pixel almost everywhere, and it costs
// 7 times the file (756 kB against 108 kB) and about 3 times the drawing time (~95 ms against ~35 ms a map, measured
// while choosing). What 110m leaves out (30 small island states and microstates) is drawn as a marker at a point
// stored in data/countries.json (taken from the 50m shapes; Tuvalu, absent from both, from its capital).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, Geometry, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapCountry } from './request.js';

export interface Shape {
  /** Our alpha-2 code, or undefined for land that is not one of the 200 states. */
  code: string | undefined;
  feature: Feature<Geometry>;
}

export interface Atlas {
  shapes: readonly Shape[];
  /** Every one of our states (with shapes or not), with the point where a marker or a ring goes. */
  points: ReadonlyMap<string, readonly [number, number]>;
  /** States with at least one shape. */
  drawn: ReadonlySet<string>;
}

/**
 * Shapes the atlas gives no numeric code, by the atlas's own name. Kosovo has no code in UN M49 or ISO 3166-1 but is
 * one of ours; Somaliland and Northern Cyprus are not (their land is drawn as "not one of the 200").
 */
const codelessShapes: Readonly<Record<string, string>> = { Kosovo: 'XK' };

const require = createRequire(import.meta.url);

export function loadAtlas(countries: readonly MapCountry[]): Atlas {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries);
  const byNumeric = new Map(countries.flatMap((c) => (c.numeric ? [[c.numeric, c.code] as const] : [])));
  const shapes: Shape[] = collection.features.map((f) => ({
    code: f.id === undefined ? codelessShapes[f.properties.name] : byNumeric.get(String(f.id)),
    feature: f,
  }));
  const drawn = new Set(shapes.flatMap((shape) => (shape.code ? [shape.code] : [])));
  const points = new Map<string, readonly [number, number]>();
  for (const country of countries) {
    const point = drawn.has(country.code) ? largestPolygonCentre(shapes, country.code) : country.point;
    if (point) points.set(country.code, point);
  }
  return { shapes, points, drawn };
}

/** The centre of a state's largest polygon: on its main land, where a multi-island state's centroid might be sea. */
function largestPolygonCentre(shapes: readonly Shape[], code: string): readonly [number, number] | undefined {
  let best: Polygon | undefined;
  let bestArea = -1;
  for (const shape of shapes) {
    if (shape.code !== code) continue;
    const geometry = shape.feature.geometry;
    const polygons =
      geometry.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry.type === 'MultiPolygon'
          ? geometry.coordinates
          : [];
    for (const coordinates of polygons) {
      const polygon: Polygon = { type: 'Polygon', coordinates };
      const area = geoArea(polygon);
      if (area > bestArea) [best, bestArea] = [polygon, area];
    }
  }
  return best && geoCentroid(best);
}
