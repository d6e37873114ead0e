// Draws the maps as PNGs with @napi-rs/canvas and d3-geo. Runs in the map worker (see worker.ts); tests and the
// benchmark may call it directly. Everything it needs comes in the request: no facts, no Discord.
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, Path2D, PngFilter, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { Atlas, Shape } from './atlas.js';
import { mapColors, mapWords } from './palette.js';
import { mapStatuses, type MapStatus, type PairMapRequest, type WorldMapRequest } from './request.js';

/** Noto Sans KR covers Hangul and Latin; it ships with the project as an npm dependency (OFL-1.1). */
export const mapFont = 'Noto Sans KR';

const require = createRequire(import.meta.url);

/** Registers the legend's font once; throws when it cannot, since a legend without Hangul would be wrong. */
export function registerMapFont(): void {
  if (GlobalFonts.has(mapFont)) return;
  const file = require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf');
  if (!GlobalFonts.registerFromPath(file, mapFont) && !GlobalFonts.has(mapFont))
    throw new Error(`could not register the map font from ${file}`);
}

export const worldMapLayout = { width: 800, height: 420, legend: 58 } as const;
export const pairMapLayout = { width: 480, height: 270, legend: 32 } as const;

type Layout = { width: number; height: number; legend: number };

/** The projection of a map of that layout: Equal Earth, the whole globe fitted above the legend. */
export function projectionFor(layout: Layout): GeoProjection {
  const margin = 8;
  return geoEqualEarth().fitExtent(
    [
      [margin, margin],
      [layout.width - margin, layout.height - layout.legend - 2],
    ],
    { type: 'Sphere' },
  );
}

/**
 * Flat colours compress better without PNG's row filters, and zlib's fastest level loses little on them: a world map
 * encodes in about 3 ms instead of 18 ms, and is smaller (97 kB against 108 kB).
 */
const pngOptions = { compressionLevel: 1, filters: PngFilter.None };

/** A shape smaller than this (in square pixels) also gets a marker, so it can be seen. */
const smallShapePx = 30;
const markerRadius = 3.5;

export function drawWorldMap(atlas: Atlas, request: WorldMapRequest): Buffer {
  const layout = worldMapLayout;
  const { ctx, canvas } = startMap(layout);
  const projected = projectedFor(atlas, layout);
  const colorOf = (code: string | undefined): string => {
    if (code === undefined) return mapColors.notOurs;
    if (code === request.subject) return mapColors.subject;
    const status = request.statuses[code];
    return status ? mapColors[status] : mapColors.notOurs;
  };
  drawSphere(ctx, projected);
  for (const shape of projected.shapes) fillShape(ctx, shape.path, colorOf(shape.code));
  outline(ctx, projected, request.subject, 1.2);
  // Markers for states too small to see, the subject's last so it is never hidden.
  const marked = projected.marked;
  for (const code of [...marked.filter((c) => c !== request.subject), ...marked.filter((c) => c === request.subject)]) {
    const at = projected.projection(atlas.points.get(code) as [number, number]);
    if (at) dot(ctx, at, markerRadius, colorOf(code));
  }

  const counts = Object.fromEntries(mapStatuses.map((status) => [status, 0])) as Record<MapStatus, number>;
  for (const status of Object.values(request.statuses)) counts[status] += 1;
  const words = mapWords[request.language];
  legend(ctx, layout, [
    { color: mapColors.subject, label: request.subjectName, outlined: true },
    ...mapStatuses.map((status) => ({ color: mapColors[status], label: words.status[status](counts[status]) })),
    { color: mapColors.notOurs, label: words.notOurs },
  ]);
  return canvas.encodeSync('png', pngOptions);
}

