import { foldWords, matchesAllWords, searchFold } from '../text/fold';
import { editedSize } from '../features/media/edit';
import {
  BackendError,
  type Article,
  type Crop,
  type Imported,
  type MediaDetail,
  type MediaEdit,
  type MediaEntry,
  type MediaImportText,
  type MediaItem,
  type MediaText,
  type MediaUse,
  type RenditionSet,
} from './backend';
import type { SeedPhoto } from './seed';

/** The widths the Rust side makes by default, and its square thumbnail. */
const WIDTHS = [480, 960, 1600];
const THUMBNAIL_SIDE = 320;
const EXTENSIONS: Record<string, string> = { jpg: 'jpg', jpeg: 'jpg', png: 'png', webp: 'webp' };

type Photo = { item: MediaItem; search: string; dataUrl: string | null };

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

// FNV-1a, twice with different seeds: stable, short, good enough to tell mock photos apart.
function hashOf(text: string): string {
  const fnv = (seed: number) => {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x01000193);
}

function cleanText(text: MediaText): MediaText {
  const c = (s: string) => s.normalize('NFC').trim();
  return { caption: c(text.caption), credit: c(text.credit), alt: c(text.alt) };
}

function editKey(edit: MediaEdit): string {
  if (edit.rotate === 0 && !edit.crop) return 'o';
  return hashOf(JSON.stringify(edit)).slice(0, 8);
}

function widthsFor(width: number): number[] {
  const widths = WIDTHS.filter((w) => w < width);
  if (width <= Math.max(...WIDTHS) || widths.length === 0) widths.push(width);
  return widths;
}

/** What the Rust side's `plan` names for a photo, without making anything. */
export function planRenditions(item: MediaItem): RenditionSet {
  const { width: w, height: h } = editedSize(item.width, item.height, item.edit);
  const ext = item.has_alpha ? 'png' : 'jpg';
  const stem = `media/renditions/${item.hash}-${editKey(item.edit)}`;
  const side = Math.min(THUMBNAIL_SIDE, w, h);
  return {
    sizes: widthsFor(w).map((rw) => ({
      width: rw,
      height: Math.max(1, Math.round((h * rw) / w)),
      path: `${stem}-${rw}.${ext}`,
    })),
    thumbnail: { width: side, height: side, path: `${stem}-thumb.${ext}` },
  };
}

