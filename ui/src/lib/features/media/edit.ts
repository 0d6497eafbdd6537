import type { Crop, MediaEdit, Rendition, RenditionSet } from '../../backend/backend';

/** Size of the photo as published: quarter turns, then the crop (as the Rust side computes). */
export function editedSize(
  width: number,
  height: number,
  edit: MediaEdit,
): { width: number; height: number } {
  const turned = edit.rotate % 180 === 90;
  const w = turned ? height : width;
  const h = turned ? width : height;
  if (!edit.crop) return { width: w, height: h };
  const clamp = (v: number, max: number) => Math.min(max, Math.max(1, Math.round(v)));
  return { width: clamp(w * edit.crop.width, w), height: clamp(h * edit.crop.height, h) };
}

// The crop is stored in fractions of the turned photo, so turning must move it with the
// photo: the writer keeps the same part of the picture, now upright.
function turnCrop(c: Crop, clockwise: boolean): Crop {
  const inside = (v: number) => Math.min(1, Math.max(0, v));
  return clockwise
    ? { x: inside(1 - c.y - c.height), y: c.x, width: c.height, height: c.width }
    : { x: c.y, y: inside(1 - c.x - c.width), width: c.height, height: c.width };
}

/** The edit after a quarter turn to the right (clockwise) or the left. */
export function rotateEdit(edit: MediaEdit, direction: 'left' | 'right'): MediaEdit {
  const clockwise = direction === 'right';
  const rotate = (((edit.rotate + (clockwise ? 90 : -90)) % 360) + 360) % 360;
  return { rotate, crop: edit.crop ? turnCrop(edit.crop, clockwise) : null };
}

/** The rendition to show in a panel about `max` pixels wide: the largest not wider. */
export function renditionFor(set: RenditionSet, max: number): Rendition {
  const fitting = set.sizes.filter((r) => r.width <= max);
  return fitting[fitting.length - 1] ?? set.sizes[0] ?? set.thumbnail;
}
