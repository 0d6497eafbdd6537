import {
  BackendError,
  type Article,
  type ArticleInput,
  type ArticlePage,
  type ArticleSummary,
  type Backend,
  type Category,
  type DropPoint,
  type ExportProgress,
  type ExportReport,
  type ImportProgress,
  type Imported,
  type ListFilter,
  type MediaDetail,
  type MediaEdit,
  type MediaEntry,
  type MediaImportResult,
  type MediaImportText,
  type MediaItem,
  type MediaText,
  type PortalCopy,
  type MonthCount,
  type Preferences,
  type Revision,
  type RevisionSummary,
  type SaveKind,
  type SiteInfo,
  type SiteSettings,
} from './backend';
import { countWords } from '../text/words';
import { fold, foldWords, matchesAllWords, searchFold } from '../text/fold';
import {
  SEED_ARTICLES,
  SEED_CATEGORIES,
  SEED_PHOTOS,
  generateArticles,
  type SeedArticle,
  type SeedPhoto,
} from './seed';
import { MockMediaStore, baseName } from './mockMedia';

/** `month` is the creation month in Vietnam time, as the Rust store filters and counts. */
type Indexed = { article: Article; title: string; text: string; month: string };

type MockSite = {
  /** Also the `name` setting: the site switcher and the settings show the same one. */
  name: string;
  settings: Omit<SiteSettings, 'name'>;
  items: Indexed[];
  nextId: number;
  categories: string[];
  revisions: Revision[];
  media: MockMediaStore;
};

export interface MockOptions {
  /** Articles of the initial site; defaults to a few Vietnamese samples. */
  articles?: SeedArticle[];
  /** Extra generated articles, e.g. 10_000 to exercise the virtual list. */
  generate?: number;
  /** Simulated IPC delay in ms, per call. */
  latency?: number | ((method: string, args: unknown[]) => number);
  /** Results handed out by pickFolder, in order; null simulates a cancelled dialog. */
  folders?: (string | null)[];
  /** No site open at start-up. */
  noSite?: boolean;
  /** Photos of the initial site's library; defaults to two samples. */
  photos?: SeedPhoto[];
  /** Results handed out by pickPhotos, in order; an empty list is a cancelled dialog. */
  photoPicks?: string[][];
  /**
   * Words typed with the input method off and what they spell. The backend decodes any
   * Telex, VNI or VIQR word (bantin-core's typing.rs); the mock knows only these.
   */
  typedKeys?: Record<string, string>;
}

const TYPED_KEYS: Record<string, string> = {
  hooij: 'hội',
  nghij: 'nghị',
  ho6i5: 'hội',
  nghi5: 'nghị',
  dduwowngf: 'đường',
  d9u7o72ng: 'đường',
  vaawn: 'văn',
  hoas: 'hóa',
};

const DEFAULT_PATH = '/home/bantin/trang-huyen';

const NO_SETTINGS: Omit<SiteSettings, 'name'> = {
  unit: '',
  description: '',
  address: '',
  phone: '',
  email: '',
  base_url: '',
  documents_category: '',
  media_widths: '',
};

/** A refusal worded as the Rust side words it: the field's name, a colon, the reason. */
function invalidSetting(field: keyof SiteSettings, reason: string): BackendError {
  return new BackendError('invalid_input', `${field}: ${reason}`);
}

/**
 * What the Rust side saves (site_settings.rs): trimmed and NFC, the web address without
 * its trailing slash, widths as `480, 960`; checked in the same order, so the first wrong
 * field is the one named.
 */
