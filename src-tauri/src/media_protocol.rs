//! `bantin://` serves the open site's photos to the editor and the preview:
//! renditions only (never an original, which keeps its GPS), read-only, and
//! nothing outside `media/`.

use std::path::Path;

use bantin_media::{MediaConfig, Rendition};
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

pub const SCHEME: &str = "bantin";

/// The URL prefix web views use for the scheme: Windows' WebView2 reaches
/// custom schemes through `http://<scheme>.localhost`.
pub fn base_url() -> &'static str {
    if cfg!(windows) {
        "http://bantin.localhost/"
    } else {
        "bantin://localhost/"
    }
}

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    // Decoding a photo to make a missing rendition takes a while: never on
    // the thread that paints.
    std::thread::spawn(move || {
        let response = match app.try_state::<AppState>() {
            Some(state) => serve(&state, request.uri().path(), request.uri().query()),
            None => status(StatusCode::SERVICE_UNAVAILABLE),
        };
        responder.respond(response);
    });
}

fn status(code: StatusCode) -> Response<Vec<u8>> {
    Response::builder()
        .status(code)
        .body(Vec::new())
        .unwrap_or_default()
}

fn serve(state: &AppState, path: &str, query: Option<&str>) -> Response<Vec<u8>> {
    let Ok(site) = state.site() else {
        return status(StatusCode::SERVICE_UNAVAILABLE);
    };
    let path = path.trim_start_matches('/');
    let safe = |name: &str| {
        !name.is_empty()
            && !name.starts_with('.')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
    };
    let file = if let Some(name) = path.strip_prefix("media/renditions/") {
        if !safe(name) {
            return status(StatusCode::NOT_FOUND);
        }
        format!("media/renditions/{name}")
    } else if path.starts_with("media/") {
        match rendition_for(&site, path, wanted_width(query)) {
            Some(r) => r.path,
            None => return status(StatusCode::NOT_FOUND),
        }
    } else {
        return status(StatusCode::NOT_FOUND);
    };
    // Through the site's confined file layer: a link planted among the
    // renditions is refused, never read.
    let read = bantin_core::RelPath::parse(&file).and_then(|rel| {
        bantin_core::Folder::open(site.root())?.read(&rel, bantin_export::photos::RENDITION_LIMIT)
    });
    let file = Path::new(&file);
    match read {
        Ok(bytes) => Response::builder()
            .header(header::CONTENT_TYPE, content_type(file))
            .header(header::CACHE_CONTROL, "no-cache")
            .body(bytes)
            .unwrap_or_default(),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

fn wanted_width(query: Option<&str>) -> u32 {
    query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|kv| kv.strip_prefix("w=").and_then(|w| w.parse().ok()))
        .unwrap_or(960)
}

/// The smallest rendition at least `width` wide (the largest when none is),
/// made now if it is missing.
fn rendition_for(site: &bantin_core::Site, reference: &str, width: u32) -> Option<Rendition> {
    let store = site.store().ok()?;
    let item = store.media_by_reference(reference).ok()??;
    let config = MediaConfig::for_site(&store).ok()?;
    let set = bantin_media::ensure_renditions(site.root(), &item, &config).ok()?;
    let pick = set
        .sizes
        .iter()
        .find(|r| r.width >= width)
        .unwrap_or(set.largest())
        .clone();
    Some(pick)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        _ => "image/jpeg",
    }
}
