import { valueAt } from './doc-path';
import { isPlainObject, type Doc } from './ejson';

/**
 * mingo has no geospatial operators; these cover what the SDK sends (`geoNear` → `$nearSphere`,
 * `geoWithin` → `$geoWithin`, `geoIntersects` → `$geoIntersects`) for GeoJSON Points against
 * Points/Polygons/MultiPolygons, on a sphere of MongoDB's radius. Polygon tests are planar
 * (ray casting on lng/lat), which is exact enough for city-scale areas.
 */
const EARTH_RADIUS_M = 6378100;

type Position = [number, number];

function pointOf(value: unknown): Position | undefined {
  if (!isPlainObject(value) || value.type !== 'Point' || !Array.isArray(value.coordinates))
    return undefined;
  const [lng, lat] = value.coordinates as unknown[];
  return typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : undefined;
}

export function distanceMeters(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function inRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
const inPolygon = (p: Position, rings: Position[][]): boolean =>
  rings.length > 0 && inRing(p, rings[0]) && !rings.slice(1).some((hole) => inRing(p, hole));

function inGeometry(p: Position, geometry: unknown): boolean {
  if (!isPlainObject(geometry)) return false;
  const coords = geometry.coordinates as unknown;
  if (geometry.type === 'Polygon') return inPolygon(p, coords as Position[][]);
  if (geometry.type === 'MultiPolygon')
    return (coords as Position[][][]).some((poly) => inPolygon(p, poly));
  const point = pointOf(geometry);
  return point !== undefined && point[0] === p[0] && point[1] === p[1];
}

/** `{ $geometry, $maxDistance?, $minDistance? }` of a `$nearSphere`, when the filter has one. */
export function nearOf(filter: Doc | undefined): { field: string; center: Position } | undefined {
  for (const [field, cond] of Object.entries(filter ?? {})) {
    if (!isPlainObject(cond) || !isPlainObject(cond.$nearSphere)) continue;
    const center = pointOf(cond.$nearSphere.$geometry);
    if (center) return { field, center };
  }
  return undefined;
}

export const $nearSphere = (selector: string, value: unknown) => {
  const spec = isPlainObject(value) ? value : {};
  const center = pointOf(spec.$geometry);
  const max = typeof spec.$maxDistance === 'number' ? spec.$maxDistance : Number.POSITIVE_INFINITY;
  const min = typeof spec.$minDistance === 'number' ? spec.$minDistance : 0;
  return (doc: Doc): boolean => {
    const p = pointOf(valueAt(doc, selector));
    if (!center || !p) return false;
    const d = distanceMeters(center, p);
    return d >= min && d <= max;
  };
};

export const $geoWithin = (selector: string, value: unknown) => {
  const spec = isPlainObject(value) ? value : {};
  return (doc: Doc): boolean => {
    const p = pointOf(valueAt(doc, selector));
    if (!p) return false;
    if (Array.isArray(spec.$centerSphere)) {
      const [center, radians] = spec.$centerSphere as [Position, number];
      return distanceMeters(center, p) <= radians * EARTH_RADIUS_M;
    }
    return inGeometry(p, spec.$geometry);
  };
};

export const $geoIntersects = (selector: string, value: unknown) => {
  const geometry = isPlainObject(value) ? value.$geometry : undefined;
  return (doc: Doc): boolean => {
    const stored = valueAt(doc, selector);
    const p = pointOf(stored);
    if (p) return inGeometry(p, geometry);
    const q = pointOf(geometry);
    return q !== undefined && inGeometry(q, stored);
  };
};
