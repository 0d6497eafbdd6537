//! Random and damaged files fed to the probe and the decoder: whatever the
//! bytes, each call returns (no panic escapes) within a bounded time, with a
//! typed `MediaProblem` when it refuses. Real fixtures cut short, with bits
//! flipped and with bytes overwritten reach much deeper into the decoders
//! than random bytes do. Bounded for CI: 15,000 cases, a few seconds.

use std::path::Path;
use std::time::{Duration, Instant};

use bantin_core::MediaProblem;
use bantin_media::decode::decode;
use bantin_media::probe::probe;
use bantin_media::Limits;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Smaller than the app's limits, so that a header mutated into a large but
/// allowed size does not make the test slow; the paths taken are the same.
const LIMITS: Limits = Limits {
    max_side: 4096,
    max_megapixels: 4,
    max_file_bytes: 1024 * 1024,
};
/// Generous for a debug build; a hang or a quadratic blow-up is far longer.
const PER_CALL: Duration = Duration::from_secs(5);

const FIXTURES: [&str; 10] = [
    "phone-gps.jpg",
    "orientation-6.jpg",
    "cmyk.jpg",
    "truncated.jpg",
    "logo-alpha.png",
    "png-named.jpg",
    "bomb.png",
    "photo.webp",
    "photo.heic",
    "not-a-photo.jpg",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .expect("fixture")
}

/// Probes and, if the probe accepts, decodes; panics (failing the case) if
/// either panics, takes too long, or refuses without a reason.
fn survives(bytes: &[u8]) {
    let started = Instant::now();
    let probed = std::panic::catch_unwind(|| probe(bytes, &LIMITS))
        .unwrap_or_else(|_| panic!("the probe panicked on {} bytes", bytes.len()));
    assert!(
        started.elapsed() < PER_CALL,
        "probe took {:?}",
        started.elapsed()
    );
    let Ok(found) = probed else {
        return refused_with_reason(probed.err());
    };
    let started = Instant::now();
    for need in [None, Some((64, 64))] {
        let decoded = std::panic::catch_unwind(|| decode(bytes, &found, &LIMITS, need))
            .unwrap_or_else(|_| panic!("decode panicked on {} bytes", bytes.len()));
        match decoded {
            Ok(pixels) => {
                let bpp = pixels.bytes_per_pixel();
                assert_eq!(
                    pixels.data.len(),
                    pixels.width as usize * pixels.height as usize * bpp,
                    "the pixels fill the size"
                );
            }
            Err(problem) => refused_with_reason(Some(problem)),
        }
    }
    assert!(
        started.elapsed() < PER_CALL,
        "decode took {:?}",
        started.elapsed()
    );
}

fn refused_with_reason(problem: Option<MediaProblem>) {
    if let Some(MediaProblem::Damaged(reason)) = problem {
        assert!(!reason.trim().is_empty(), "a damaged file says why");
    }
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        // The inputs are small; shrinking a failure is what takes time.
        max_shrink_iters: 200,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn random_bytes_are_refused_not_crashed_on() {
    // Starts that pass the sniffing, so the decoders' parsers are reached.
    let starts: Vec<Vec<u8>> = vec![
        vec![],
        vec![0xFF, 0xD8, 0xFF],
        b"\x89PNG\r\n\x1a\n".to_vec(),
        b"RIFF\0\0\0\0WEBPVP8 ".to_vec(),
    ];
    runner(5000)
        .run(
            &(
                proptest::sample::select(starts),
                proptest::collection::vec(any::<u8>(), 0..2048),
            ),
            |(start, rest)| {
                let mut bytes = start;
                bytes.extend(rest);
                survives(&bytes);
                Ok(())
            },
        )
        .expect("no failure");
}

#[derive(Debug, Clone)]
enum Damage {
    Cut(f64),
    Flip(Vec<(f64, u8)>),
    Overwrite(f64, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0.0..1.0f64).prop_map(Damage::Cut),
        proptest::collection::vec((0.0..1.0f64, 0..8u8), 1..16).prop_map(Damage::Flip),
        (0.0..1.0f64, proptest::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(at, b)| Damage::Overwrite(at, b)),
    ]
}

fn apply(mut bytes: Vec<u8>, damage: &Damage) -> Vec<u8> {
    let at = |f: f64, len: usize| ((len as f64 * f) as usize).min(len.saturating_sub(1));
    match damage {
        Damage::Cut(f) => {
            let len = bytes.len();
            bytes.truncate(at(*f, len));
        }
        Damage::Flip(flips) => {
            for (f, bit) in flips {
                let i = at(*f, bytes.len());
                if let Some(b) = bytes.get_mut(i) {
                    *b ^= 1 << bit;
                }
            }
        }
        Damage::Overwrite(f, with) => {
            // Mostly in the headers, where a byte changes the most.
            let i = at(f * f * f, bytes.len());
            for (j, b) in with.iter().enumerate() {
                if let Some(slot) = bytes.get_mut(i + j) {
                    *slot = *b;
                }
            }
        }
    }
    bytes
}

#[test]
fn damaged_real_photos_are_refused_or_decoded_never_crashed_on() {
    let originals: Vec<Vec<u8>> = FIXTURES.iter().map(|n| fixture(n)).collect();
    for original in &originals {
        survives(original);
    }
    runner(10000)
        .run(
            &(0..originals.len(), damage(), damage()),
            |(which, first, second)| {
                let bytes = apply(apply(originals[which].clone(), &first), &second);
                survives(&bytes);
                Ok(())
            },
        )
        .expect("no failure");
}
