//! `bantin`: the Bản Tin command line. The same library calls as the app,
//! for scripts, servers and tests. `--json` makes every command print JSON.

// Rendering on every core allocates from every thread; see the workspace's
// Cargo.toml for the measured difference.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod media;
mod messages;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bantin_core::{ArticleInput, ArticleSummary, ListFilter, Site, Status};
use clap::{Parser, Subcommand};
use messages::{error_title, lang, text, Msg};

#[derive(Parser)]
#[command(
    name = "bantin",
    version,
    about = "Bản Tin: tòa soạn ngoại tuyến / offline newsroom"
)]
struct Cli {
    /// The site folder (default: the current folder).
    #[arg(long, global = true, env = "BANTIN_SITE")]
    site: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a site (a folder with site.db and media/).
    Init {
        dir: Option<PathBuf>,
        #[arg(long, default_value = "")]
        name: String,
        /// Fill it with the sample articles.
        #[arg(long)]
        sample: bool,
    },
    #[command(subcommand)]
    Article(ArticleCommand),
    /// Search articles; Vietnamese may be typed without accents.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Import a folder of Markdown files with YAML or TOML front matter.
    Import {
        dir: PathBuf,
        #[arg(long)]
        status: Option<String>,
    },
    #[command(subcommand)]
    Export(ExportCommand),
    #[command(subcommand)]
    Media(media::MediaCommand),
    /// Saves revisions of one article in a loop, printing each committed
    /// revision id; used by the crash-safety test.
    #[command(hide = true)]
    SaveLoop { id: i64 },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Write the published site as static HTML into a folder (only changed files are written).
    Site {
        #[arg(long)]
        out: PathBuf,
        /// Publish drafts too, for a private look.
        #[arg(long)]
        include_drafts: bool,
        /// Rename files the export did not make that are in its way (to NAME.bak)
        /// instead of stopping.
        #[arg(long)]
        move_aside: bool,
    },
    /// One article: a self-contained folder (--out), the same as a zip file (--zip), or
    /// (--fragment) clean HTML for a portal on stdout.
    Article {
        id: i64,
        #[arg(long, required_unless_present_any = ["fragment", "zip"])]
        out: Option<PathBuf>,
        #[arg(long)]
        zip: Option<PathBuf>,
        #[arg(long)]
        fragment: bool,
        /// With --out: rename files not made by Bản Tin that are in the way.
        #[arg(long)]
        move_aside: bool,
    },
}

