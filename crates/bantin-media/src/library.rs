//! The media library's files: importing photos into a site folder, making
//! their renditions when they are missing, and removing unused photos.
//!
//! An import does the slow part (decode, resize, encode, write) without the
//! database, so a batch runs on every core; then each photo is recorded in
//! one statement. Files are written before the record: a failure removes the
//! files this import wrote, and a crash can at worst leave an unreferenced
//! file behind, never a record pointing at a missing one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use bantin_core::files::{read_picked_file, Kind};
use bantin_core::media::reference;
use bantin_core::{
    Durability, Error, Folder, MediaEdit, MediaItem, MediaProblem, NewMedia, RelPath, Result,
    Store, UnsafeReason,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::budget::PHOTO_MEMORY;
use crate::decode::{decode, decoded_size};
use crate::probe::{probe, Format, Limits, Probe};
use crate::renditions::{edited_size, plan, render, RenditionSet, DEFAULT_WIDTHS};
use crate::stream::render_while_decoding;

/// Site setting (in the site's meta table) listing rendition widths, e.g. `480,960,1600`.
pub const WIDTHS_KEY: &str = "media_widths";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaConfig {
    pub widths: Vec<u32>,
    pub limits: Limits,
}

impl Default for MediaConfig {
    fn default() -> Self {
        MediaConfig {
            widths: DEFAULT_WIDTHS.to_vec(),
            limits: Limits::default(),
        }
    }
}

impl MediaConfig {
    /// The site's widths when it sets valid ones, else the defaults.
    pub fn for_site(store: &Store) -> Result<MediaConfig> {
        let widths = store
            .meta(WIDTHS_KEY)?
            .map(|v| {
                v.split(',')
                    .filter_map(|w| w.trim().parse::<u32>().ok())
                    .filter(|w| (16..=8192).contains(w))
                    .collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| DEFAULT_WIDTHS.to_vec());
        Ok(MediaConfig {
            widths,
            ..MediaConfig::default()
        })
    }
}

/// Text given on import; it wins over what the camera wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub alt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Imported {
    pub item: MediaItem,
    /// False when the library already had this photo (same bytes).
    pub created: bool,
    pub renditions: RenditionSet,
}

/// A photo whose files are written and whose record is not yet.
#[derive(Debug)]
pub enum Prepared {
    New {
        record: NewMedia,
        /// Files this import created, removed again if recording fails.
        written: Vec<PathBuf>,
    },
    Known {
        hash: String,
    },
}

pub fn original_path(site_root: &Path, item: &MediaItem) -> PathBuf {
    site_root.join(item.reference())
}

fn hash_of(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Decodes, checks and renders one photo, writing its original and
/// renditions into the site; nothing is written when it is refused.
pub fn prepare(
    site_root: &Path,
    file_name: &str,
    bytes: &[u8],
    config: &MediaConfig,
    options: &ImportOptions,
    known: &HashSet<String>,
) -> Result<Prepared> {
    let refuse = |problem| Error::media(file_name, problem);
    // Hashing and keeping the original (a 10 MB write and sync) are worth
    // another core while this one probes and decodes.
    let (kept, probed, made) = std::thread::scope(|scope| {
        let (format_tx, format_rx) = mpsc::channel();
        let keeping = scope.spawn(move || keep_original(site_root, bytes, &format_rx, known));
        let probed = probe(bytes, &config.limits);
        let _ = format_tx.send(probed.as_ref().ok().map(|p| p.format));
        let made = match &probed {
            Ok(probe) => make_renditions(bytes, probe, config),
            Err(problem) => Err(problem.clone()),
        };
        let kept = keeping
            .join()
            .unwrap_or_else(|_| Err(Error::invalid("media", "hashing stopped")));
        (kept, probed, made)
    });
    let (hash, mut written) = kept?;
    if known.contains(&hash) {
        return Ok(Prepared::Known { hash });
    }
    let result = (|| {
        let probe = probed.map_err(refuse)?;
        let (has_alpha, encoded) = made.map_err(refuse)?;
        let item = new_item(&hash, file_name, &probe, bytes.len(), has_alpha);
        let set = plan(&item, &config.widths);
        let files = set
            .all()
            .map(|r| site_root.join(&r.path))
            .zip(encoded)
            .collect();
        write_all_new(site_root, files, &mut written)?;
        Ok((probe.camera_text, item))
    })();
    let (camera, item) = match result {
        Ok(done) => done,
        Err(e) => {
            remove_all(site_root, &written);
            return Err(e);
        }
    };
    let pick = |given: &Option<String>, found: Option<String>| {
        given
            .clone()
            .filter(|s| !s.trim().is_empty())
            .or(found)
            .unwrap_or_default()
    };
    Ok(Prepared::New {
        record: NewMedia {
            hash,
            file_name: file_name.to_owned(),
            ext: item.ext,
            width: item.width,
            height: item.height,
            bytes: item.bytes,
            has_alpha: item.has_alpha,
            caption: pick(&options.caption, camera.caption),
            credit: pick(&options.credit, camera.credit),
            alt: pick(&options.alt, None),
        },
        written,
    })
}

/// Hashes the file and, once the probe says it is a photo (its format comes
/// through `format`) that the library lacks, keeps it as the original.
/// Returns the hash and what was written.
fn keep_original(
    site_root: &Path,
    bytes: &[u8],
    format: &mpsc::Receiver<Option<Format>>,
    known: &HashSet<String>,
) -> Result<(String, Vec<PathBuf>)> {
    let hash = hash_of(bytes);
    let mut written = Vec::new();
    if let Ok(Some(format)) = format.recv() {
        if !known.contains(&hash) {
            let path = site_root.join(reference(&hash, format.ext()));
            write_new(site_root, &path, bytes, &mut written)?;
        }
    }
    Ok((hash, written))
}

fn new_item(hash: &str, file_name: &str, probe: &Probe, size: usize, has_alpha: bool) -> MediaItem {
    let (width, height) = probe.upright_size();
    MediaItem {
        id: 0,
        hash: hash.to_owned(),
        file_name: file_name.to_owned(),
        ext: probe.format.ext().to_owned(),
        width,
        height,
        bytes: size as u64,
        has_alpha,
        caption: String::new(),
        credit: String::new(),
        alt: String::new(),
        edit: Default::default(),
        imported_at: 0,
    }
}

/// Encoded renditions of a new photo in `plan` order, and whether it keeps
/// its transparency. JPEGs are shrunk while they decode; the rest decode
/// whole, no larger than the largest rendition needs.
fn make_renditions(
    bytes: &[u8],
    probe: &Probe,
    config: &MediaConfig,
) -> std::result::Result<(bool, Vec<Vec<u8>>), MediaProblem> {
    let (width, height) = probe.upright_size();
    let widest = crate::renditions::widths_for(width, &config.widths)
        .last()
        .copied()
        .unwrap_or(width);
    let tall = (f64::from(height) * f64::from(widest) / f64::from(width)).ceil() as u32;
    let need = ((widest + 2).min(width), (tall + 2).min(height));
    let set = plan(&new_item("", "", probe, bytes.len(), false), &config.widths);
    // Held until the renditions are encoded; the files are written after.
    let _memory = PHOTO_MEMORY.reserve(peak_estimate(probe, need, &set, bytes.len()));
    if probe.format == Format::Jpeg {
        if let Some(made) = render_while_decoding(bytes, probe, &set, need) {
            return made.map(|encoded| (false, encoded));
        }
    }
    let pixels = decode(bytes, probe, &config.limits, Some(need))?;
    let alpha = pixels.uses_alpha();
    let set = plan(&new_item("", "", probe, bytes.len(), alpha), &config.widths);
    let encoded = render(
        pixels,
        probe.orientation,
        &MediaEdit::default(),
        &set,
        alpha,
    )
    .map_err(MediaProblem::Damaged)?;
    Ok((alpha, encoded))
}

/// The most memory decoding and rendering a photo holds at once, from its
/// header: the file; the decoded pixels (one buffer, for the decoder's
/// format or the 8-bit result, whichever is larger); the resizer's
/// intermediate for each size, made side by side (the source's width × the
/// size's height, as fast_image_resize does the vertical pass first for
/// 8-bit pixels); and the sizes themselves, with their turned copies.
fn peak_estimate(probe: &Probe, need: (u32, u32), set: &RenditionSet, file: usize) -> u64 {
    let (w, h) = decoded_size(probe, Some(need));
    let pixels = u64::from(w) * u64::from(h);
    let bpp = u64::from(probe.bytes_per_pixel);
    let out_bpp = bpp.min(4);
    let mut bytes = file as u64 + pixels * bpp;
    for r in set.all() {
        let out = u64::from(r.width) * u64::from(r.height);
        bytes +=
            u64::from(w.max(h)) * u64::from(r.width.max(r.height)) * out_bpp + 3 * out * out_bpp;
    }
    if probe.format == Format::WebP {
        // image-webp decodes lossless images through buffers of its own.
        bytes += pixels * 4;
    }
    if out_bpp == 4 && set.sizes.iter().any(|r| r.width >= w.min(h)) {
        // A size as large as the photo: see-through pixels are then
        // weighted by alpha in the resizer's own copy of the photo, per size.
        bytes += pixels * 4 * set.sizes.len() as u64;
    }
    bytes
}

/// The upright size to decode at so the edited photo still covers `width`.
fn decode_size(item: &MediaItem, width: u32) -> (u32, u32) {
    let (edited_w, _) = edited_size(item.width, item.height, &item.edit);
    let scale = f64::from(width) / f64::from(edited_w);
    let side = |v: u32| ((f64::from(v) * scale).ceil() as u32 + 2).min(v);
    (side(item.width), side(item.height))
}

/// A file of the site, for the core's confined file layer: the site's
/// folder and the path below it.
fn site_file(site_root: &Path, path: &Path) -> Result<(Folder, RelPath)> {
    let rel = path
        .strip_prefix(site_root)
        .ok()
        .and_then(Path::to_str)
        .map(|p| p.replace('\\', "/"))
        .ok_or_else(|| Error::unsafe_path(path, UnsafeReason::Outside))?;
    Ok((Folder::open(site_root)?, RelPath::parse(&rel)?))
}

/// Files are named by their content, so one already there is this one.
fn write_new(
    site_root: &Path,
    path: &Path,
    bytes: &[u8],
    written: &mut Vec<PathBuf>,
) -> Result<()> {
    let (folder, rel) = site_file(site_root, path)?;
    match folder.write_new(&rel, bytes, Durability::Synced) {
        Ok(()) => {
            written.push(path.to_owned());
            Ok(())
        }
        Err(Error::InTheWay(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Writes the files that are not there yet, side by side: each is synced,
/// and the syncs overlap.
fn write_all_new(
    site_root: &Path,
    files: Vec<(PathBuf, Vec<u8>)>,
    written: &mut Vec<PathBuf>,
) -> Result<()> {
    let outcomes: Vec<Result<Vec<PathBuf>>> = std::thread::scope(|scope| {
        let writers: Vec<_> = files
            .iter()
            .map(|(path, data)| {
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    write_new(site_root, path, data, &mut mine).map(|()| mine)
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(Error::invalid("media", "writing stopped")))
            })
            .collect()
    });
    let mut failure = None;
    for outcome in outcomes {
        match outcome {
            Ok(mine) => written.extend(mine),
            Err(e) => failure = failure.or(Some(e)),
        }
    }
    failure.map_or(Ok(()), Err)
}

fn remove_all(site_root: &Path, paths: &[PathBuf]) {
    for path in paths {
        if let Ok((folder, rel)) = site_file(site_root, path) {
            let _ = folder.remove_file(&rel);
        }
    }
}

/// Records a prepared photo; on failure the files it wrote are removed.
pub fn commit(
    site_root: &Path,
    store: &mut Store,
    prepared: Prepared,
    config: &MediaConfig,
) -> Result<Imported> {
    match prepared {
        Prepared::Known { hash } => {
            let item = store
                .media_by_hash(&hash)?
                .ok_or_else(|| Error::invalid("media", "photo vanished during import"))?;
            let renditions = ensure_renditions(site_root, &item, config)?;
            Ok(Imported {
                item,
                created: false,
                renditions,
            })
        }
        Prepared::New { record, written } => match store.insert_media(&record) {
            Ok((item, created)) => Ok(Imported {
                renditions: plan(&item, &config.widths),
                item,
                created,
            }),
            Err(e) => {
                remove_all(site_root, &written);
                Err(e)
            }
        },
    }
}

/// The photo file the user picked at `path`. A link is refused, not
/// followed (to `/dev/zero`, or out of the folder); the core's reader
/// refuses devices, pipes and folders without waiting on them, and checks
/// the limit on the bytes it reads, so a file growing while it is read stops
/// there. The size the file claims is checked first for the photo's own
/// message.
fn read_photo(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.file_type().is_symlink() {
        return Err(Error::unsafe_path(path, UnsafeReason::Link));
    }
    if meta.is_file() {
        limits
            .check_file(meta.len())
            .map_err(|problem| Error::media(path, problem))?;
    }
    read_picked_file(path, limits.max_file_bytes)
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Imports one file.
pub fn import_file(
    site_root: &Path,
    store: &mut Store,
    path: &Path,
    config: &MediaConfig,
    options: &ImportOptions,
) -> Result<Imported> {
    import_files(
        site_root,
        store,
        &[path.to_owned()],
        config,
        options,
        &mut |_| {},
    )
    .pop()
    .map(|(_, r)| r)
    .unwrap_or_else(|| Err(Error::invalid("media", "nothing imported")))
}

/// Imports a photo held in memory (pasted, or dropped from a web page);
/// `file_name` names it in the library and in errors.
pub fn import_data(
    site_root: &Path,
    store: &mut Store,
    file_name: &str,
    bytes: &[u8],
    config: &MediaConfig,
) -> Result<Imported> {
    let known = known_hashes(store)?;
    let prepared = prepare(
        site_root,
        file_name,
        bytes,
        config,
        &ImportOptions::default(),
        &known,
    )?;
    commit(site_root, store, prepared, config)
}

fn known_hashes(store: &Store) -> Result<HashSet<String>> {
    Ok(store
        .media_list(None)?
        .into_iter()
        .map(|m| m.hash)
        .collect())
}

/// How far a batch has come, after each photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
    pub file_name: String,
}

/// Imports files on every core; each file succeeds or fails on its own and
/// the results come back in the order given.
pub fn import_files(
    site_root: &Path,
    store: &mut Store,
    paths: &[PathBuf],
    config: &MediaConfig,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Vec<(PathBuf, Result<Imported>)> {
    let known = match known_hashes(store) {
        Ok(known) => known,
        Err(e) => {
            let message = e.to_string();
            return paths
                .iter()
                .map(|p| (p.clone(), Err(Error::invalid("media", message.clone()))))
                .collect();
        }
    };
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(paths.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<Imported>>> = paths.iter().map(|_| None).collect();
    let total = paths.len() as u32;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, known) = (&next, &known);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(index) else { break };
                let prepared = read_photo(path, &config.limits).and_then(|bytes| {
                    prepare(
                        site_root,
                        &display_name(path),
                        &bytes,
                        config,
                        options,
                        known,
                    )
                });
                if tx.send((index, prepared)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (done, (index, prepared)) in rx.into_iter().enumerate() {
            results[index] = Some(prepared.and_then(|p| commit(site_root, store, p, config)));
            progress(ImportProgress {
                done: done as u32 + 1,
                total,
                file_name: display_name(&paths[index]),
            });
        }
    });
    paths
        .iter()
        .cloned()
        .zip(results)
        .map(|(p, r)| {
            (
                p,
                r.unwrap_or_else(|| Err(Error::invalid("media", "import stopped"))),
            )
        })
        .collect()
}

/// Makes whatever renditions of `item` are missing (after an edit, or a
/// change of the site's widths); fresh ones are left alone.
pub fn ensure_renditions(
    site_root: &Path,
    item: &MediaItem,
    config: &MediaConfig,
) -> Result<RenditionSet> {
    let set = plan(item, &config.widths);
    let path = original_path(site_root, item);
    let (folder, rel) = site_file(site_root, &path)?;
    let mut all_there = true;
    for rendition in set.all() {
        all_there &= folder.kind(&RelPath::parse(&rendition.path)?)? == Some(Kind::File);
    }
    if all_there {
        return Ok(set);
    }
    let bytes = folder.read(&rel, config.limits.max_file_bytes)?;
    let refuse = |problem| Error::media(&path, problem);
    let probe = probe(&bytes, &config.limits).map_err(refuse)?;
    let need = decode_size(item, set.largest().width);
    let memory = PHOTO_MEMORY.reserve(peak_estimate(&probe, need, &set, bytes.len()));
    let pixels = decode(&bytes, &probe, &config.limits, Some(need)).map_err(refuse)?;
    let encoded = render(pixels, probe.orientation, &item.edit, &set, item.has_alpha)
        .map_err(|e| refuse(MediaProblem::Damaged(e)))?;
    drop(memory);
    for (rendition, data) in set.all().zip(encoded) {
        let target = RelPath::parse(&rendition.path)?;
        if folder.kind(&target)? != Some(Kind::File) {
            folder.replace(&target, &data, Durability::Synced)?;
        }
    }
    Ok(set)
}

/// Removes an unused photo: its record first (refused while an article
/// shows it), then its original and every rendition made from it.
pub fn remove(site_root: &Path, store: &mut Store, id: i64) -> Result<MediaItem> {
    let item = store.delete_media(id)?;
    let folder = Folder::open(site_root)?;
    let _ = folder.remove_file(&RelPath::parse(&item.reference())?);
    let prefix = format!("{}-", item.hash);
    let renditions = RelPath::parse(crate::renditions::RENDITIONS_DIR)?;
    if let Ok(dir) = folder.folder(&renditions, false) {
        for file in dir.files(100_000)? {
            if file.as_str().starts_with(&prefix) {
                let _ = dir.remove_file(&file);
            }
        }
    }
    Ok(item)
}
