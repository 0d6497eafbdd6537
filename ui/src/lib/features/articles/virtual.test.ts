import { describe, expect, it } from 'vitest';
import { pagesFor, visibleRange } from './virtual';

describe('visibleRange', () => {
  it.each([
    // scrollTop, height, rowHeight, total, overscan → range
    [0, 360, 36, 100_000, 5, { start: 0, end: 15 }],
    [36 * 5000, 360, 36, 100_000, 5, { start: 4995, end: 5015 }],
    [0, 360, 36, 3, 5, { start: 0, end: 3 }],
    [0, 360, 36, 0, 5, { start: 0, end: 0 }],
    [36 * 99_995, 360, 36, 100_000, 5, { start: 99_990, end: 100_000 }],
    // A stale scrollTop beyond the (now shorter) list never produces an inverted range.
    [36 * 500, 360, 36, 10, 5, { start: 10, end: 10 }],
  ])('scrollTop %d, height %d → %j', (top, h, rh, total, overscan, expected) => {
    expect(visibleRange(top, h, rh, total, overscan)).toEqual(expected);
  });
});

describe('pagesFor', () => {
  it.each([
    [{ start: 0, end: 15 }, [0]],
    [{ start: 95, end: 115 }, [0, 1]],
    [{ start: 4995, end: 5015 }, [49, 50]],
    [{ start: 10, end: 10 }, []],
  ])('%j → %j', (range, expected) => {
    expect(pagesFor(range, 100)).toEqual(expected);
  });
});