#[derive(Subcommand)]
enum ArticleCommand {
    /// Add an article; prints its id.
    Add {
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        sapo: String,
        #[arg(long)]
        body_file: Option<PathBuf>,
        #[arg(long = "author")]
        authors: Vec<String>,
        #[arg(long, default_value = "")]
        unit: String,
        #[arg(long)]
        category: Option<String>,
        #[arg(long = "tag")]
        tags: Vec<String>,
        #[arg(long, default_value = "draft")]
        status: String,
    },
    SetStatus {
        id: i64,
        status: String,
    },
    Show {
        id: i64,
    },
    List {
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        author: Option<String>,
        #[arg(long)]
        month: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
}

/// Errors of this program: the library's, or a file the CLI itself reads.
pub(crate) enum CliError {
    Core(bantin_core::Error),
    Usage(String),
    /// The details were printed as they happened; this sums them up.
    Reported(String),
}

impl From<bantin_core::Error> for CliError {
    fn from(e: bantin_core::Error) -> Self {
        CliError::Core(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Reported(summary)) => {
            if !json {
                eprintln!("bantin: {summary}");
            }
            ExitCode::FAILURE
        }
        Err(err) => {
            let (code, detail) = match &err {
                CliError::Core(e) => (e.code(), e.to_string()),
                CliError::Usage(m) | CliError::Reported(m) => {
                    (bantin_core::ErrorCode::InvalidInput, m.clone())
                }
            };
            if json {
                let v = serde_json::json!({ "error": { "code": code, "message": detail } });
                eprintln!("{v}");
            } else {
                eprintln!("bantin: {}: {detail}", error_title(code, lang()));
            }
            ExitCode::FAILURE
        }
    }
}

fn site_dir(cli_site: &Option<PathBuf>) -> PathBuf {
    cli_site.clone().unwrap_or_else(|| PathBuf::from("."))
}

fn run(cli: Cli) -> Result<(), CliError> {
    let json = cli.json;
    match cli.command {
        Command::Init { dir, name, sample } => {
            let dir = dir.unwrap_or_else(|| site_dir(&cli.site));
            let site = if sample {
                bantin_core::sample::create_sample_site(&dir)?
            } else {
                Site::create(&dir, &name)?
            };
            let info = site.info()?;
            if json {
                print_json(&info);
            } else {
                println!(
                    "{}: {} ({})",
                    text(Msg::Created, lang()),
                    info.name,
                    info.path
                );
            }
        }
        Command::Article(cmd) => article(&site_dir(&cli.site), cmd, json)?,
        Command::Search { query, limit } => {
            let site = Site::open(&site_dir(&cli.site))?;
            let page = site.store()?.list(&ListFilter {
                query: Some(query),
                limit,
                ..Default::default()
            })?;
            // The JSON stays the list scripts read; the notice goes beside it.
            if let Some(decoded) = &page.decoded_query {
                let line = format!("{}: {decoded}", text(Msg::ResultsFor, lang()));
                if json {
                    eprintln!("{line}");
                } else {
                    println!("{line}");
                }
            }
            print_summaries(&page.items, json);
        }
        Command::Export(ExportCommand::Site {
            out,
            include_drafts,
            move_aside,
        }) => {
            let site = Site::open(&site_dir(&cli.site))?;
            let options = bantin_export::ExportOptions {
                include_drafts,
                move_aside,
            };
            let report = bantin_export::export_site(&site, &out, &options, &mut |_, _| {})?;
            if json {
                print_json(&report);
            } else {
                for (from, to) in &report.moved_aside {
                    println!("{}: {from} → {to}", text(Msg::MovedAside, lang()));
                }
                println!(
                    "{}",
                    text(Msg::Exported, lang())
                        .replace("{articles}", &report.articles.to_string())
                        .replace("{files}", &report.files.to_string())
                        .replace("{written}", &report.written.to_string())
                        .replace("{unchanged}", &report.unchanged.to_string())
                        .replace("{removed}", &report.removed.to_string())
                        .replace("{ms}", &report.elapsed_ms.to_string())
                );
            }
        }
        Command::Export(ExportCommand::Article {
            id,
            out,
            zip,
            fragment,
            move_aside,
        }) => {
            let site = Site::open(&site_dir(&cli.site))?;
            if fragment {
                print!("{}", bantin_export::article_fragment(&site, id)?);
            }
            if let Some(out) = out {
                bantin_export::export_article(&site, id, &out, move_aside)?;
                println!("{}", out.display());
            }
            if let Some(zip) = zip {
                bantin_export::export_article_zip(&site, id, &zip)?;
                println!("{}", zip.display());
            }
        }
        Command::Import { dir, status } => {
            let site = Site::open(&site_dir(&cli.site))?;
            let status = status.map(|s| s.parse::<Status>()).transpose()?;
            let report = bantin_core::import::import_dir(&mut site.store()?, &dir, status)?;
            if json {
                print_json(&report);
            } else {
                let l = lang();
                for item in &report.imported {
                    println!(
                        "{}\t{}\t{}",
                        text(Msg::Imported, l),
                        item.id,
                        item.file.display()
                    );
                }
                for item in &report.skipped {
                    println!(
                        "{}\t{}\t{}",
                        text(Msg::Skipped, l),
                        item.file.display(),
                        item.reason
                    );
                }
            }
        }
        Command::Media(cmd) => media::run(&site_dir(&cli.site), cmd, json)?,
        Command::SaveLoop { id } => save_loop(&site_dir(&cli.site), id)?,
    }
    Ok(())
}

fn article(dir: &Path, cmd: ArticleCommand, json: bool) -> Result<(), CliError> {
    let site = Site::open(dir)?;
    let mut store = site.store()?;
    match cmd {
        ArticleCommand::Add {
            title,
            sapo,
            body_file,
            authors,
            unit,
            category,
            tags,
            status,
        } => {
            let body = match body_file {
                Some(path) => std::fs::read_to_string(&path)
                    .map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?,
                None => String::new(),
            };
            let input = ArticleInput {
                title,
                sapo,
                body,
                authors,
                unit,
                category,
                tags,
                status: status.parse()?,
            };
            let article = store.create_article(&input)?;
            if json {
                print_json(&article);
            } else {
                println!("{}", article.id);
            }
        }
        ArticleCommand::SetStatus { id, status } => {
            let article = store.set_status(id, status.parse()?)?;
            if json {
                print_json(&article);
            } else {
                println!("{}\t{}", article.id, article.status.as_str());
            }
        }
        ArticleCommand::Show { id } => {
            let article = store.article(id)?;
            let revisions = store.revisions(id)?;
            if json {
                let mut v = serde_json::to_value(&article).unwrap_or_default();
                v["revisions"] = serde_json::to_value(&revisions).unwrap_or_default();
                print_json(&v);
            } else {
                println!("# {}\n", article.title);
                println!(
                    "id: {}  slug: {}  status: {}",
                    article.id,
                    article.slug,
                    article.status.as_str()
                );
                println!("{}: {}", text(Msg::Revisions, lang()), revisions.len());
                if let Some(c) = &article.category {
                    println!("category: {c}");
                }
                if !article.tags.is_empty() {
                    println!("tags: {}", article.tags.join(", "));
                }
                println!(
                    "created: {}  updated: {}\n",
                    article.created_at, article.updated_at
                );
                if !article.sapo.is_empty() {
                    println!("{}\n", article.sapo);
                }
                println!("{}\n", article.body);
                let mut byline = article.authors.join(" - ");
                if !article.unit.is_empty() {
                    byline = if byline.is_empty() {
                        article.unit.clone()
                    } else {
                        format!("{byline} - {}", article.unit)
                    };
                }
                println!("{byline}");
            }
        }
        ArticleCommand::List {
            status,
            category,
            author,
            month,
            limit,
            offset,
        } => {
            let filter = ListFilter {
                query: None,
                status: status.map(|s| s.parse()).transpose()?,
                category,
                author,
                month,
                limit,
                offset,
            };
            print_summaries(&store.list(&filter)?.items, json);
        }
    }
    Ok(())
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

fn print_summaries(items: &[ArticleSummary], json: bool) {
    if json {
        print_json(&items);
        return;
    }
    if items.is_empty() {
        println!("{}", text(Msg::NoResults, lang()));
    }
    for a in items {
        let date = a.created_at.get(..10).unwrap_or("");
        println!(
            "{}\t{}\t{date}\t{}\t{}",
            a.id,
            a.status.as_str(),
            a.title,
            a.authors.join(", ")
        );
    }
}

fn save_loop(dir: &Path, id: i64) -> Result<(), CliError> {
    use std::io::Write;
    let site = Site::open(dir)?;
    let mut store = site.store()?;
    let mut input = store.article(id)?.input();
    let stdout = std::io::stdout();
    for n in 0u64.. {
        input.body = format!("Lần lưu thứ {n}. {}", "Nội dung bài viết. ".repeat(20));
        let article = store.update_article(id, &input)?;
        // Printed only after the commit returned: an acknowledged save.
        let mut out = stdout.lock();
        let _ = writeln!(out, "{}", article.revision_id);
        let _ = out.flush();
    }
    Ok(())
}
