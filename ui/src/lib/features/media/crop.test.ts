import { describe, expect, it } from 'vitest';
import type { Crop } from '../../backend/backend';
import {
  ASPECTS,
  MIN_SIDE,
  clampRect,
  cropToSend,
  dragRect,
  fractionRatio,
  moveRect,
  presetRect,
  resizeRect,
  toFractions,
  toPixels,
  turnedSize,
} from './crop';

const landscape = { width: 4000, height: 3000 };
const portrait = { width: 3000, height: 4000 };
const middle: Crop = { x: 0.25, y: 0.25, width: 0.5, height: 0.5 };

/** Compares to 9 decimals: the geometry is floating point. */
function expectRect(actual: Crop, expected: Crop) {
  for (const k of ['x', 'y', 'width', 'height'] as const) {
    expect(actual[k], k).toBeCloseTo(expected[k], 9);
  }
}

function expectInside(r: Crop) {
  expect(r.x).toBeGreaterThanOrEqual(0);
  expect(r.y).toBeGreaterThanOrEqual(0);
  expect(r.x + r.width).toBeLessThanOrEqual(1 + 1e-12);
  expect(r.y + r.height).toBeLessThanOrEqual(1 + 1e-12);
}

/** The rectangle's shape in pixels of the photo. */
const pixelRatio = (r: Crop, photo = landscape) =>
  (r.width * photo.width) / (r.height * photo.height);

