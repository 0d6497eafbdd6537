//! `bantin media …`: the photo library from scripts.

use std::path::{Path, PathBuf};

use bantin_core::Site;
use bantin_media::{ImportOptions, MediaConfig};
use clap::Subcommand;

use crate::messages::{error_title, lang, text, Msg};
use crate::{print_json, CliError};

#[derive(Subcommand)]
pub enum MediaCommand {
    /// Import photos (JPEG, PNG, WebP): upright renditions without private
    /// metadata; prints the media ids.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        caption: Option<String>,
        #[arg(long)]
        credit: Option<String>,
        #[arg(long)]
        alt: Option<String>,
    },
    /// List the library, newest first; `--query` searches caption, credit,
    /// alt text and file name (accents optional).
    List {
        #[arg(long)]
        query: Option<String>,
    },
    /// One photo: its text, renditions and the articles that show it.
    Show { id: i64 },
    /// Remove a photo no article shows, with its files.
    Remove { id: i64 },
}

pub fn run(dir: &Path, cmd: MediaCommand, json: bool) -> Result<(), CliError> {
    let site = Site::open(dir)?;
    let mut store = site.store()?;
    let config = MediaConfig::for_site(&store)?;
    match cmd {
        MediaCommand::Import {
            files,
            caption,
            credit,
            alt,
        } => {
            let options = ImportOptions {
                caption,
                credit,
                alt,
            };
            let results = bantin_media::import_files(
                site.root(),
                &mut store,
                &files,
                &config,
                &options,
                &mut |_| {},
            );
            let failed = results.iter().filter(|(_, r)| r.is_err()).count();
            if json {
                let rows: Vec<_> = results
                    .iter()
                    .map(|(path, r)| match r {
                        Ok(i) => serde_json::json!({ "file": path, "id": i.item.id, "created": i.created, "item": i.item, "renditions": i.renditions }),
                        Err(e) => serde_json::json!({ "file": path, "error": { "code": e.code(), "message": e.to_string() } }),
                    })
                    .collect();
                print_json(&rows);
            } else {
                for (_, r) in &results {
                    match r {
                        Ok(i) => println!("{}", i.item.id),
                        Err(e) => eprintln!("bantin: {}: {e}", error_title(e.code(), lang())),
                    }
                }
            }
            if failed > 0 {
                return Err(CliError::Reported(format!(
                    "{failed} {}",
                    text(Msg::PhotosRefused, lang())
                )));
            }
        }
        MediaCommand::List { query } => {
            let items = store.media_list(query.as_deref())?;
            if json {
                print_json(&items);
            } else {
                for m in &items {
                    println!(
                        "{}\t{}×{}\t{}\t{}\t{}",
                        m.id, m.width, m.height, m.file_name, m.caption, m.credit
                    );
                }
            }
        }
        MediaCommand::Show { id } => {
            let item = store.media(id)?;
            let renditions = bantin_media::ensure_renditions(site.root(), &item, &config)?;
            let uses = store.media_uses(id)?;
            if json {
                print_json(
                    &serde_json::json!({ "item": item, "reference": item.reference(), "renditions": renditions, "uses": uses }),
                );
            } else {
                println!("{}\t{}", item.id, item.reference());
                println!("{}×{}\t{}", item.width, item.height, item.file_name);
                println!("{}\n{}\n{}", item.caption, item.credit, item.alt);
                for r in renditions.all() {
                    println!("{}×{}\t{}", r.width, r.height, r.path);
                }
                for u in uses {
                    println!("#{}\t{}", u.article_id, u.title);
                }
            }
        }
        MediaCommand::Remove { id } => {
            let item = bantin_media::remove(site.root(), &mut store, id)?;
            if json {
                print_json(&item);
            } else {
                println!("{}", item.id);
            }
        }
    }
    Ok(())
}
