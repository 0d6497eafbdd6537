//! `bantin-bench preview`: how long the preview takes to re-render a long
//! article as the user types (goal: p95 ≤ 50 ms), on a sample site with a few
//! hundred published articles and photos in the article. Prints JSON.

use std::collections::HashSet;
use std::time::Instant;

use bantin_core::{sample::create_sample_site, Status};
use bantin_media::{commit, prepare, ImportOptions, MediaConfig};
use serde_json::json;

use crate::corpus;

pub fn run(words: usize, photos: usize, samples: usize) -> Result<(), bantin_core::Error> {
    let dir = tempfile::tempdir().map_err(|e| bantin_core::Error::io(std::env::temp_dir(), e))?;
    let site = create_sample_site(&dir.path().join("site"))?;
    let mut store = site.store()?;
    let items: Vec<_> = (0..300).map(|n| corpus::article(7, n)).collect();
    let items: Vec<_> = items.into_iter().map(|(a, at)| (a, Some(at))).collect();
    store.create_articles(&items)?;

    let config = MediaConfig::default();
    let mut figures = Vec::new();
    for i in 0..photos {
        let bytes = crate::bench_media::synthetic_photo(2400, 1600, i as u32);
        let prepared = prepare(
            site.root(),
            &format!("anh-{i}.jpg"),
            &bytes,
            &config,
            &ImportOptions::default(),
            &HashSet::new(),
        )?;
        let item = commit(site.root(), &mut store, prepared, &config)?.item;
        figures.push(format!(
            "![Ảnh {i}]({} \"Ảnh: Kim Huệ\")\n*Quang cảnh buổi lễ, ảnh số {i}*",
            item.reference()
        ));
    }
    // A long article: paragraphs of corpus sentences, a figure every few.
    let mut body = Vec::new();
    let mut count = 0;
    let mut n = 0;
    while count < words {
        let (a, _) = corpus::article(11, n);
        n += 1;
        for paragraph in a.body.split("\n\n") {
            count += paragraph.split_whitespace().count();
            body.push(paragraph.to_owned());
            if body.len() % 6 == 0 {
                if let Some(f) = figures.get(body.len() / 6 - 1) {
                    body.push(f.clone());
                }
            }
        }
    }
    let (mut input, _) = corpus::article(3, 0);
    input.status = Status::Published;
    input.body = body.join("\n\n");
    let article = store.create_article(&input)?;

    let base = "bantin://localhost/media/renditions/";
    let mut times = Vec::with_capacity(samples);
    let mut bytes = 0;
    let mut figures_on_page = 0;
    for i in 0..samples {
        // Each call sees one more typed word, as while typing.
        input
            .body
            .push_str(if i % 2 == 0 { " thêm" } else { " chữ" });
        let started = Instant::now();
        let html = bantin_export::preview_article(&site, Some(article.id), &input, base)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        bytes = html.len();
        figures_on_page = html.matches("<figure").count();
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    let round = |v: f64| (v * 100.0).round() / 100.0;
    let out = json!({
        "bench": "preview",
        "article_words": bantin_core::markdown::word_count(&input.body),
        "photos": photos,
        "site_articles": 300 + 5,
        "samples": samples,
        "page_bytes": bytes,
        "figures_on_page": figures_on_page,
        "ms": { "p50": round(at(0.5)), "p95": round(at(0.95)), "max": round(at(1.0)) },
        "goal": "p95 ≤ 50 ms",
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    Ok(())
}
