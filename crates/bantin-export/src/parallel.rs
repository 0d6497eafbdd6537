//! Pages rendered on every core while the calling thread hands out the work
//! and writes what comes back: rendering and writing overlap, and the
//! thread that owns the database and the output folder stays the only one
//! that touches them.

use std::sync::{mpsc, Mutex};

use bantin_core::{Error, Result};

use crate::pages::SiteFile;

/// A page to hand to a renderer, or a file already settled (a page whose
/// inputs are unchanged goes straight to the sink).
pub(crate) enum Work<J> {
    Ready(SiteFile),
    Render(J),
}

/// Pages rendered but not yet written, at most: bounds the memory an export
/// holds whatever the size of the site.
const IN_FLIGHT: usize = 256;

fn render_failed() -> Error {
    Error::invalid("theme", "a page failed to render")
}

pub(crate) fn render_on_every_core<J: Send>(
    work: impl Iterator<Item = Result<Work<J>>>,
    render: &(dyn Fn(J) -> Result<Vec<SiteFile>> + Sync),
    sink: &mut dyn FnMut(SiteFile) -> Result<()>,
) -> Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (job_tx, job_rx) = mpsc::channel::<J>();
    let job_rx = Mutex::new(job_rx);
    let (file_tx, file_rx) = mpsc::channel::<Result<Vec<SiteFile>>>();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let file_tx = file_tx.clone();
                let job_rx = &job_rx;
                s.spawn(move || loop {
                    let job = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(job) = job else { return };
                    if file_tx.send(render(job)).is_err() {
                        return;
                    }
                })
            })
            .collect();
        drop(file_tx);
        let mut in_flight = 0usize;
        // The sender is dropped when handing out ends, even on an error,
        // so that the workers stop.
        let handed_out = (|| {
            let job_tx = job_tx;
            for item in work {
                match item? {
                    Work::Ready(file) => sink(file)?,
                    Work::Render(job) => {
                        while in_flight >= IN_FLIGHT {
                            take_one(&file_rx, sink, &mut in_flight)?;
                        }
                        job_tx.send(job).map_err(|_| render_failed())?;
                        in_flight += 1;
                    }
                }
            }
            Ok(())
        })();
        let mut outcome = handed_out;
        while outcome.is_ok() && in_flight > 0 {
            outcome = take_one(&file_rx, sink, &mut in_flight);
        }
        drop(file_rx);
        for worker in workers {
            if worker.join().is_err() && outcome.is_ok() {
                outcome = Err(render_failed());
            }
        }
        outcome
    })
}

/// Waits for the next page made and writes it.
fn take_one(
    files: &mpsc::Receiver<Result<Vec<SiteFile>>>,
    sink: &mut dyn FnMut(SiteFile) -> Result<()>,
    in_flight: &mut usize,
) -> Result<()> {
    let made = files.recv().map_err(|_| render_failed())?;
    *in_flight -= 1;
    made?.into_iter().try_for_each(sink)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: String) -> SiteFile {
        SiteFile {
            path,
            key: None,
            made: None,
            photos: None,
        }
    }

    #[test]
    fn every_page_reaches_the_sink_once_and_a_failure_stops_the_export() {
        let work = (0..1000).map(|i| {
            Ok(if i % 3 == 0 {
                Work::Ready(file(format!("ready-{i}")))
            } else {
                Work::Render(i)
            })
        });
        let mut seen = Vec::new();
        render_on_every_core(
            work,
            &|i: i32| Ok(vec![file(format!("made-{i}"))]),
            &mut |f| {
                seen.push(f.path);
                Ok(())
            },
        )
        .expect("all rendered");
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 1000);

        let work = (0..1000).map(|i| Ok(Work::Render(i)));
        let failing = |i: i32| {
            if i == 500 {
                Err(Error::invalid("theme", "broken"))
            } else {
                Ok(vec![file(i.to_string())])
            }
        };
        let outcome = render_on_every_core(work, &failing, &mut |_| Ok(()));
        assert!(outcome.is_err());
    }

    #[test]
    fn a_sink_that_fails_stops_the_export() {
        let work = (0..1000).map(|i| Ok(Work::Render(i)));
        let mut written = 0;
        let outcome =
            render_on_every_core(work, &|i: i32| Ok(vec![file(i.to_string())]), &mut |_| {
                written += 1;
                if written == 10 {
                    Err(Error::invalid("disk", "full"))
                } else {
                    Ok(())
                }
            });
        assert!(outcome.is_err());
        assert_eq!(written, 10, "nothing is written after the failure");
    }
}
