//! Kill -9 at random moments while saving: no acknowledged save is ever lost
//! and the database stays consistent.

mod util;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use util::{new_site, ok};

const CYCLES: u64 = 200;

#[test]
fn killed_mid_save_loses_no_acknowledged_revision() {
    let site = new_site();
    let dir = site.path();
    let id = ok(dir, &["article", "add", "--title", "Bài kiểm tra mất điện"]);
    let id = id.trim().to_owned();
    let mut acknowledged: Vec<i64> = Vec::new();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;

    for cycle in 0..CYCLES {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bantin"))
            .args(["--site", dir.to_str().expect("path"), "save-loop", &id])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn save loop");
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            // Only complete lines are acknowledgements; a line cut by the
            // kill was never promised.
            let mut acked = Vec::new();
            let mut r = BufReader::new(stdout);
            let mut line = String::new();
            while r.read_line(&mut line).unwrap_or(0) > 0 {
                if line.ends_with('\n') {
                    if let Ok(rev) = line.trim().parse::<i64>() {
                        acked.push(rev);
                    }
                }
                line.clear();
            }
            acked
        });
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::thread::sleep(Duration::from_millis(5 + rng % 60));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        acknowledged.extend(reader.join().expect("reader"));

        let conn = rusqlite_check::open(dir);
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity");
        assert_eq!(integrity, "ok", "cycle {cycle}");
        let dangling: i64 = conn
            .query_row(
                "SELECT count(*) FROM articles a LEFT JOIN revisions r ON r.id = a.current_revision_id WHERE r.id IS NULL",
                [],
                |r| r.get(0),
            )
            .expect("dangling");
        assert_eq!(
            dangling, 0,
            "cycle {cycle}: an article points at a missing revision"
        );
        if let Some(&last) = acknowledged.last() {
            let current: i64 = conn
                .query_row(
                    "SELECT current_revision_id FROM articles WHERE id = ?1",
                    [&id],
                    |r| r.get(0),
                )
                .expect("current");
            assert!(
                current >= last,
                "cycle {cycle}: acknowledged revision {last} lost (current {current})"
            );
        }
    }
    let conn = rusqlite_check::open(dir);
    let mut stmt = conn.prepare("SELECT id FROM revisions").expect("prepare");
    let stored: std::collections::HashSet<i64> = stmt
        .query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    let lost: Vec<_> = acknowledged
        .iter()
        .filter(|r| !stored.contains(r))
        .collect();
    assert!(
        acknowledged.len() > CYCLES as usize,
        "the loop should have saved many times ({})",
        acknowledged.len()
    );
    assert!(
        lost.is_empty(),
        "{} acknowledged saves lost: {lost:?}",
        lost.len()
    );
}

/// Opens the site's database the way the app does.
mod rusqlite_check {
    pub fn open(dir: &std::path::Path) -> rusqlite::Connection {
        bantin_core::db::connect(&dir.join("site.db")).expect("open site.db")
    }
}