export function drawPairMap(atlas: Atlas, request: PairMapRequest): Buffer {
  const layout = pairMapLayout;
  const { ctx, canvas } = startMap(layout);
  const projected = projectedFor(atlas, layout);
  // Every other shape is grey: that part is drawn once per layout and copied.
  ctx.drawImage(greyBase(projected, layout), 0, 0);
  const colors: Record<string, string> = { [request.a.code]: mapColors.subject, [request.b.code]: mapColors.partner };
  for (const { code } of [request.a, request.b])
    for (const shape of projected.byCode.get(code) ?? []) fillShape(ctx, shape.path, colors[code]!);
  for (const { code } of [request.a, request.b]) outline(ctx, projected, code, 1);
  const { projection, path } = projected;
  const a = atlas.points.get(request.a.code);
  const b = atlas.points.get(request.b.code);
  if (a && b) {
    // The shortest way between them, dashed: it tells where the two are even when one is a speck.
    ctx.beginPath();
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = mapColors.outline;
    ctx.lineWidth = 1;
    ctx.stroke(
      new Path2D(path({ type: 'LineString', coordinates: [a as [number, number], b as [number, number]] }) ?? ''),
    );
    ctx.setLineDash([]);
  }
  for (const [code, point] of [
    [request.a.code, a],
    [request.b.code, b],
  ] as const) {
    const at = point && projection(point as [number, number]);
    if (at) ring(ctx, at, colors[code]!);
  }
  legend(ctx, layout, [
    { color: mapColors.subject, label: request.a.name, outlined: true },
    { color: mapColors.partner, label: request.b.name, outlined: true },
  ]);
  return canvas.encodeSync('png', pngOptions);
}

/** A shape as drawn at one layout: its outline projected once, as a path the canvas can fill again and again. */
interface ProjectedShape {
  code: string | undefined;
  path: Path2D;
}

interface Projected {
  projection: GeoProjection;
  /** Projects GeoJSON to SVG path data (d3-geo's string output). */
  path: ReturnType<typeof geoPath>;
  sphere: Path2D;
  shapes: ProjectedShape[];
  byCode: Map<string, ProjectedShape[]>;
  /** States too small to see at this size: they get a marker. */
  marked: string[];
}

/**
 * Projecting every shape is most of a map's drawing time, and the result only depends on the layout: it is done once
 * per atlas and layout, and each map fills the same paths with its own colours.
 */
const projections = new WeakMap<Atlas, Map<Layout, Projected>>();

function projectedFor(atlas: Atlas, layout: Layout): Projected {
  let byLayout = projections.get(atlas);
  if (!byLayout) projections.set(atlas, (byLayout = new Map<Layout, Projected>()));
  let projected = byLayout.get(layout);
  if (!projected) byLayout.set(layout, (projected = project(atlas, layout)));
  return projected;
}

function project(atlas: Atlas, layout: Layout): Projected {
  const projection = projectionFor(layout);
  const path = geoPath(projection);
  const areas = new Map<string, number>();
  const byCode = new Map<string, ProjectedShape[]>();
  const shapes = atlas.shapes.map((shape: Shape): ProjectedShape => {
    const projected = { code: shape.code, path: new Path2D(path(shape.feature) ?? '') };
    if (shape.code) {
      areas.set(shape.code, (areas.get(shape.code) ?? 0) + path.area(shape.feature));
      byCode.set(shape.code, [...(byCode.get(shape.code) ?? []), projected]);
    }
    return projected;
  });
  const marked = [...atlas.points.keys()].filter((code) => (areas.get(code) ?? 0) < smallShapePx);
  return { projection, path, sphere: new Path2D(path({ type: 'Sphere' }) ?? ''), shapes, byCode, marked };
}

/** The ocean and every shape in the colour of land that is not highlighted, for pair maps. */
const greyBases = new WeakMap<Projected, Canvas>();

function greyBase(projected: Projected, layout: Layout): Canvas {
  let base = greyBases.get(projected);
  if (!base) {
    base = createCanvas(layout.width, layout.height);
    const ctx = base.getContext('2d');
    ctx.fillStyle = mapColors.card;
    ctx.fillRect(0, 0, layout.width, layout.height);
    drawSphere(ctx, projected);
    for (const shape of projected.shapes) fillShape(ctx, shape.path, mapColors.notOurs);
    greyBases.set(projected, base);
  }
  return base;
}

