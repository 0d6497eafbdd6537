import { describe, expect, it } from 'vitest';
import { imageFiles, pastedImages, readBase64 } from './transfer';

const photo = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'anh.png', {
  type: 'image/png',
});
const doc = new File(['xin chào'], 'ghi-chu.txt', { type: 'text/plain' });

/** What a paste event carries, as far as the editor reads it. */
function clipboard(files: File[], data: Record<string, string> = {}): DataTransfer {
  return { files, getData: (type: string) => data[type] ?? '' } as unknown as DataTransfer;
}

describe('photos in a drop or a paste', () => {
  it('keeps only image files', () => {
    expect(imageFiles([doc, photo])).toEqual([photo]);
    expect(imageFiles(null)).toEqual([]);
  });

  it('imports a copied photo (a screenshot) that comes without text', () => {
    expect(pastedImages(clipboard([photo]))).toEqual([photo]);
  });

  it('imports a photo copied in a browser, whose HTML is only the image', () => {
    const html = '<meta charset="utf-8"><img src="https://baotinh.vn/anh.png" alt="">';
    expect(pastedImages(clipboard([photo], { 'text/html': html }))).toEqual([photo]);
  });

  it('leaves text from Word or Excel to the paste cleaning, though a picture comes with it', () => {
    const html = '<table><tr><td>Xã Pha Long</td><td>1.250</td></tr></table>';
    expect(pastedImages(clipboard([photo], { 'text/html': html }))).toEqual([]);
    expect(pastedImages(clipboard([photo], { 'text/plain': 'Xã Pha Long\t1.250' }))).toEqual([]);
    expect(pastedImages(clipboard([], { 'text/plain': 'chữ' }))).toEqual([]);
    expect(pastedImages(null)).toEqual([]);
  });

  it('reads a file as base64', async () => {
    expect(await readBase64(photo)).toBe('iVBORw==');
  });
});
