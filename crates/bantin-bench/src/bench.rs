//! `bantin-bench store`: figures for the article store on a generated corpus.
//! Prints JSON. The peer is the naive approach a smaller app would take, a
//! `LIKE '%…%'` scan, run on the same database in the same run.

use std::time::{Duration, Instant};

use bantin_core::{ListFilter, Site, Status};
use clap::Subcommand;
use serde_json::json;

use crate::corpus;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Import, list and search timings at several corpus sizes.
    Store {
        /// Corpus sizes, comma-separated.
        #[arg(long, value_delimiter = ',', default_values_t = [1_000u64, 10_000, 100_000])]
        sizes: Vec<u64>,
        /// Timed calls per measured operation.
        #[arg(long, default_value_t = 200)]
        samples: usize,
        /// Keep the generated sites in this folder (one per size), and reuse
        /// them on the next run instead of importing again.
        #[arg(long)]
        keep: Option<std::path::PathBuf>,
    },
    /// Full and incremental site export of a generated site, beside Hugo when installed.
    Export {
        #[arg(long, default_value_t = 10_000)]
        articles: u64,
    },
    /// Re-rendering the preview of a long article with photos, as while typing.
    Preview {
        #[arg(long, default_value_t = 5_000)]
        words: usize,
        #[arg(long, default_value_t = 10)]
        photos: usize,
        #[arg(long, default_value_t = 200)]
        samples: usize,
    },
    /// Photo renditions of generated 24-megapixel photos, beside vipsthumbnail and ImageMagick.
    Media {
        #[arg(long, default_value_t = 4)]
        photos: usize,
        #[arg(long, default_value_t = 6000)]
        width: u32,
        #[arg(long, default_value_t = 4000)]
        height: u32,
    },
}

