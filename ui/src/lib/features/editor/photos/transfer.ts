/** The photos among dragged or pasted files (a drop may carry documents too). */
export function imageFiles(files: FileList | readonly File[] | null | undefined): File[] {
  return Array.from(files ?? []).filter((f) => f.type.startsWith('image/'));
}

function hasText(html: string): boolean {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').trim() !== '';
}

/**
 * The photos a paste should import, or none when it is text. Word, Excel and LibreOffice put
 * a picture of the copied cells or paragraphs on the clipboard next to the text: that text is
 * what the writer wants, cleaned as usual. A copied photo (a screenshot, "Copy image" in a
 * browser) comes with no text, at most an `<img>` in HTML.
 */
export function pastedImages(data: DataTransfer | null): File[] {
  if (!data) return [];
  const images = imageFiles(data.files);
  if (images.length === 0) return [];
  const html = data.getData('text/html');
  const isText = html ? hasText(html) : data.getData('text/plain').trim() !== '';
  return isText ? [] : images;
}

/** The file's bytes as base64, for `mediaImportData`. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}
