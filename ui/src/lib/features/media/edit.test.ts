import { describe, expect, it } from 'vitest';
import type { MediaEdit } from '../../backend/backend';
import { editedSize, renditionFor, rotateEdit } from './edit';

const upright: MediaEdit = { rotate: 0, crop: null };

describe('photo edits', () => {
  it('turns a quarter at a time, both ways, wrapping around', () => {
    expect(rotateEdit(upright, 'right')).toEqual({ rotate: 90, crop: null });
    expect(rotateEdit(upright, 'left')).toEqual({ rotate: 270, crop: null });
    expect(rotateEdit({ rotate: 270, crop: null }, 'right')).toEqual({ rotate: 0, crop: null });
  });

  it('moves the crop with the photo, so the same part of the picture stays', () => {
    // The top-left quarter-by-half of an upright photo…
    const crop = { x: 0, y: 0, width: 0.5, height: 0.25 };
    // …is at the top right once turned clockwise, at the bottom left once turned the other way.
    const right = rotateEdit({ rotate: 0, crop }, 'right');
    expect(right).toEqual({ rotate: 90, crop: { x: 0.75, y: 0, width: 0.25, height: 0.5 } });
    const left = rotateEdit({ rotate: 0, crop }, 'left');
    expect(left).toEqual({ rotate: 270, crop: { x: 0, y: 0.5, width: 0.25, height: 0.5 } });
    expect(rotateEdit(right, 'left')).toEqual({ rotate: 0, crop });
  });

  it('computes the published size after turning and cropping', () => {
    expect(editedSize(4000, 3000, upright)).toEqual({ width: 4000, height: 3000 });
    expect(editedSize(4000, 3000, { rotate: 90, crop: null })).toEqual({
      width: 3000,
      height: 4000,
    });
    const crop = { x: 0.1, y: 0.1, width: 0.5, height: 0.25 };
    expect(editedSize(4000, 3000, { rotate: 270, crop })).toEqual({ width: 1500, height: 1000 });
  });

  it('shows the largest rendition that fits the panel', () => {
    const r = (width: number) => ({
      width,
      height: width,
      path: `media/renditions/x-o-${width}.jpg`,
    });
    const set = { sizes: [r(480), r(960), r(1600)], thumbnail: r(320) };
    expect(renditionFor(set, 960).width).toBe(960);
    expect(renditionFor(set, 700).width).toBe(480);
    expect(renditionFor({ sizes: [r(1200)], thumbnail: r(320) }, 960).width).toBe(1200);
    expect(renditionFor({ sizes: [], thumbnail: r(320) }, 960).width).toBe(320);
  });
});
