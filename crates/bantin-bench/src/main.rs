//! `bantin-bench`: Bản Tin's benchmarks, the figures quoted in the README.
//! `bantin-bench store | export | media | preview`, each printing JSON.
//!
//! Nothing in this crate ships: it is not part of the `bantin` command line
//! or the app, and the corpus generator, the Hugo templates and the image
//! crates used as reference encoders live here so that they stay out of what
//! users install. Run it with `cargo xtask bench …` (a release build).

// The same allocator as the `bantin` command line, so that the figures are
// those of what ships; see the workspace's Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod bench_export;
mod bench_hugo;
mod bench_media;
mod bench_preview;
mod corpus;

use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
#[command(
    name = "bantin-bench",
    version,
    about = "Bản Tin benchmarks (not shipped); each prints JSON"
)]
struct Cli {
    #[command(subcommand)]
    command: bench::BenchCommand,
}

fn main() -> ExitCode {
    match bench::run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bantin-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