function drawSphere(ctx: SKRSContext2D, projected: Projected): void {
  ctx.fillStyle = mapColors.ocean;
  ctx.fill(projected.sphere);
}

/**
 * One canvas per layout, reused: a canvas's pixels live outside the JS heap, so new ones per map piled up (~160 MB
 * after 600 maps) before the worker's small heap ever triggered a collection. Drawing and encoding are synchronous,
 * so two maps never share the canvas at once.
 */
const canvases = new Map<Layout, Canvas>();

function startMap(layout: Layout) {
  registerMapFont();
  let canvas = canvases.get(layout);
  if (!canvas) canvases.set(layout, (canvas = createCanvas(layout.width, layout.height)));
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = mapColors.card;
  ctx.fillRect(0, 0, layout.width, layout.height);
  return { canvas, ctx };
}

function fillShape(ctx: SKRSContext2D, path: Path2D, color: string): void {
  ctx.fillStyle = color;
  ctx.fill(path);
  ctx.strokeStyle = mapColors.border;
  ctx.lineWidth = 0.4;
  ctx.stroke(path);
}

function outline(ctx: SKRSContext2D, projected: Projected, code: string, width: number): void {
  ctx.strokeStyle = mapColors.outline;
  ctx.lineWidth = width;
  for (const shape of projected.byCode.get(code) ?? []) ctx.stroke(shape.path);
}

function dot(ctx: SKRSContext2D, [x, y]: [number, number], radius: number, color: string): void {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.strokeStyle = mapColors.outline;
  ctx.lineWidth = 0.75;
  ctx.stroke();
}

function ring(ctx: SKRSContext2D, [x, y]: [number, number], color: string): void {
  ctx.beginPath();
  ctx.arc(x, y, 7, 0, 2 * Math.PI);
  ctx.strokeStyle = mapColors.outline;
  ctx.lineWidth = 4;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.stroke();
}

interface LegendEntry {
  color: string;
  label: string;
  outlined?: boolean;
}

/** Where each swatch of the last legend drawn was, for tests that sample them. */
export interface SwatchBox {
  x: number;
  y: number;
  size: number;
}

const swatch = 13;
const rowHeight = 22;

/** Swatches and labels in rows under the map, wrapping when a row is full. */
export function legendBoxes(layout: Layout, labelWidths: readonly number[]): SwatchBox[] {
  const left = 12;
  let x = left;
  let y = layout.height - layout.legend + 6;
  return labelWidths.map((width) => {
    const entryWidth = swatch + 6 + width + 18;
    if (x > left && x + entryWidth - 18 > layout.width - left) {
      x = left;
      y += rowHeight;
    }
    const box = { x, y, size: swatch };
    x += entryWidth;
    return box;
  });
}

function legend(ctx: SKRSContext2D, layout: Layout, entries: readonly LegendEntry[]): void {
  ctx.font = `13px "${mapFont}"`;
  ctx.textBaseline = 'middle';
  const widths = entries.map((entry) => ctx.measureText(entry.label).width);
  const boxes = legendBoxes(layout, widths);
  entries.forEach((entry, index) => {
    const box = boxes[index]!;
    ctx.fillStyle = entry.color;
    ctx.fillRect(box.x, box.y, swatch, swatch);
    ctx.strokeStyle = entry.outlined ? mapColors.outline : '#8A8A8A';
    ctx.lineWidth = 1;
    ctx.strokeRect(box.x + 0.5, box.y + 0.5, swatch - 1, swatch - 1);
    ctx.fillStyle = mapColors.text;
    ctx.fillText(entry.label, box.x + swatch + 6, box.y + swatch / 2 + 1);
  });
}
