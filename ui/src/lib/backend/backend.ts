import type {
  Article,
  ArticleInput,
  ArticlePage,
  Category,
  ErrorCode,
  ListFilter,
  MonthCount,
  Preferences,
  Revision,
  RevisionSummary,
  SaveKind,
  SiteInfo,
  SiteSettings,
  ExportReport,
  PortalCopy,
  Imported,
  MediaDetail,
  MediaEdit,
  MediaEntry,
  MediaImportResult,
  MediaImportText,
  MediaItem,
  MediaText,
} from '../../bindings';

export type {
  Article,
  ArticleInput,
  ArticlePage,
  ArticleSummary,
  Category,
  ErrorCode,
  ListFilter,
  MonthCount,
  Preferences,
  Revision,
  RevisionSummary,
  SaveKind,
  SiteInfo,
  SiteSettings,
  Status,
  ExportReport,
  PortalCopy,
  CommandError,
  Crop,
  Imported,
  MediaDetail,
  MediaEdit,
  MediaEntry,
  MediaImportResult,
  MediaImportText,
  MediaItem,
  MediaText,
  MediaUse,
  Rendition,
  RenditionSet,
} from '../../bindings';

/** `export-progress` events while a site export runs. */
export type ExportProgress = { done: number; total: number };

/** `media-import-progress` events while photos are imported: `file_name` was just done. */
export type ImportProgress = { done: number; total: number; file_name: string };

/** Where files were dropped on the window, in CSS pixels from the viewport's top left. */
export type DropPoint = { x: number; y: number };

export const ERROR_CODES: readonly ErrorCode[] = [
  'not_found',
  'invalid_input',
  'site_too_new',
  'not_a_site',
  'storage',
  'disk_full',
  'busy',
  'io',
  'internal',
  'image_unsupported',
  'image_damaged',
  'image_too_large',
  'in_use',
  'unsafe_path',
  'file_in_the_way',
  'damaged_site',
  'theme_error',
];

export class BackendError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }

  // Anything thrown (a Tauri IPC failure, a bug) becomes a BackendError so the UI has
  // one shape to translate and show.
  static from(e: unknown): BackendError {
    if (e instanceof BackendError) return e;
    if (isCommandError(e)) return new BackendError(e.code, e.message);
    if (e instanceof Error) return new BackendError('internal', e.message);
    return new BackendError('internal', String(e));
  }
}

export function isCommandError(e: unknown): e is { code: ErrorCode; message: string } {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message } = e as Record<string, unknown>;
  return ERROR_CODES.includes(code as ErrorCode) && typeof message === 'string';
}

/** What the UI needs from the Rust side. Every method throws BackendError on failure. */
export interface Backend {
  siteCurrent(): Promise<SiteInfo>;
  siteOpen(path: string): Promise<SiteInfo>;
  siteCreate(path: string, name: string): Promise<SiteInfo>;
  siteRecent(): Promise<string[]>;
  /** The open site's name, contact details, web address… as stored. */
  siteSettingsGet(): Promise<SiteSettings>;
  /**
   * Saves every setting or none, returning them cleaned (trimmed, NFC). A wrong field is
   * refused with `invalid_input` and a message that starts with its name (`base_url: …`).
   */
  siteSettingsSet(settings: SiteSettings): Promise<SiteSettings>;
  articleList(filter: ListFilter): Promise<ArticlePage>;
  articleGet(id: number): Promise<Article>;
  /** `kind` is recorded on the revision (autosave, the writer's own save, a restore). */
  articleCreate(input: ArticleInput, kind: SaveKind): Promise<Article>;
  /** Saving text identical to the current revision writes nothing and returns it. */
  articleUpdate(id: number, input: ArticleInput, kind: SaveKind): Promise<Article>;
  /** Newest first. */
  revisionList(articleId: number): Promise<RevisionSummary[]>;
  revisionGet(revisionId: number): Promise<Revision>;
  /** Saves the revision's text as the newest revision; the status stays as it is. */
  revisionRestore(articleId: number, revisionId: number): Promise<Article>;
  /** The article page the export would write for this (unsaved) text, stylesheet inlined. */
  previewArticle(id: number | null, input: ArticleInput): Promise<string>;
  /** The home page the export would write. */
  previewHome(): Promise<string>;
  /** Exports the published site (or every article) into `out`, reporting progress. */
  exportSite(
    out: string,
    includeDrafts: boolean,
    onProgress: (p: ExportProgress) => void,
    moveAside?: boolean,
  ): Promise<ExportReport>;
  /** One article as a self-contained folder. `moveAside` renames files not made by Bản Tin. */
  exportArticle(id: number, out: string, moveAside?: boolean): Promise<void>;
  /** The same folder as one zip file at `out`. */
  exportArticleZip(id: number, out: string): Promise<void>;
  /** The native "save as" dialog for a zip file; null when cancelled. */
  pickZipPath(suggestedName: string): Promise<string | null>;
  /** Clean HTML and plain text of an article, for a portal's editor. */
  articlePortalCopy(id: number): Promise<PortalCopy>;
  preferencesGet(): Promise<Preferences>;
  preferencesSet(preferences: Preferences): Promise<Preferences>;
  categoryList(): Promise<Category[]>;
  authorList(): Promise<string[]>;
  /** Months (`YYYY-MM`, Vietnam time) that have articles, newest first. */
  monthList(): Promise<MonthCount[]>;
  /** Why the last used site did not open at start, if it did not. */
  startupProblem(): Promise<BackendError | null>;
  /** The first article rows are painted (start-up measurement); never fails. */
  appReady(): Promise<void>;
  pickFolder(): Promise<string | null>;
  /**
   * Runs `beforeClose` when the user closes the window; the window closes only when it
   * resolves true (unsaved text could not be saved otherwise). Returns an unsubscribe.
   */
  onCloseRequested(beforeClose: () => Promise<boolean>): Promise<() => void>;
  /** Closes the window without asking again (the user chose to discard). */
  closeWindow(): Promise<void>;

  /** The native picker for photos (several at once); empty when cancelled. */
  pickPhotos(): Promise<string[]>;
  /**
   * Imports files into the site's photo library, one result per path in order: a file
   * that fails does not stop the others. Reports progress after each file.
   */
  mediaImport(
    paths: string[],
    text: MediaImportText,
    onProgress: (p: ImportProgress) => void,
  ): Promise<MediaImportResult[]>;
  /** Imports a photo the web view holds as bytes (a paste, a drop from a browser). */
  mediaImportData(fileName: string, dataBase64: string): Promise<Imported>;
  /** Newest first; `query` searches caption, credit, alt text and file name, accents optional. */
  mediaList(query: string | null): Promise<MediaEntry[]>;
  mediaGet(id: number): Promise<MediaDetail>;
  mediaUpdateText(id: number, text: MediaText): Promise<MediaItem>;
  /** Turns or crops a photo (the original is kept) and makes its new renditions. */
  mediaSetEdit(id: number, edit: MediaEdit): Promise<MediaDetail>;
  /** Refused with `in_use` while an article shows the photo. */
  mediaRemove(id: number): Promise<void>;
  /**
   * A URL the web view can show for a photo: a rendition path (`media/renditions/…`) or an
   * article's reference (`media/<hash>.<ext>`), the latter at least `width` pixels wide when
   * one is that wide. null for anything else (a file path written before the photo library).
   */
  photoUrl(pathOrReference: string, width?: number): string | null;
  /** Files dropped on the window from the file manager; returns an unsubscribe. */
  onFilesDropped(handler: (paths: string[], at: DropPoint) => void): Promise<() => void>;
}