export function normalizeSiteSettings(s: SiteSettings): SiteSettings {
  const line = (v: string) => v.trim().normalize('NFC');
  const clean: SiteSettings = {
    name: line(s.name),
    unit: line(s.unit),
    description: line(s.description),
    address: line(s.address),
    phone: line(s.phone),
    email: line(s.email),
    base_url: line(s.base_url).replace(/\/+$/, ''),
    documents_category: line(s.documents_category),
    media_widths: line(s.media_widths),
  };
  if (clean.name === '') throw invalidSetting('name', 'the site needs a name');
  const host = clean.base_url.replace(/^https?:\/\//, '');
  if (clean.base_url !== '' && (host === clean.base_url || host === '' || /\s/.test(host)))
    throw invalidSetting('base_url', 'must start with https:// or http://');
  if (clean.email !== '' && (!clean.email.includes('@') || /\s/.test(clean.email)))
    throw invalidSetting('email', 'is not an e-mail address');
  const widths = clean.media_widths
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  // Rust's u32 parse takes digits with an optional leading plus and nothing else.
  if (widths.some((w) => !/^\+?\d+$/.test(w) || Number(w) < 16 || Number(w) > 8192))
    throw invalidSetting('media_widths', 'must be widths between 16 and 8192, separated by commas');
  return { ...clean, media_widths: widths.join(', ') };
}
const STATUSES = ['draft', 'published'];

/** Roughly what the Rust side counts: body text without image syntax. */
function bodyWords(markdown: string): number {
  return countWords(markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/[*_#>|`]/g, ' '));
}
// Vietnam is UTC+7 all year (no daylight saving).
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function clone<T>(v: T): T {
  // What crosses the Tauri IPC is a copy; mirror that so the UI cannot mutate the store.
  return JSON.parse(JSON.stringify(v)) as T;
}

function slugify(title: string): string {
  return (
    fold(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'bai-viet'
  );
}

/** `2024-01-31T20:00:00Z` → `2024-02`: the month in Vietnam when the article was created. */
function vietnamMonth(iso: string): string {
  return new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

function indexed(article: Article): Indexed {
  return {
    article,
    title: searchFold(article.title),
    text: searchFold([article.title, article.sapo, article.body, ...article.authors].join(' ')),
    month: vietnamMonth(article.created_at),
  };
}

function summary(a: Article): ArticleSummary {
  const { id, title, slug, status, authors, category, created_at, updated_at } = a;
  return { id, title, slug, status, authors, category, created_at, updated_at };
}

function inCategory(category: string | null, path: string): boolean {
  return category === path || (category?.startsWith(path + '/') ?? false);
}

function newestFirst(a: Indexed, b: Indexed): number {
  const d = b.article.created_at.localeCompare(a.article.created_at);
  return d !== 0 ? d : b.article.id - a.article.id;
}

export class MockBackend implements Backend {
  private sites = new Map<string, MockSite>();
  private current: string | null;
  private recent: string[] = [];
  private folders: (string | null)[];
  private photoPicks: string[][];
  private importFailures = new Map<string, BackendError>();
  private dropHandlers = new Set<(paths: string[], at: DropPoint) => void>();
  private latency: MockOptions['latency'];
  private cache: { key: string; ids: Indexed[]; decoded: string | null } | null = null;
  private typedKeys: Record<string, string>;
  private nextRevision = 1;
  private prefs: Preferences = { writer_name: '' };
  private saveFailures: BackendError[] = [];
  private beforeClose: (() => Promise<boolean>) | null = null;
  /** Set once the window has been closed (tests check it). */
  closed = false;

  constructor(opts: MockOptions = {}) {
    this.latency = opts.latency ?? 0;
    this.folders = [...(opts.folders ?? [])];
    this.photoPicks = [...(opts.photoPicks ?? [])];
    this.typedKeys = opts.typedKeys ?? TYPED_KEYS;
    const seed = [...(opts.articles ?? SEED_ARTICLES), ...generateArticles(opts.generate ?? 0)];
    this.addSite(DEFAULT_PATH, 'Trang tin huyện', seed, opts.photos ?? SEED_PHOTOS);
    this.addSite('/home/bantin/trang-xa', 'Trang tin xã', SEED_ARTICLES.slice(0, 2));
    this.current = opts.noSite ? null : DEFAULT_PATH;
    this.recent = opts.noSite ? [DEFAULT_PATH] : [DEFAULT_PATH, '/home/bantin/trang-xa'];
  }

  private addSite(path: string, name: string, seed: SeedArticle[], photos: SeedPhoto[] = []) {
    const site: MockSite = {
      name,
      settings: { ...NO_SETTINGS },
      items: [],
      nextId: 1,
      categories: [...SEED_CATEGORIES],
      revisions: [],
      media: new MockMediaStore(photos),
    };
    this.sites.set(path, site);
    for (const s of seed) this.insert(site, s, s.created_at);
  }

  private insert(
    site: MockSite,
    input: ArticleInput,
    createdAt: string,
    kind: SaveKind = 'save',
  ): Article {
    const id = site.nextId++;
    const article: Article = {
      ...clone(input),
      id,
      slug: this.uniqueSlug(site, slugify(input.title), id),
      created_at: createdAt,
      updated_at: createdAt,
      revision_id: this.addRevision(site, id, input, createdAt, kind),
    };
    site.items.push(indexed(article));
    if (article.category) this.ensureCategory(site, article.category);
    this.cache = null;
    return article;
  }

  private addRevision(
    site: MockSite,
    articleId: number,
    input: ArticleInput,
    at: string,
    kind: SaveKind,
  ): number {
    const summary: RevisionSummary = {
      id: this.nextRevision++,
      created_at: at,
      title: input.title,
      saved_by: this.prefs.writer_name,
      kind,
      word_count: bodyWords(input.body),
    };
    site.revisions.push({ summary, article_id: articleId, input: clone(input) });
    return summary.id;
  }

  /** Makes the next saves fail with these errors, in order (disk full, locked file…). */
  failSaves(...errors: BackendError[]) {
    this.saveFailures.push(...errors);
  }

  private takeSaveFailure() {
    const failure = this.saveFailures.shift();
    if (failure) throw failure;
  }

  private uniqueSlug(site: MockSite, base: string, id: number): string {
    // Only checked against small seeds and hand-made articles; generated ones get the id.
    return site.items.length > 1000 || site.items.some((i) => i.article.slug === base)
      ? `${base}-${id}`
      : base;
  }

  private ensureCategory(site: MockSite, path: string) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (!site.categories.includes(p)) site.categories.push(p);
    }
  }

  private async delay(method: string, args: unknown[]) {
    const ms = typeof this.latency === 'function' ? this.latency(method, args) : this.latency;
    await new Promise((r) => setTimeout(r, ms ?? 0));
  }

  private site(): MockSite {
    const site = this.current ? this.sites.get(this.current) : undefined;
    if (!site) throw new BackendError('not_a_site', 'no site is open');
    return site;
  }

  private info(path: string): SiteInfo {
    const site = this.sites.get(path)!;
    return { path, name: site.name, article_count: site.items.length };
  }

  private touchRecent(path: string) {
    this.recent = [path, ...this.recent.filter((p) => p !== path)].slice(0, 8);
  }

  private validate(input: ArticleInput) {
    if (input.title.trim() === '')
      throw new BackendError('invalid_input', 'title must not be empty');
    if (!STATUSES.includes(input.status))
      throw new BackendError('invalid_input', `unknown status ${input.status}`);
    if (input.authors.some((a) => a.trim() === ''))
      throw new BackendError('invalid_input', 'author names must not be empty');
  }

  private find(id: number): Indexed {
    const found = this.site().items.find((i) => i.article.id === id);
    if (!found) throw new BackendError('not_found', `article ${id} does not exist`);
    return found;
  }

  private filtered(filter: ListFilter): { ids: Indexed[]; decoded: string | null } {
    const { limit: _l, offset: _o, ...rest } = filter;
    const key = `${this.current}|${JSON.stringify(rest)}`;
    if (this.cache?.key === key) return this.cache;

    // Each word, or what it spells when typed with the input method off and no
    // article has it as typed, as the backend searches.
    const all = this.site().items;
    const pieces = (filter.query ?? '').split(/\s+/).filter((p) => foldWords(p).length > 0);
    let decodedAny = false;
    const alternatives = pieces.map((piece) => {
      const alts = [foldWords(piece)];
      const spelt = this.typedKeys[piece.toLowerCase()];
      if (spelt && !all.some((i) => matchesAllWords(i.text, alts[0]))) {
        alts.push(foldWords(spelt));
        decodedAny = true;
        return { alts, shown: spelt };
      }
      return { alts, shown: piece.normalize('NFC') };
    });
    const matches = (text: string) =>
      alternatives.every(({ alts }) => alts.some((words) => matchesAllWords(text, words)));
    const words = alternatives.flatMap(({ alts }) => alts[alts.length - 1]);
    let items = all.filter(
      ({ article: a, text, month }) =>
        (!filter.status || a.status === filter.status) &&
        (!filter.category || inCategory(a.category, filter.category)) &&
        (!filter.author || a.authors.includes(filter.author)) &&
        (!filter.month || month === filter.month) &&
        matches(text),
    );
    if (words.length > 0) {
      // Title hits outrank body hits; ties stay newest first.
      const score = (i: Indexed) => words.filter((w) => i.title.includes(w)).length;
      items = items.sort((a, b) => score(b) - score(a) || newestFirst(a, b));
    } else {
      items = items.sort(newestFirst);
    }
    const decoded =
      decodedAny && items.length > 0 ? alternatives.map(({ shown }) => shown).join(' ') : null;
    this.cache = { key, ids: items, decoded };
    return this.cache;
  }

  async siteCurrent(): Promise<SiteInfo> {
    await this.delay('siteCurrent', []);
    if (!this.current) throw new BackendError('not_a_site', 'no site is open');
    return this.info(this.current);
  }

  async siteOpen(path: string): Promise<SiteInfo> {
    await this.delay('siteOpen', [path]);
    if (path.includes('too-new'))
      throw new BackendError('site_too_new', 'schema version 9 is newer than supported 1');
    if (!this.sites.has(path)) throw new BackendError('not_a_site', `${path} has no site.db`);
    this.current = path;
    this.cache = null;
    this.touchRecent(path);
    return this.info(path);
  }

  async siteCreate(path: string, name: string): Promise<SiteInfo> {
    await this.delay('siteCreate', [path, name]);
    if (name.trim() === '') throw new BackendError('invalid_input', 'site name must not be empty');
    if (this.sites.has(path)) throw new BackendError('invalid_input', `${path} is already a site`);
    this.addSite(path, name.trim(), []);
    return this.siteOpen(path);
  }

  async siteRecent(): Promise<string[]> {
    await this.delay('siteRecent', []);
    return [...this.recent];
  }

  async siteSettingsGet(): Promise<SiteSettings> {
    await this.delay('siteSettingsGet', []);
    const site = this.site();
    return clone({ name: site.name, ...site.settings });
  }

  async siteSettingsSet(settings: SiteSettings): Promise<SiteSettings> {
    await this.delay('siteSettingsSet', [settings]);
    const site = this.site();
    const { name, ...rest } = normalizeSiteSettings(settings);
    site.name = name;
    site.settings = rest;
    return clone({ name, ...rest });
  }

  async articleList(filter: ListFilter): Promise<ArticlePage> {
    await this.delay('articleList', [filter]);
    if (filter.limit < 0 || filter.offset < 0)
      throw new BackendError('invalid_input', 'limit and offset must be positive');
    const { ids: items, decoded } = this.filtered(filter);
    return {
      total: items.length,
      items: items
        .slice(filter.offset, filter.offset + filter.limit)
        .map((i) => clone(summary(i.article))),
      decoded_query: decoded,
    };
  }

  async articleGet(id: number): Promise<Article> {
    await this.delay('articleGet', [id]);
    return clone(this.find(id).article);
  }

  async articleCreate(input: ArticleInput, kind: SaveKind): Promise<Article> {
    await this.delay('articleCreate', [input, kind]);
    this.takeSaveFailure();
    this.validate(input);
    return clone(this.insert(this.site(), input, new Date().toISOString(), kind));
  }

  async articleUpdate(id: number, input: ArticleInput, kind: SaveKind): Promise<Article> {
    await this.delay('articleUpdate', [id, input, kind]);
    this.takeSaveFailure();
    this.validate(input);
    const site = this.site();
    const old = this.find(id);
    const {
      id: _i,
      slug: _s,
      created_at: _c,
      updated_at: _u,
      revision_id: _r,
      ...current
    } = old.article;
    if (JSON.stringify(current) === JSON.stringify({ ...current, ...input })) {
      return clone(old.article);
    }
    const now = new Date().toISOString();
    const article: Article = {
      ...old.article,
      ...clone(input),
      updated_at: now,
      revision_id: this.addRevision(site, id, input, now, kind),
    };
    site.items[site.items.indexOf(old)] = indexed(article);
    if (article.category) this.ensureCategory(site, article.category);
    this.cache = null;
    return clone(article);
  }

  async revisionList(articleId: number): Promise<RevisionSummary[]> {
    await this.delay('revisionList', [articleId]);
    this.find(articleId);
    return clone(
      this.site()
        .revisions.filter((r) => r.article_id === articleId)
        .map((r) => r.summary)
        .reverse(),
    );
  }

  async revisionGet(revisionId: number): Promise<Revision> {
    await this.delay('revisionGet', [revisionId]);
    const found = this.site().revisions.find((r) => r.summary.id === revisionId);
    if (!found) throw new BackendError('not_found', `revision ${revisionId} does not exist`);
    return clone(found);
  }

  async revisionRestore(articleId: number, revisionId: number): Promise<Article> {
    const revision = await this.revisionGet(revisionId);
    if (revision.article_id !== articleId)
      throw new BackendError('not_found', `revision ${revisionId} does not exist`);
    const status = this.find(articleId).article.status;
    return this.articleUpdate(articleId, { ...revision.input, status }, 'restore');
  }

  /** Every preview requested, newest last (tests read it). */
  previews: { id: number | null; input: ArticleInput }[] = [];

  async previewArticle(id: number | null, input: ArticleInput): Promise<string> {
    await this.delay('previewArticle', [id, input]);
    this.previews.push({ id, input: clone(input) });
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<!doctype html><html lang="vi"><body><h1>${esc(input.title)}</h1><p class="sapo">${esc(input.sapo)}</p><div>${esc(input.body)}</div></body></html>`;
  }

  async previewHome(): Promise<string> {
    const titles = this.site().items.map((i) => i.article.title);
    return `<!doctype html><html lang="vi"><body><ul>${titles.map((t) => `<li>${t}</li>`).join('')}</ul></body></html>`;
  }

  /** Folders written by exportSite / exportArticle (tests read them). */
  exported: string[] = [];
  /** Export folders holding a file Bản Tin did not make, by folder (tests set them). */
  foreignFiles = new Map<string, string>();

  async exportSite(
    out: string,
    includeDrafts: boolean,
    onProgress: (p: ExportProgress) => void,
    moveAside = false,
  ): Promise<ExportReport> {
    const inTheWay = this.foreignFiles.get(out);
    if (inTheWay && !moveAside) {
      throw new BackendError(
        'file_in_the_way',
        `${out}/${inTheWay}: this file was not made by Bản Tin`,
      );
    }
    const movedAside: [string, string][] = inTheWay ? [[inTheWay, `${inTheWay}.bak`]] : [];
    if (inTheWay) this.foreignFiles.delete(out);
    const articles = this.site().items.filter(
      (i) => includeDrafts || i.article.status === 'published',
    ).length;
    for (let done = 1; done <= articles; done++) {
      await this.delay('exportSite', [out]);
      onProgress({ done, total: articles });
    }
    this.exported.push(out);
    const files = articles + 10;
    return {
      articles,
      files,
      written: files,
      unchanged: 0,
      removed: 0,
      elapsed_ms: 5,
      moved_aside: movedAside,
    };
  }

  async exportArticle(id: number, out: string): Promise<void> {
    this.find(id);
    this.exported.push(out);
  }

  async exportArticleZip(id: number, out: string): Promise<void> {
    this.find(id);
    this.exported.push(out);
  }

  /** Results handed out by pickZipPath, in order; none left simulates a cancelled dialog. */
  zipPaths: string[] = [];

  async pickZipPath(suggestedName: string): Promise<string | null> {
    await this.delay('pickZipPath', [suggestedName]);
    return this.zipPaths.shift() ?? null;
  }

  async articlePortalCopy(id: number): Promise<PortalCopy> {
    const a = this.find(id).article;
    return {
      html: `<p><strong>${a.sapo}</strong></p><p>${a.body}</p>`,
      text: `${a.sapo}\n\n${a.body}`,
    };
  }

  async preferencesGet(): Promise<Preferences> {
    return clone(this.prefs);
  }

  async preferencesSet(preferences: Preferences): Promise<Preferences> {
    this.prefs = { writer_name: preferences.writer_name.normalize('NFC').trim() };
    return clone(this.prefs);
  }

  async categoryList(): Promise<Category[]> {
    await this.delay('categoryList', []);
    const site = this.site();
    return [...site.categories]
      .sort((a, b) => a.localeCompare(b, 'vi'))
      .map((path) => {
        const parts = path.split('/');
        return {
          path,
          name: parts[parts.length - 1],
          depth: parts.length - 1,
          article_count: site.items.filter((i) => inCategory(i.article.category, path)).length,
        };
      });
  }

  async authorList(): Promise<string[]> {
    await this.delay('authorList', []);
    const names = new Set(this.site().items.flatMap((i) => i.article.authors));
    return [...names].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  async appReady(): Promise<void> {}

  /** Tests set this to play a last site that did not open. */
  startupFailure: BackendError | null = null;

  async startupProblem(): Promise<BackendError | null> {
    return this.startupFailure;
  }

  async monthList(): Promise<MonthCount[]> {
    await this.delay('monthList', []);
    const counts = new Map<string, number>();
    for (const { month } of this.site().items) counts.set(month, (counts.get(month) ?? 0) + 1);
    return [...counts]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([month, article_count]) => ({ month, article_count }));
  }

  async pickFolder(): Promise<string | null> {
    await this.delay('pickFolder', []);
    return this.folders.length > 0 ? (this.folders.shift() ?? null) : null;
  }

  async onCloseRequested(beforeClose: () => Promise<boolean>): Promise<() => void> {
    this.beforeClose = beforeClose;
    return () => {
      if (this.beforeClose === beforeClose) this.beforeClose = null;
    };
  }

  async closeWindow(): Promise<void> {
    this.closed = true;
  }

  /** What the window's close button does; resolves whether the window closed. */
  async requestClose(): Promise<boolean> {
    const allowed = this.beforeClose ? await this.beforeClose() : true;
    if (allowed) this.closed = true;
    return allowed;
  }

  /** Makes every import of a file with this name (or path) fail with `error`. */
  failImport(nameOrPath: string, error: BackendError) {
    this.importFailures.set(nameOrPath, error);
  }

  private importFailure(path: string): BackendError | undefined {
    return this.importFailures.get(path) ?? this.importFailures.get(baseName(path));
  }

  private articles(): Article[] {
    return this.site().items.map((i) => i.article);
  }

  async pickPhotos(): Promise<string[]> {
    await this.delay('pickPhotos', []);
    return this.photoPicks.shift() ?? [];
  }

  async mediaImport(
    paths: string[],
    text: MediaImportText,
    onProgress: (p: ImportProgress) => void,
  ): Promise<MediaImportResult[]> {
    const media = this.site().media;
    const results: MediaImportResult[] = [];
    for (const path of paths) {
      await this.delay('mediaImport', [path]);
      try {
        const failure = this.importFailure(path);
        if (failure) throw failure;
        results.push({ path, imported: media.importFile(path, path, text), error: null });
      } catch (e) {
        const { code, message } = BackendError.from(e);
        results.push({ path, imported: null, error: { code, message } });
      }
      onProgress({ done: results.length, total: paths.length, file_name: baseName(path) });
    }
    return results;
  }

  async mediaImportData(fileName: string, dataBase64: string): Promise<Imported> {
    await this.delay('mediaImportData', [fileName]);
    const failure = this.importFailure(fileName);
    if (failure) throw failure;
    if (dataBase64 === '') throw new BackendError('image_unsupported', `${fileName}: empty file`);
    const ext = fileName.split('.').pop()?.toLowerCase();
    const type = ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : 'image/jpeg';
    const text = { caption: null, credit: null, alt: null };
    return this.site().media.importFile(
      fileName,
      dataBase64,
      text,
      `data:${type};base64,${dataBase64}`,
    );
  }

  async mediaList(query: string | null): Promise<MediaEntry[]> {
    await this.delay('mediaList', [query]);
    return this.site().media.list(query);
  }

  async mediaGet(id: number): Promise<MediaDetail> {
    await this.delay('mediaGet', [id]);
    return this.site().media.get(id, this.articles());
  }

  async mediaUpdateText(id: number, text: MediaText): Promise<MediaItem> {
    await this.delay('mediaUpdateText', [id, text]);
    return this.site().media.updateText(id, text);
  }

  async mediaSetEdit(id: number, edit: MediaEdit): Promise<MediaDetail> {
    await this.delay('mediaSetEdit', [id, edit]);
    return this.site().media.setEdit(id, edit, this.articles());
  }

  async mediaRemove(id: number): Promise<void> {
    await this.delay('mediaRemove', [id]);
    this.site().media.remove(id, this.articles());
  }

  /** Data URLs stand in for the app's bantin:// addresses. */
  photoUrl(pathOrReference: string, _width?: number): string | null {
    if (!pathOrReference.startsWith('media/')) return null;
    const site = this.current ? this.sites.get(this.current) : undefined;
    return site?.media.url(pathOrReference) ?? null;
  }

  async onFilesDropped(handler: (paths: string[], at: DropPoint) => void): Promise<() => void> {
    this.dropHandlers.add(handler);
    return () => this.dropHandlers.delete(handler);
  }

  /** What dropping files from the file manager onto the window does (tests call it). */
  dropFiles(paths: string[], at: DropPoint) {
    for (const handler of this.dropHandlers) handler(paths, at);
  }
}
