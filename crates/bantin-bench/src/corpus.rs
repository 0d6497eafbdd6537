//! A deterministic corpus of Vietnamese news articles, for benchmarks and
//! scale tests. The same seed always gives the same articles.
//!
//! Only `bantin_core` paths are used here, so that bantin-core's own tests
//! can include this file (`#[path]`) without depending on this crate.

use bantin_core::{ArticleInput, Status};

const PLACES: &[&str] = &[
    "Mường Khương",
    "Bắc Hà",
    "Si Ma Cai",
    "Bảo Thắng",
    "Văn Bàn",
    "Bát Xát",
    "Sa Pa",
    "Bảo Yên",
    "Pha Long",
    "Bản Lầu",
    "Thanh Bình",
    "Lùng Vai",
    "Cao Sơn",
    "Tả Ngài Chồ",
];
const TOPICS: &[&str] = &[
    "học tập Nghị quyết",
    "xây dựng nông thôn mới",
    "phát triển kinh tế hộ gia đình",
    "bảo đảm an ninh biên giới",
    "giữ gìn bản sắc văn hóa dân tộc",
    "phòng chống thiên tai",
    "chăm sóc sức khỏe nhân dân",
    "khuyến học, khuyến tài",
    "thủy lợi và thủy điện nhỏ",
    "du lịch cộng đồng",
    "chuyển đổi số cấp xã",
    "hội thi thể thao dân tộc",
];
const ACTIONS: &[&str] = &[
    "Hội nghị",
    "Ra quân",
    "Tổng kết",
    "Khai mạc",
    "Triển khai",
    "Kiểm tra",
    "Tập huấn",
    "Hội thảo",
    "Lễ phát động",
    "Đoàn công tác",
];
const SENTENCES: &[&str] = &[
    "Cán bộ, đảng viên tham gia đầy đủ, nghiêm túc, ghi chép nội dung.",
    "Đường truyền bảo đảm kết nối thông suốt từ Trung ương đến cơ sở.",
    "Người dân phấn khởi, đồng tình hưởng ứng chủ trương của huyện.",
    "Các xã vùng cao được ưu tiên hỗ trợ giống cây trồng và vật nuôi.",
    "Đồng chí Bí thư Huyện ủy đề nghị các cấp ủy cụ thể hóa bằng chương trình hành động.",
    "Công tác tuyên truyền được đẩy mạnh trên hệ thống loa truyền thanh.",
    "Thời tiết thuận lợi, bà con tranh thủ gieo cấy kịp thời vụ.",
    "Đoàn đã trao tặng quà cho các hộ gia đình có hoàn cảnh khó khăn.",
    "Kết quả đạt được góp phần quan trọng vào phát triển kinh tế - xã hội địa phương.",
    "Những khó khăn, vướng mắc được tháo gỡ kịp thời.",
];
const AUTHORS: &[&str] = &[
    "Kim Huệ",
    "Tùng Lâm",
    "Thủy Tiên",
    "Đức Anh",
    "Minh Hằng",
    "Quốc Việt",
    "Lò Thị Hoa",
    "Vàng A Dũng",
];
const CATEGORIES: &[&str] = &[
    "Tin tức/Chính trị",
    "Tin tức/Kinh tế",
    "Tin tức/Quốc phòng - An ninh",
    "Văn hóa - Xã hội",
    "Văn bản mới",
];

/// SplitMix64: tiny, fast and identical on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Article `n` of the corpus and its creation time (Unix ms): spread over
/// four years so month filters have something to find.
pub fn article(seed: u64, n: u64) -> (ArticleInput, i64) {
    let mut rng = Rng(seed ^ n.wrapping_mul(0xA24B_AED4_963E_E407));
    let place = rng.pick(PLACES);
    let title = format!(
        "{} {} tại {} (số {n})",
        rng.pick(ACTIONS),
        rng.pick(TOPICS),
        place
    );
    let sapo = format!("{} {}", rng.pick(SENTENCES), rng.pick(SENTENCES));
    let paragraphs = 3 + rng.next() % 5;
    let body = (0..paragraphs)
        .map(|_| {
            (0..4)
                .map(|_| rng.pick(SENTENCES))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let authors = (0..1 + rng.next() % 2)
        .map(|_| rng.pick(AUTHORS).to_owned())
        .collect();
    let status = if rng.next().is_multiple_of(5) {
        Status::Draft
    } else {
        Status::Published
    };
    let created = 1_640_995_200_000 + (rng.next() % (4 * 365 * 86_400)) as i64 * 1000;
    (
        ArticleInput {
            title,
            sapo,
            body,
            authors,
            unit: "Trung tâm Văn hóa, Thể thao - Truyền thông huyện".into(),
            category: Some(rng.pick(CATEGORIES).to_owned()),
            tags: vec![place.to_owned()],
            status,
        },
        created,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_deterministic_and_varied() {
        assert_eq!(article(7, 42), article(7, 42));
        assert_ne!(article(7, 42).0.title, article(7, 43).0.title);
        assert!(article(7, 1).0.normalized().is_ok());
    }
}
