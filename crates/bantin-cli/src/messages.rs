//! The CLI's user-facing words in Vietnamese (default) and English, chosen by
//! `BANTIN_LANG`, then `LC_ALL`/`LANG` (`en…` → English).

use bantin_core::ErrorCode;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

pub fn lang() -> Lang {
    let pick = ["BANTIN_LANG", "LC_ALL", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    match pick {
        Some(v) if v.starts_with("en") => Lang::En,
        _ => Lang::Vi,
    }
}

pub fn error_title(code: ErrorCode, lang: Lang) -> &'static str {
    use ErrorCode::*;
    match (lang, code) {
        (Lang::Vi, NotFound) => "Không tìm thấy",
        (Lang::Vi, InvalidInput) => "Dữ liệu không hợp lệ",
        (Lang::Vi, SiteTooNew) => {
            "Trang này được tạo bởi phiên bản Bản Tin mới hơn; hãy cập nhật Bản Tin"
        }
        (Lang::Vi, NotASite) => {
            "Thư mục này không phải là một trang Bản Tin (chạy `bantin init` để tạo)"
        }
        (Lang::Vi, Storage) => "Lỗi cơ sở dữ liệu",
        (Lang::Vi, DiskFull) => "Ổ đĩa đã đầy; hãy giải phóng dung lượng rồi lưu lại",
        (Lang::Vi, Busy) => "Trang đang được một chương trình khác sử dụng; hãy thử lại",
        (Lang::Vi, Io) => "Không đọc/ghi được tệp",
        (Lang::Vi, Internal) => "Lỗi nội bộ",
        (Lang::Vi, ImageUnsupported) => "Không phải ảnh JPEG, PNG hoặc WebP đọc được",
        (Lang::Vi, ImageDamaged) => "Tệp ảnh bị hỏng hoặc bị cắt cụt",
        (Lang::Vi, ImageTooLarge) => "Ảnh quá lớn để xử lý an toàn",
        (Lang::Vi, InUse) => "Đang được sử dụng; hãy gỡ khỏi các bài viết trước",
        (Lang::Vi, UnsafePath) => {
            "Từ chối một tên tệp hoặc liên kết có thể dẫn ra ngoài thư mục đang làm việc"
        }
        (Lang::Vi, FileInTheWay) => {
            "Trong thư mục có tệp không do Bản Tin tạo; hãy chuyển tệp đi (hoặc dùng --move-aside để đổi tên) rồi xuất lại"
        }
        (Lang::Vi, DamagedSite) => "Cơ sở dữ liệu của trang bị hỏng; tệp chưa bị thay đổi",
        (Lang::Vi, ThemeError) => "Giao diện (theme) của trang có lỗi hoặc vượt giới hạn",
        (Lang::En, NotFound) => "Not found",
        (Lang::En, InvalidInput) => "Invalid input",
        (Lang::En, SiteTooNew) => "This site was made by a newer Bản Tin; update Bản Tin",
        (Lang::En, NotASite) => "This folder is not a Bản Tin site (run `bantin init` to make one)",
        (Lang::En, Storage) => "Database error",
        (Lang::En, DiskFull) => "The disk is full; free some space and save again",
        (Lang::En, Busy) => "The site is in use by another program; try again",
        (Lang::En, Io) => "Cannot read or write a file",
        (Lang::En, Internal) => "Internal error",
        (Lang::En, ImageUnsupported) => "Not a readable JPEG, PNG or WebP photo",
        (Lang::En, ImageDamaged) => "The photo file is damaged or cut short",
        (Lang::En, ImageTooLarge) => "The photo is too large to process safely",
        (Lang::En, InUse) => "In use; remove it from the articles first",
        (Lang::En, UnsafePath) => {
            "Refused a file name or link that could lead outside the folder being worked on"
        }
        (Lang::En, FileInTheWay) => {
            "The folder has a file Bản Tin did not make; move it away (or use --move-aside to rename it) and export again"
        }
        (Lang::En, DamagedSite) => "The site's database is damaged; the file was not changed",
        (Lang::En, ThemeError) => "The site's theme has an error or ran over its limits",
    }
}

/// Fixed phrases of the human-readable output.
pub enum Msg {
    Created,
    Imported,
    Skipped,
    NoResults,
    Revisions,
    /// Followed by counts: articles, files, written, unchanged, removed, ms.
    Exported,
    /// After the number of files a photo import refused.
    PhotosRefused,
    /// Before "from → to": a file not made by Bản Tin, renamed by an export.
    MovedAside,
    /// Before the query as decoded from keys typed with the input method
    /// off (`hooij nghij` → `hội nghị`).
    ResultsFor,
}

pub fn text(msg: Msg, lang: Lang) -> &'static str {
    match (lang, msg) {
        (Lang::Vi, Msg::Created) => "Đã tạo trang",
        (Lang::Vi, Msg::Imported) => "Đã nhập",
        (Lang::Vi, Msg::Skipped) => "Bỏ qua",
        (Lang::Vi, Msg::NoResults) => "Không có bài viết nào.",
        (Lang::Vi, Msg::Revisions) => "Số phiên bản",
        (Lang::Vi, Msg::Exported) => {
            "Đã xuất {articles} bài, {files} tệp: ghi {written}, giữ nguyên {unchanged}, xóa {removed} ({ms} ms)"
        }
        (Lang::Vi, Msg::MovedAside) => "Đã đổi tên tệp không do Bản Tin tạo",
        (Lang::En, Msg::MovedAside) => "Renamed a file not made by Bản Tin",
        (Lang::Vi, Msg::PhotosRefused) => "tệp ảnh không nhập được (xem lỗi ở trên)",
        (Lang::Vi, Msg::ResultsFor) => "Kết quả cho",
        (Lang::En, Msg::ResultsFor) => "Results for",
        (Lang::En, Msg::PhotosRefused) => "photo file(s) could not be imported (see above)",
        (Lang::En, Msg::Created) => "Created site",
        (Lang::En, Msg::Imported) => "Imported",
        (Lang::En, Msg::Skipped) => "Skipped",
        (Lang::En, Msg::NoResults) => "No articles.",
        (Lang::En, Msg::Revisions) => "Revisions",
        (Lang::En, Msg::Exported) => {
            "Exported {articles} articles, {files} files: {written} written, {unchanged} unchanged, {removed} removed ({ms} ms)"
        }
    }
}