describe('crop geometry', () => {
  it('swaps the sides of a photo turned a quarter', () => {
    expect(turnedSize(4000, 3000, 0)).toEqual(landscape);
    expect(turnedSize(4000, 3000, 90)).toEqual(portrait);
    expect(turnedSize(4000, 3000, 180)).toEqual(landscape);
    expect(turnedSize(4000, 3000, 270)).toEqual(portrait);
  });

  it('expresses a pixel ratio in fractions of the photo', () => {
    expect(fractionRatio(1, landscape)).toBeCloseTo(0.75);
    expect(fractionRatio(4 / 3, landscape)).toBeCloseTo(1);
    expect(fractionRatio(1, portrait)).toBeCloseTo(4 / 3);
  });

  it('makes any rectangle whole: inside the photo, not too small, not too big', () => {
    expect(clampRect(middle)).toEqual(middle);
    expectRect(clampRect({ x: -0.2, y: 0.9, width: 0.5, height: 0.5 }), {
      x: 0,
      y: 0.5,
      width: 0.5,
      height: 0.5,
    });
    expectRect(clampRect({ x: 0.5, y: 0.5, width: 0.001, height: 3 }), {
      x: 0.5,
      y: 0,
      width: MIN_SIDE,
      height: 1,
    });
  });

  describe('aspect presets', () => {
    it('takes the whole photo when free', () => {
      expect(presetRect(null, landscape)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
    });

    it('centres the largest rectangle of the ratio, in pixels of the turned photo', () => {
      // 1:1 of 4000 × 3000 is 3000 × 3000: all the height, 3/4 of the width.
      expectRect(presetRect(1, landscape), { x: 0.125, y: 0, width: 0.75, height: 1 });
      // 1:1 of the same photo turned (3000 × 4000): all the width, 3/4 of the height.
      expectRect(presetRect(1, portrait), { x: 0, y: 0.125, width: 1, height: 0.75 });
      // 4:3 of a 4:3 photo is the photo.
      expectRect(presetRect(4 / 3, landscape), { x: 0, y: 0, width: 1, height: 1 });
      // 16:9 of 4000 × 3000 is 4000 × 2250.
      expectRect(presetRect(16 / 9, landscape), { x: 0, y: 0.125, width: 1, height: 0.75 });
    });

    it('gives each preset its shape on photos of any shape', () => {
      const photos = [
        landscape,
        portrait,
        { width: 1000, height: 1000 },
        { width: 6000, height: 800 },
      ];
      for (const photo of photos) {
        for (const { ratio } of ASPECTS) {
          if (ratio === null) continue;
          const r = presetRect(ratio, photo);
          expectInside(r);
          expect(pixelRatio(r, photo)).toBeCloseTo(ratio, 9);
          // As large as fits: it touches two opposite edges.
          expect(Math.max(r.width, r.height)).toBeCloseTo(1, 9);
          expect(r.x + r.width / 2).toBeCloseTo(0.5, 9);
          expect(r.y + r.height / 2).toBeCloseTo(0.5, 9);
        }
      }
    });
  });

  describe('moving', () => {
    it('moves by the drag and keeps its size', () => {
      expectRect(moveRect(middle, 0.1, -0.05), { x: 0.35, y: 0.2, width: 0.5, height: 0.5 });
    });

    it('stops at the edges of the photo', () => {
      expectRect(moveRect(middle, 0.9, -0.9), { x: 0.5, y: 0, width: 0.5, height: 0.5 });
      expectRect(moveRect(middle, -2, 2), { x: 0, y: 0.5, width: 0.5, height: 0.5 });
      const whole = { x: 0, y: 0, width: 1, height: 1 };
      expect(moveRect(whole, 0.3, 0.3)).toEqual(whole);
    });
  });

  describe('resizing by a corner', () => {
    it('moves the grabbed corner and keeps the opposite one', () => {
      expectRect(resizeRect(middle, 'se', 0.1, 0.2, null), {
        x: 0.25,
        y: 0.25,
        width: 0.6,
        height: 0.7,
      });
      expectRect(resizeRect(middle, 'nw', 0.1, -0.2, null), {
        x: 0.35,
        y: 0.05,
        width: 0.4,
        height: 0.7,
      });
      expectRect(resizeRect(middle, 'ne', 0.1, 0.1, null), {
        x: 0.25,
        y: 0.35,
        width: 0.6,
        height: 0.4,
      });
      expectRect(resizeRect(middle, 'sw', 0.1, 0.1, null), {
        x: 0.35,
        y: 0.25,
        width: 0.4,
        height: 0.6,
      });
    });

    it('stops at the edges of the photo', () => {
      expectRect(resizeRect(middle, 'se', 5, 5, null), {
        x: 0.25,
        y: 0.25,
        width: 0.75,
        height: 0.75,
      });
      expectRect(resizeRect(middle, 'nw', -5, -5, null), { x: 0, y: 0, width: 0.75, height: 0.75 });
    });

    it('cannot get smaller than the minimum nor pass the opposite corner', () => {
      expectRect(resizeRect(middle, 'se', -0.9, -0.9, null), {
        x: 0.25,
        y: 0.25,
        width: MIN_SIDE,
        height: MIN_SIDE,
      });
      expectRect(resizeRect(middle, 'nw', 0.9, 0.9, null), {
        x: 0.75 - MIN_SIDE,
        y: 0.75 - MIN_SIDE,
        width: MIN_SIDE,
        height: MIN_SIDE,
      });
    });

    it('keeps a chosen shape, following the side pulled further', () => {
      const k = fractionRatio(1, landscape); // a square on 4000 × 3000
      const square = presetRect(1, landscape);
      const smaller = resizeRect(square, 'se', -0.3, -0.1, k);
      expect(pixelRatio(smaller)).toBeCloseTo(1, 9);
      // The height asked for less shrinking than the width: it wins.
      expect(smaller.height).toBeCloseTo(0.9, 9);
      expect(smaller.x).toBeCloseTo(square.x, 9);
      expect(smaller.y).toBe(0);
      const bigger = resizeRect(smaller, 'se', 0.5, 0, k);
      expect(pixelRatio(bigger)).toBeCloseTo(1, 9);
      expectInside(bigger);
    });

    it('cuts a shaped rectangle down to fit, and not below the minimum on either side', () => {
      const k = fractionRatio(16 / 9, landscape);
      const wide = { x: 0.1, y: 0.1, width: 0.4, height: 0.4 / k };
      const grown = resizeRect(wide, 'se', 2, 2, k);
      expectInside(grown);
      expect(grown.x + grown.width).toBeCloseTo(1, 9);
      expect(pixelRatio(grown)).toBeCloseTo(16 / 9, 9);
      const shrunk = resizeRect(wide, 'nw', 2, 2, k);
      expect(Math.min(shrunk.width, shrunk.height)).toBeCloseTo(MIN_SIDE, 9);
      expect(pixelRatio(shrunk)).toBeCloseTo(16 / 9, 9);
      expect(shrunk.x + shrunk.width).toBeCloseTo(0.5, 9);
    });

    it('stays inside and whole whatever the drag', () => {
      const handles = ['move', 'nw', 'ne', 'sw', 'se'] as const;
      const moves = [-3, -0.4, -0.07, 0, 0.03, 0.5, 3];
      for (const ratio of [null, fractionRatio(1, landscape), fractionRatio(16 / 9, portrait)]) {
        const start = ratio === null ? middle : { ...middle, height: middle.width / ratio };
        for (const h of handles)
          for (const dx of moves)
            for (const dy of moves) {
              const r = dragRect(start, h, dx, dy, ratio);
              expectInside(r);
              expect(r.width).toBeGreaterThanOrEqual(MIN_SIDE - 1e-12);
              expect(r.height).toBeGreaterThanOrEqual(MIN_SIDE - 1e-12);
              if (ratio !== null) expect(r.width / r.height).toBeCloseTo(ratio, 9);
            }
      }
    });
  });

  it('converts between pixels and fractions', () => {
    const px = toPixels({ x: 0.125, y: 0, width: 0.75, height: 1 }, landscape);
    expect(px).toEqual({ x: 500, y: 0, width: 3000, height: 3000 });
    expect(toFractions(px, landscape)).toEqual({ x: 0.125, y: 0, width: 0.75, height: 1 });
    // A pointer's move over the photo drawn 320 pixels wide.
    expect(
      toFractions({ x: 32, y: -24, width: 0, height: 0 }, { width: 320, height: 240 }),
    ).toEqual({ x: 0.1, y: -0.1, width: 0, height: 0 });
    expect(toFractions({ x: 5, y: 5, width: 5, height: 5 }, { width: 0, height: 0 })).toEqual({
      x: 0,
      y: 0,
      width: 0,
      height: 0,
    });
  });

  describe('the crop sent to the server', () => {
    it('has 4 decimals, its edges rounded', () => {
      // The edges at 1/3 and 2/3 round to 0.3333 and 0.6667: 0.3334 apart.
      expect(cropToSend({ x: 1 / 3, y: 0.123456, width: 1 / 3, height: 0.5 })).toEqual({
        x: 0.3333,
        y: 0.1235,
        width: 0.3334,
        height: 0.5,
      });
    });

    it('never reaches past the photo, where rounding each number would', () => {
      // 0.33335 + 0.66665 rounds to 0.3334 + 0.6667 = 1.0001 by each number.
      const c = cropToSend({ x: 0.33335, y: 0, width: 0.66665, height: 0.5 })!;
      expect(c.x + c.width).toBeLessThanOrEqual(1 + 1e-9);
      expect(c.width).toBeGreaterThanOrEqual(0.01);
    });

    it('is no crop for the whole photo', () => {
      expect(cropToSend({ x: 0, y: 0, width: 1, height: 1 })).toBeNull();
      expect(cropToSend({ x: 0.00001, y: 0, width: 0.99999, height: 1 })).toBeNull();
    });
  });
});
