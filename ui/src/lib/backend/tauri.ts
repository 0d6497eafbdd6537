import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { commands, type CommandError, type Result } from '../../bindings';
import {
  BackendError,
  type ArticleInput,
  type Backend,
  type DropPoint,
  type ExportProgress,
  type ImportProgress,
  type MediaEdit,
  type MediaImportText,
  type MediaText,
  type Preferences,
  type SaveKind,
  type SiteSettings,
} from './backend';
import { photoBase, photoUrl } from './photoUrl';

async function unwrap<T>(call: Promise<Result<T, CommandError>>): Promise<T> {
  let result: Result<T, CommandError>;
  try {
    result = await call;
  } catch (e) {
    throw BackendError.from(e);
  }
  if (result.status === 'ok') return result.data;
  throw BackendError.from(result.error);
}

export class TauriBackend implements Backend {
  siteCurrent = () => unwrap(commands.siteCurrent());
  siteOpen = (path: string) => unwrap(commands.siteOpen(path));
  siteCreate = (path: string, name: string) => unwrap(commands.siteCreate(path, name));
  siteRecent = () => unwrap(commands.siteRecent());
  siteSettingsGet = () => unwrap(commands.siteSettingsGet());
  siteSettingsSet = (settings: SiteSettings) => unwrap(commands.siteSettingsSet(settings));
  articleList = (filter: Parameters<Backend['articleList']>[0]) =>
    unwrap(commands.articleList(filter));
  articleGet = (id: number) => unwrap(commands.articleGet(id));
  articleCreate = (input: ArticleInput, kind: SaveKind) =>
    unwrap(commands.articleCreate(input, kind));
  articleUpdate = (id: number, input: ArticleInput, kind: SaveKind) =>
    unwrap(commands.articleUpdate(id, input, kind));
  revisionList = (articleId: number) => unwrap(commands.revisionList(articleId));
  revisionGet = (revisionId: number) => unwrap(commands.revisionGet(revisionId));
  revisionRestore = (articleId: number, revisionId: number) =>
    unwrap(commands.revisionRestore(articleId, revisionId));
  previewArticle = (id: number | null, input: ArticleInput) =>
    unwrap(commands.previewArticle(id, input));
  previewHome = () => unwrap(commands.previewHome());
  exportSite = async (
    out: string,
    includeDrafts: boolean,
    onProgress: (p: ExportProgress) => void,
    moveAside = false,
  ) => {
    const stop = await listen<ExportProgress>('export-progress', (e) => onProgress(e.payload));
    try {
      return await unwrap(commands.exportSite(out, includeDrafts, moveAside));
    } finally {
      stop();
    }
  };
  exportArticle = async (id: number, out: string, moveAside = false) => {
    await unwrap(commands.exportArticle(id, out, moveAside));
  };
  exportArticleZip = async (id: number, out: string) => {
    await unwrap(commands.exportArticleZip(id, out));
  };
  pickZipPath = (suggestedName: string) => unwrap(commands.pickZipPath(suggestedName));
  articlePortalCopy = (id: number) => unwrap(commands.articlePortalCopy(id));
  preferencesGet = () => unwrap(commands.preferencesGet());
  preferencesSet = (preferences: Preferences) => unwrap(commands.preferencesSet(preferences));
  categoryList = () => unwrap(commands.categoryList());
  authorList = () => unwrap(commands.authorList());
  monthList = () => unwrap(commands.monthList());
  startupProblem = async () => {
    const problem = await unwrap(commands.startupProblem());
    return problem ? new BackendError(problem.code, problem.message) : null;
  };
  appReady = async () => {
    await commands.appReady();
  };
  pickFolder = () => unwrap(commands.pickFolder());
  onCloseRequested = (beforeClose: () => Promise<boolean>) =>
    getCurrentWindow().onCloseRequested(async (event) => {
      if (!(await beforeClose())) event.preventDefault();
    });
  closeWindow = () => getCurrentWindow().destroy();

  pickPhotos = () => unwrap(commands.pickPhotos());
  mediaImport = async (
    paths: string[],
    text: MediaImportText,
    onProgress: (p: ImportProgress) => void,
  ) => {
    const stop = await listen<ImportProgress>('media-import-progress', (e) =>
      onProgress(e.payload),
    );
    try {
      return await unwrap(commands.mediaImport(paths, text));
    } finally {
      stop();
    }
  };
  mediaImportData = (fileName: string, dataBase64: string) =>
    unwrap(commands.mediaImportData(fileName, dataBase64));
  mediaList = (query: string | null) => unwrap(commands.mediaList(query));
  mediaGet = (id: number) => unwrap(commands.mediaGet(id));
  mediaUpdateText = (id: number, text: MediaText) => unwrap(commands.mediaUpdateText(id, text));
  mediaSetEdit = (id: number, edit: MediaEdit) => unwrap(commands.mediaSetEdit(id, edit));
  mediaRemove = async (id: number) => {
    await unwrap(commands.mediaRemove(id));
  };

  private readonly mediaBase = photoBase(navigator.userAgent);
  photoUrl = (pathOrReference: string, width?: number) =>
    photoUrl(this.mediaBase, pathOrReference, width);

  // Tauri takes files dragged in from the file manager before the page sees them and
  // reports where they landed in physical pixels; the page thinks in CSS pixels.
  onFilesDropped = (handler: (paths: string[], at: DropPoint) => void) =>
    getCurrentWebview().onDragDropEvent((e) => {
      if (e.payload.type !== 'drop' || e.payload.paths.length === 0) return;
      const scale = window.devicePixelRatio || 1;
      const { x, y } = e.payload.position;
      handler(e.payload.paths, { x: x / scale, y: y / scale });
    });
}
