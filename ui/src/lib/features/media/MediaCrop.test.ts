import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import App from '../../../App.svelte';
import { BackendError } from '../../backend/backend';
import { MockBackend } from '../../backend/mock';

/** The library open on the 4000 × 3000 conference photo, mediaSetEdit watched. */
async function openHoiNghi() {
  const backend = new MockBackend();
  const setEdit = vi.spyOn(backend, 'mediaSetEdit');
  const user = userEvent.setup();
  render(App, { props: { backend } });
  await user.click(await screen.findByTestId('nav-media'));
  await waitFor(() => expect(screen.queryAllByTestId('media-tile')).toHaveLength(2));
  const tile = screen
    .getAllByTestId('media-tile')
    .find((t) => t.textContent?.includes('hội nghị'))!;
  await user.click(tile);
  expect(await screen.findByTestId('media-size')).toHaveTextContent('4.000 × 3.000 px');
  const id = Number(screen.getByTestId('media-detail').dataset.id);
  return { backend, setEdit, user, tile, id };
}

const stored = async (backend: MockBackend, id: number) => (await backend.mediaGet(id)).item.edit;

describe('cropping a photo', () => {
  it('applies a 1:1 crop, shows the new rendition and its size, and removes it again', async () => {
    const { backend, setEdit, user, tile, id } = await openHoiNghi();
    const before = screen.getByTestId('media-preview').getAttribute('src');
    await user.click(screen.getByTestId('media-crop'));
    // The whole photo with a frame on it; turning waits until the crop is done.
    expect(screen.getByTestId('crop-frame')).toHaveFocus();
    expect(screen.queryByTestId('media-rotate-left')).toBeNull();
    await user.click(screen.getByTestId('crop-1-1'));
    expect(screen.getByTestId('crop-1-1')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('crop-size')).toHaveTextContent('Vùng cắt: 3.000 × 3.000 px');
    await user.click(screen.getByTestId('media-crop-apply'));

    await waitFor(() =>
      expect(screen.getByTestId('media-size')).toHaveTextContent('3.000 × 3.000 px'),
    );
    expect(setEdit).toHaveBeenCalledWith(id, {
      rotate: 0,
      crop: { x: 0.125, y: 0, width: 0.75, height: 1 },
    });
    expect(await stored(backend, id)).toEqual({
      rotate: 0,
      crop: { x: 0.125, y: 0, width: 0.75, height: 1 },
    });
    expect(screen.queryByTestId('crop-stage')).toBeNull();
    const after = screen.getByTestId('media-preview').getAttribute('src');
    expect(after).not.toBe(before);
    expect(decodeURIComponent(after!)).toContain('width="120" height="120"');
    expect(tile).toHaveTextContent('3.000 × 3.000 px');
    // A cropped photo is widened again by removing the crop, not by cropping on top.
    expect(screen.queryByTestId('media-crop')).toBeNull();
    expect(screen.getByTestId('media-crop-note')).toHaveTextContent('Ảnh đã được cắt.');

    await user.click(screen.getByTestId('media-crop-reset'));
    await waitFor(() =>
      expect(screen.getByTestId('media-size')).toHaveTextContent('4.000 × 3.000 px'),
    );
    expect(setEdit).toHaveBeenLastCalledWith(id, { rotate: 0, crop: null });
    expect(screen.getByTestId('media-preview')).toHaveAttribute('src', before);
    expect(screen.getByTestId('media-crop')).toBeEnabled();
    expect(screen.queryByTestId('media-crop-note')).toBeNull();
  });

  it('shapes the presets on the photo as turned, and moves the frame with the arrow keys', async () => {
    const { setEdit, user, id } = await openHoiNghi();
    await user.click(screen.getByTestId('media-rotate-right'));
    await waitFor(() =>
      expect(screen.getByTestId('media-size')).toHaveTextContent('3.000 × 4.000 px'),
    );
    await user.click(screen.getByTestId('media-crop'));
    // 16:9 of 3000 × 4000 is 3000 × 1687.5, in the middle.
    await user.click(screen.getByTestId('crop-16-9'));
    expect(screen.getByTestId('crop-size')).toHaveTextContent('3.000 × 1.688 px');
    screen.getByTestId('crop-frame').focus();
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowLeft}');
    await user.click(screen.getByTestId('media-crop-apply'));
    await waitFor(() =>
      expect(screen.getByTestId('media-size')).toHaveTextContent('3.000 × 1.687 px'),
    );
    // 0.2890625 up 2%, at the left edge already; the edges rounded to 4 decimals.
    expect(setEdit).toHaveBeenLastCalledWith(id, {
      rotate: 90,
      crop: { x: 0, y: 0.2691, width: 1, height: 0.4218 },
    });
  });

  it('resizes by a corner and moves by the frame, inside the photo', async () => {
    const { setEdit, user, id } = await openHoiNghi();
    await user.click(screen.getByTestId('media-crop'));
    // The photo drawn 320 × 240: 32 pixels across are a tenth of it.
    screen.getByTestId('crop-stage').getBoundingClientRect = () => new DOMRect(0, 0, 320, 240);
    const frame = screen.getByTestId('crop-frame');
    // The free frame starts at 10% from each edge: pull its bottom right corner out…
    await fireEvent.pointerDown(screen.getByTestId('crop-corner-se'), {
      clientX: 288,
      clientY: 216,
    });
    await fireEvent.pointerMove(frame, { clientX: 400, clientY: 216 - 24 });
    await fireEvent.pointerUp(frame, { clientX: 400, clientY: 216 - 24 });
    // …stopped at the right edge; then drag the frame up past the top.
    await fireEvent.pointerDown(frame, { clientX: 100, clientY: 100 });
    await fireEvent.pointerMove(frame, { clientX: 100, clientY: 0 });
    await fireEvent.pointerUp(frame, { clientX: 100, clientY: 0 });
    expect(screen.getByTestId('crop-size')).toHaveTextContent('3.600 × 2.100 px');
    await user.click(screen.getByTestId('media-crop-apply'));
    await waitFor(() => expect(setEdit).toHaveBeenCalled());
    expect(setEdit).toHaveBeenLastCalledWith(id, {
      rotate: 0,
      crop: { x: 0.1, y: 0, width: 0.9, height: 0.7 },
    });
  });

  it('cancels with Escape or the button, changing nothing', async () => {
    const { setEdit, user } = await openHoiNghi();
    await user.click(screen.getByTestId('media-crop'));
    await user.click(screen.getByTestId('crop-4-3'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('crop-stage')).toBeNull();
    expect(screen.getByTestId('media-preview')).toBeInTheDocument();
    await user.click(screen.getByTestId('media-crop'));
    await user.click(screen.getByTestId('media-crop-cancel'));
    expect(screen.queryByTestId('crop-stage')).toBeNull();
    // The whole photo kept is no crop either.
    await user.click(screen.getByTestId('media-crop'));
    await user.click(screen.getByTestId('crop-free'));
    await user.click(screen.getByTestId('media-crop-apply'));
    expect(screen.queryByTestId('crop-stage')).toBeNull();
    expect(setEdit).not.toHaveBeenCalled();
  });

  it('says in the panel why a crop was not made, and lets the writer try again', async () => {
    const { backend, setEdit, user, id } = await openHoiNghi();
    setEdit.mockRejectedValueOnce(new BackendError('disk_full', 'No space left on device'));
    await user.click(screen.getByTestId('media-crop'));
    await user.click(screen.getByTestId('crop-1-1'));
    await user.click(screen.getByTestId('media-crop-apply'));
    expect(await screen.findByTestId('media-edit-error')).toHaveTextContent(
      'Ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi thử lại.',
    );
    expect(screen.getByTestId('crop-stage')).toBeInTheDocument();
    expect(await stored(backend, id)).toEqual({ rotate: 0, crop: null });
    await user.click(screen.getByTestId('media-crop-apply'));
    await waitFor(() =>
      expect(screen.getByTestId('media-size')).toHaveTextContent('3.000 × 3.000 px'),
    );
    expect(screen.queryByTestId('media-edit-error')).toBeNull();
  });

  it('speaks English', async () => {
    const { user } = await openHoiNghi();
    await user.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByTestId('media-crop')).toHaveTextContent('Crop');
    await user.click(screen.getByTestId('media-crop'));
    expect(screen.getByTestId('crop-free')).toHaveTextContent('Free');
    expect(screen.getByTestId('media-crop-apply')).toHaveTextContent('Apply');
    expect(screen.getByTestId('crop-size')).toHaveTextContent('Crop: 3,200 × 2,400 px');
  });
});