pub fn run(cmd: BenchCommand) -> Result<(), bantin_core::Error> {
    match cmd {
        BenchCommand::Store {
            sizes,
            samples,
            keep,
        } => {
            let results = sizes
                .iter()
                .map(|&n| store_bench(n, samples, keep.as_deref()))
                .collect::<Result<Vec<_>, _>>()?;
            let out = json!({ "bench": "store", "results": results });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        BenchCommand::Export { articles } => crate::bench_export::run(articles)?,
        BenchCommand::Preview {
            words,
            photos,
            samples,
        } => crate::bench_preview::run(words, photos, samples)?,
        BenchCommand::Media {
            photos,
            width,
            height,
        } => crate::bench_media::run(photos, width, height)?,
    }
    Ok(())
}

struct Timings(Vec<Duration>);

impl Timings {
    fn percentile_ms(&self, p: f64) -> f64 {
        let mut v = self.0.clone();
        v.sort();
        if v.is_empty() {
            return 0.0;
        }
        let idx = ((v.len() as f64 - 1.0) * p).round() as usize;
        (v[idx].as_secs_f64() * 1e6).round() / 1e3
    }

    fn summary(&self) -> serde_json::Value {
        json!({ "p50_ms": self.percentile_ms(0.5), "p95_ms": self.percentile_ms(0.95), "n": self.0.len() })
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let v = f();
    (v, start.elapsed())
}

const FOLDED_QUERIES: &[&str] = &[
    "nong thon moi",
    "hoc tap nghi quyet",
    "bien gioi",
    "muong khuong",
    "thuy loi",
    "van hoa dan toc",
    "chuyen doi so",
    "du lich",
    "ng",
    "khuyen hoc",
];
const EXACT_QUERIES: &[&str] = &[
    "nông thôn mới",
    "học tập Nghị quyết",
    "biên giới",
    "Mường Khương",
    "thủy lợi",
    "văn hóa dân tộc",
    "chuyển đổi số",
    "du lịch",
    "khuyến học",
    "Bản Lầu",
];

/// Queries as typed with Unikey off (Telex, VNI): each raw word costs one
/// more index lookup, and the decoded word is searched beside it.
const RAW_KEY_QUERIES: &[&str] = &[
    "nong thon mowis",
    "hocj taapj nghij quyeets",
    "bie6n gio71i",
    "muowngf khuowng",
    "thuyr lowij",
    "vawn hoas daan tocj",
    "chuye63n d9o63i so61",
    "du lichj",
    "Mu7o72ng Khu7o7ng",
    "khuyeens hocj",
];

fn store_bench(
    n: u64,
    samples: usize,
    keep: Option<&std::path::Path>,
) -> Result<serde_json::Value, bantin_core::Error> {
    let temp = tempfile::tempdir().map_err(|e| bantin_core::Error::io(std::env::temp_dir(), e))?;
    let root = match keep {
        Some(dir) => dir.join(format!("store-{n}")),
        None => temp.path().to_owned(),
    };
    let site = Site::create(&root, "Bench")?;
    let mut store = site.store()?;
    let reused = store.article_count()? as u64 == n;
    let n_import = if reused { 0 } else { n };

    // Import in batches, one transaction each, as `bantin import` does.
    let batch = 1_000u64;
    let (res, import_time) = time(|| -> Result<(), bantin_core::Error> {
        let mut start = 0;
        while start < n_import {
            let items: Vec<_> = (start..(start + batch).min(n_import))
                .map(|i| {
                    let (input, at) = corpus::article(1, i);
                    (input, Some(at))
                })
                .collect();
            store.create_articles(&items)?;
            start += batch;
        }
        Ok(())
    });
    res?;

    let page = 100u32;
    let max_offset = (n as u32).saturating_sub(page).max(1);
    let mut list = Timings(Vec::new());
    let mut list_filtered = Timings(Vec::new());
    for i in 0..samples {
        let offset = (i as u32 * 7919) % max_offset;
        let (r, d) = time(|| {
            store.list(&ListFilter {
                limit: page,
                offset,
                ..Default::default()
            })
        });
        r?;
        list.0.push(d);
        let filter = match i % 4 {
            0 => ListFilter {
                status: Some(Status::Published),
                ..Default::default()
            },
            1 => ListFilter {
                category: Some("Tin tức".into()),
                ..Default::default()
            },
            2 => ListFilter {
                author: Some("Kim Huệ".into()),
                ..Default::default()
            },
            _ => ListFilter {
                month: Some("2023-06".into()),
                ..Default::default()
            },
        };
        let (r, d) = time(|| {
            store.list(&ListFilter {
                limit: page,
                offset: (i as u32 * 31) % 500,
                ..filter
            })
        });
        r?;
        list_filtered.0.push(d);
    }

    let search = |queries: &[&str]| -> Result<Timings, bantin_core::Error> {
        let mut t = Timings(Vec::new());
        for i in 0..samples {
            let q = queries[i % queries.len()];
            let (r, d) = time(|| {
                store.list(&ListFilter {
                    query: Some(q.into()),
                    limit: 50,
                    ..Default::default()
                })
            });
            r?;
            t.0.push(d);
        }
        Ok(t)
    };
    let folded = search(FOLDED_QUERIES)?;
    let exact = search(EXACT_QUERIES)?;
    let raw_keys = search(RAW_KEY_QUERIES)?;

    // The peer: what a LIKE scan over the same rows costs (and it still
    // cannot fold accents, so it finds less).
    let conn = store.connection();
    let mut like = Timings(Vec::new());
    for i in 0..samples.min(50) {
        let q = format!("%{}%", EXACT_QUERIES[i % EXACT_QUERIES.len()]);
        let (r, d) = time(|| {
            conn.query_row(
                "SELECT count(*) FROM articles a JOIN revisions r ON r.id = a.current_revision_id
                 WHERE a.title LIKE ?1 OR r.sapo LIKE ?1 OR r.body LIKE ?1",
                [&q],
                |r| r.get::<_, i64>(0),
            )
        });
        r.map_err(bantin_core::Error::from)?;
        like.0.push(d);
    }

    let db_bytes = std::fs::metadata(site.db_path())
        .map(|m| m.len())
        .unwrap_or(0)
        + std::fs::metadata(site.db_path().with_extension("db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    Ok(json!({
        "articles": n,
        "import_articles_per_s": if reused { serde_json::Value::Null } else { json!((n as f64 / import_time.as_secs_f64()).round()) },
        "import_s": (import_time.as_secs_f64() * 100.0).round() / 100.0,
        "db_mb": (db_bytes as f64 / 1e6 * 10.0).round() / 10.0,
        "list_page": list.summary(),
        "list_page_filtered": list_filtered.summary(),
        "search_folded": folded.summary(),
        "search_exact": exact.summary(),
        "search_raw_keys": raw_keys.summary(),
        "peer_sqlite_like_scan": like.summary(),
    }))
}