// A drawn landscape in the turned photo's shape, so the mock library looks like one
// without shipping image files; a crop shows only its part of the drawing, as it would.
function placeholder(
  hash: string,
  turned: { width: number; height: number },
  crop: Crop | null,
): string {
  const hue = parseInt(hash.slice(0, 4), 16) % 360;
  const w = 160;
  const h = +((turned.height * w) / turned.width).toFixed(2);
  const c = crop ?? { x: 0, y: 0, width: 1, height: 1 };
  const view = [c.x * w, c.y * h, c.width * w, c.height * h].map((v) => +v.toFixed(2));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${view[2]}" height="${view[3]}" viewBox="${view.join(' ')}">` +
    `<rect width="${w}" height="${h}" fill="hsl(${hue},45%,62%)"/>` +
    `<circle cx="${w * 0.3}" cy="${h * 0.3}" r="${Math.min(w, h) * 0.12}" fill="hsl(${hue},70%,88%)"/>` +
    `<path d="M0 ${h}L${w * 0.35} ${h * 0.55}L${w * 0.6} ${h * 0.8}L${w * 0.8} ${h * 0.6}L${w} ${h}Z" fill="hsl(${hue},35%,36%)"/>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** One site's photo library, in memory, behaving like bantin-media's. */
export class MockMediaStore {
  private photos: Photo[] = [];
  private nextId = 1;

  constructor(seed: SeedPhoto[] = []) {
    for (const s of seed) {
      this.add(s.file_name, hashOf(s.file_name), s, null, Date.parse(s.imported_at), {
        width: s.width,
        height: s.height,
      });
    }
  }

  private add(
    fileName: string,
    hash: string,
    text: MediaText,
    dataUrl: string | null,
    importedAt: number,
    size: { width: number; height: number },
  ): Imported {
    const known = this.photos.find((p) => p.item.hash === hash);
    if (known) {
      return { item: clone(known.item), created: false, renditions: planRenditions(known.item) };
    }
    const ext = EXTENSIONS[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'jpg';
    const item: MediaItem = {
      id: this.nextId++,
      hash,
      file_name: fileName,
      ext,
      ...size,
      bytes: 250_000,
      has_alpha: ext === 'png',
      ...cleanText(text),
      edit: { rotate: 0, crop: null },
      imported_at: importedAt,
    };
    this.photos.push({ item, search: '', dataUrl });
    this.index(this.photos[this.photos.length - 1]);
    return { item: clone(item), created: true, renditions: planRenditions(item) };
  }

  private index(photo: Photo) {
    const { file_name, caption, credit, alt } = photo.item;
    photo.search = searchFold([file_name, caption, credit, alt].join(' '));
  }

  private find(id: number): Photo {
    const found = this.photos.find((p) => p.item.id === id);
    if (!found) throw new BackendError('not_found', `photo ${id} does not exist`);
    return found;
  }

  /**
   * Imports one file. `source` names the bytes (the path, or the base64 data): the same
   * source twice is the same photo. `dataUrl` is what the mock shows for it, if it has the
   * real bytes.
   */
  importFile(
    path: string,
    source: string,
    text: MediaImportText,
    dataUrl: string | null = null,
  ): Imported {
    const name = baseName(path);
    const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
    if (!(ext in EXTENSIONS)) {
      throw new BackendError('image_unsupported', `${name}: not a JPEG, PNG or WebP photo`);
    }
    const size = dataUrl ? { width: 1200, height: 900 } : { width: 4000, height: 3000 };
    const given = { caption: text.caption ?? '', credit: text.credit ?? '', alt: text.alt ?? '' };
    return this.add(name, hashOf(source), given, dataUrl, Date.now(), size);
  }

  list(query: string | null): MediaEntry[] {
    const words = foldWords(query ?? '');
    return this.photos
      .filter((p) => matchesAllWords(p.search, words))
      .sort((a, b) => b.item.imported_at - a.item.imported_at || b.item.id - a.item.id)
      .map((p) => ({ item: clone(p.item), thumbnail: planRenditions(p.item).thumbnail.path }));
  }

  /** Articles whose body shows the photo, as the Rust store finds them. */
  uses(id: number, articles: Article[]): MediaUse[] {
    const needle = `media/${this.find(id).item.hash}`;
    return articles
      .filter((a) => a.body.includes(needle))
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
      .map((a) => ({ article_id: a.id, title: a.title }));
  }

  get(id: number, articles: Article[]): MediaDetail {
    const { item } = this.find(id);
    return {
      item: clone(item),
      renditions: planRenditions(item),
      uses: this.uses(id, articles),
    };
  }

  updateText(id: number, text: MediaText): MediaItem {
    const photo = this.find(id);
    Object.assign(photo.item, cleanText(text));
    this.index(photo);
    return clone(photo.item);
  }

  setEdit(id: number, edit: MediaEdit, articles: Article[]): MediaDetail {
    if (![0, 90, 180, 270].includes(edit.rotate)) {
      throw new BackendError('invalid_input', 'rotate: must be 0, 90, 180 or 270');
    }
    // As MediaEdit::validate: inside the photo (a hair of float error allowed), 1% a side.
    const c = edit.crop;
    const inside = (start: number, len: number) =>
      Number.isFinite(start) &&
      Number.isFinite(len) &&
      start >= 0 &&
      len >= 0.01 &&
      start + len <= 1 + 1e-9;
    if (c && !(inside(c.x, c.width) && inside(c.y, c.height))) {
      throw new BackendError('invalid_input', 'crop: must lie inside the photo');
    }
    this.find(id).item.edit = clone(edit);
    return this.get(id, articles);
  }

  remove(id: number, articles: Article[]): void {
    const uses = this.uses(id, articles);
    if (uses.length > 0) {
      throw new BackendError('in_use', `photo ${id} is shown by ${uses.length} article(s)`);
    }
    this.photos = this.photos.filter((p) => p.item.id !== id);
  }

  /** A data URL for a reference or rendition path of a photo in this library. */
  url(path: string): string | null {
    const hash = /^media\/(?:renditions\/)?([0-9a-f]+)[-.]/.exec(path)?.[1];
    const photo = hash ? this.photos.find((p) => p.item.hash === hash) : undefined;
    if (!photo) return null;
    if (photo.dataUrl) return photo.dataUrl;
    const { width, height, edit } = photo.item;
    return placeholder(
      photo.item.hash,
      editedSize(width, height, { ...edit, crop: null }),
      edit.crop,
    );
  }
}
