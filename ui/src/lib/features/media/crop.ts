import type { Crop } from '../../backend/backend';

// Geometry of the crop tool, kept apart from the component so it can be tested without a
// DOM. Rectangles are fractions (0–1) of the photo as turned, the unit the server stores.

export type Size = { width: number; height: number };

/** The smallest crop the tool draws, per side: smaller is a grain of the photo, not a crop. */
export const MIN_SIDE = 0.05;

/** Where the writer grabbed the rectangle: inside it (to move it) or by a corner. */
export type Handle = 'move' | 'nw' | 'ne' | 'sw' | 'se';
export const CORNERS = ['nw', 'ne', 'sw', 'se'] as const;

export type Aspect = 'free' | '16:9' | '4:3' | '1:1';
/** Width over height in pixels; null leaves the shape to the writer. */
export const ASPECTS: readonly { id: Aspect; ratio: number | null }[] = [
  { id: 'free', ratio: null },
  { id: '16:9', ratio: 16 / 9 },
  { id: '4:3', ratio: 4 / 3 },
  { id: '1:1', ratio: 1 },
];

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** The photo's pixel size once turned: a quarter turn swaps its sides. */
export function turnedSize(width: number, height: number, rotate: number): Size {
  return rotate % 180 === 90 ? { width: height, height: width } : { width, height };
}

/**
 * A pixel aspect ratio in fraction units (fraction width over fraction height): a square
 * of a 4:3 photo is 0.75 of its width and all of its height.
 */
export function fractionRatio(ratio: number, photo: Size): number {
  return (ratio * photo.height) / photo.width;
}

/** Any rectangle made whole: at least MIN_SIDE a side (at most the photo), inside it. */
export function clampRect(r: Crop): Crop {
  const width = clamp(r.width, MIN_SIDE, 1);
  const height = clamp(r.height, MIN_SIDE, 1);
  return {
    x: clamp(r.x, 0, 1 - width),
    y: clamp(r.y, 0, 1 - height),
    width,
    height,
  };
}

/**
 * The centred rectangle of that pixel ratio as large as fits the photo; the whole photo
 * when the ratio is free.
 */
export function presetRect(ratio: number | null, photo: Size): Crop {
  if (ratio === null) return { x: 0, y: 0, width: 1, height: 1 };
  const k = fractionRatio(ratio, photo);
  // Wider than the photo: full width, less height; otherwise full height, less width.
  const width = k >= 1 ? 1 : k;
  const height = k >= 1 ? 1 / k : 1;
  return { x: (1 - width) / 2, y: (1 - height) / 2, width, height };
}

/** The rectangle moved by (dx, dy), stopping at the photo's edges, its size unchanged. */
export function moveRect(r: Crop, dx: number, dy: number): Crop {
  return {
    ...r,
    x: clamp(r.x + dx, 0, 1 - r.width),
    y: clamp(r.y + dy, 0, 1 - r.height),
  };
}

/**
 * The rectangle with one corner dragged by (dx, dy) while the opposite corner stays put.
 * It cannot pass that corner or the photo's edges, nor get smaller than MIN_SIDE. With a
 * ratio (in fraction units, see fractionRatio) the shape follows whichever side the
 * pointer moved further, and the size is then cut down until the shape fits.
 */
export function resizeRect(
  r: Crop,
  corner: Exclude<Handle, 'move'>,
  dx: number,
  dy: number,
  ratio: number | null,
): Crop {
  const east = corner === 'ne' || corner === 'se';
  const south = corner === 'sw' || corner === 'se';
  // The fixed corner, and how far the photo goes beyond it on the dragged side.
  const ax = east ? r.x : r.x + r.width;
  const ay = south ? r.y : r.y + r.height;
  const roomW = east ? 1 - ax : ax;
  const roomH = south ? 1 - ay : ay;
  let width = r.width + (east ? dx : -dx);
  let height = r.height + (south ? dy : -dy);
  if (ratio === null) {
    width = clamp(width, Math.min(MIN_SIDE, roomW), roomW);
    height = clamp(height, Math.min(MIN_SIDE, roomH), roomH);
  } else {
    const max = Math.min(roomW, roomH * ratio);
    const min = Math.min(Math.max(MIN_SIDE, MIN_SIDE * ratio), max);
    width = clamp(Math.max(width, height * ratio), min, max);
    height = width / ratio;
  }
  return {
    x: east ? ax : ax - width,
    y: south ? ay : ay - height,
    width,
    height,
  };
}

/** What a drag of (dx, dy) from `start` makes of the rectangle, by the handle grabbed. */
export function dragRect(
  start: Crop,
  handle: Handle,
  dx: number,
  dy: number,
  ratio: number | null,
): Crop {
  return handle === 'move' ? moveRect(start, dx, dy) : resizeRect(start, handle, dx, dy, ratio);
}

/** Fractions of `size` (the photo in pixels, or the box it is drawn in) as whole pixels. */
export function toPixels(r: Crop, size: Size): Crop {
  return {
    x: Math.round(r.x * size.width),
    y: Math.round(r.y * size.height),
    width: Math.round(r.width * size.width),
    height: Math.round(r.height * size.height),
  };
}

/** Pixels of `size` as fractions of it (a pointer's move over the drawn photo, say). */
export function toFractions(r: Crop, size: Size): Crop {
  const fx = (v: number) => (size.width > 0 ? v / size.width : 0);
  const fy = (v: number) => (size.height > 0 ? v / size.height : 0);
  return { x: fx(r.x), y: fy(r.y), width: fx(r.width), height: fy(r.height) };
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * The crop as sent to the server: 4 decimals (a tenth of a pixel on a 1,000-pixel side).
 * The edges are rounded, not the width, so rounding can never push the far edge past the
 * photo's; null when the rectangle is the whole photo, which is no crop at all.
 */
export function cropToSend(r: Crop): Crop | null {
  const x = round4(r.x);
  const y = round4(r.y);
  const right = Math.min(1, round4(r.x + r.width));
  const bottom = Math.min(1, round4(r.y + r.height));
  if (x === 0 && y === 0 && right === 1 && bottom === 1) return null;
  return { x, y, width: round4(right - x), height: round4(bottom - y) };
}
