//! The sample site made on first run, shaped like a district portal's news
//! page: long titles, a lead, paragraphs with photo captions, a byline with
//! the unit's name at the end. The text is written for Bản Tin.

use std::path::Path;

use crate::article::{ArticleInput, Status};
use crate::error::Result;
use crate::site::Site;
use crate::time_fmt::parse_date_ms;

pub const SAMPLE_NAME: &str = "Trung tâm Văn hóa, Thể thao - Truyền thông huyện";
const UNIT: &str = "Trung tâm Văn hóa, Thể thao - Truyền thông huyện";

struct Sample {
    title: &'static str,
    sapo: &'static str,
    body: &'static str,
    authors: &'static [&'static str],
    category: &'static str,
    tags: &'static [&'static str],
    date: &'static str,
    status: Status,
}

const SAMPLES: &[Sample] = &[
    Sample {
        title: "Cán bộ, đảng viên huyện học tập, quán triệt Nghị quyết về phát triển kinh tế - xã hội vùng trung du và miền núi",
        sapo: "Sáng 15/4, gần 200 cán bộ, đảng viên tại điểm cầu trung tâm huyện và các xã, thị trấn đã tham gia hội nghị trực tuyến học tập, quán triệt Nghị quyết của Bộ Chính trị.",
        body: "Hội nghị được kết nối trực tuyến từ Trung ương đến tỉnh, huyện và các xã. Đường truyền ổn định, hình ảnh và âm thanh rõ nét; cán bộ, đảng viên tham dự nghiêm túc, ghi chép đầy đủ.\n\n*Quang cảnh điểm cầu Trung tâm hội nghị huyện*\n\n## Nhận thức mới, cách làm mới\n\nTheo báo cáo viên, Nghị quyết đặt ra yêu cầu phát huy tiềm năng, lợi thế của từng địa phương, giữ gìn bản sắc văn hóa các dân tộc, gắn phát triển kinh tế với bảo đảm quốc phòng, an ninh vùng biên giới.\n\n*Đại biểu tham dự tại điểm cầu thị trấn*\n\nSau hội nghị, cấp ủy các cấp sẽ xây dựng chương trình hành động, sớm đưa Nghị quyết vào cuộc sống.",
        authors: &["Kim Huệ", "Tùng Lâm"],
        category: "Tin tức/Chính trị",
        tags: &["nghị quyết", "học tập"],
        date: "2026-04-15T08:00:00+07:00",
        status: Status::Published,
    },
    Sample {
        title: "Đường về Bản Lầu: người dân góp đất, góp công làm đường bê tông nông thôn",
        sapo: "Hơn 3 km đường bê tông nối trung tâm xã với các thôn vùng cao đã hoàn thành, nhờ người dân tự nguyện hiến đất và góp ngày công.",
        body: "Con đường trước đây lầy lội mỗi mùa mưa, việc đưa nông sản xuống chợ rất khó khăn. Nay xe máy, ô tô nhỏ đã vào tận thôn.\n\n*Người dân thôn Na Lốc cùng làm đường*\n\n- Tổng chiều dài: 3,2 km\n- Kinh phí nhà nước hỗ trợ: xi măng, cát, đá\n- Người dân đóng góp: hơn 1.500 ngày công\n\n> \"Đường đẹp rồi, bà con phấn khởi lắm\", ông Lù Văn Sáng, trưởng thôn, chia sẻ.",
        authors: &["Thủy Tiên"],
        category: "Tin tức/Kinh tế",
        tags: &["nông thôn mới", "giao thông"],
        date: "2026-04-10T09:30:00+07:00",
        status: Status::Published,
    },
    Sample {
        title: "Khai mạc Ngày hội Văn hóa, Thể thao các dân tộc huyện năm 2026",
        sapo: "Ngày hội quy tụ hơn 500 vận động viên, diễn viên quần chúng đến từ 16 xã, thị trấn, với nhiều môn thi đấu thể thao dân tộc và tiết mục văn nghệ đặc sắc.",
        body: "Trong ba ngày, các đoàn thi đấu kéo co, đẩy gậy, bắn nỏ, ném còn và trình diễn trang phục truyền thống.\n\n*Tiết mục múa khèn của đoàn xã Pha Long*\n\nNgày hội là dịp để đồng bào các dân tộc giao lưu, học hỏi và cùng nhau giữ gìn, phát huy bản sắc văn hóa.",
        authors: &["Kim Huệ"],
        category: "Văn hóa - Xã hội",
        tags: &["thể thao", "văn hóa dân tộc"],
        date: "2026-03-28T07:00:00+07:00",
        status: Status::Published,
    },
    Sample {
        title: "Kế hoạch tổ chức các hoạt động kỷ niệm ngày thành lập huyện",
        sapo: "Ủy ban nhân dân huyện ban hành kế hoạch tổ chức các hoạt động văn hóa, văn nghệ, thể thao chào mừng kỷ niệm ngày thành lập huyện.",
        body: "Kế hoạch gồm các nội dung chính:\n\n1. Lễ mít tinh kỷ niệm.\n2. Triển lãm ảnh thành tựu phát triển kinh tế - xã hội.\n3. Giải bóng đá thanh niên.\n\nCác cơ quan, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện.",
        authors: &["Văn phòng HĐND - UBND huyện"],
        category: "Văn bản mới",
        tags: &["kế hoạch"],
        date: "2026-04-02T14:00:00+07:00",
        status: Status::Published,
    },
    Sample {
        title: "Thủy lợi nhỏ giúp bà con vùng cao chủ động nước tưới vụ xuân",
        sapo: "Các công trình thủy lợi nhỏ được tu sửa kịp thời trước mùa khô giúp hơn 200 ha lúa và ngô có đủ nước tưới.",
        body: "Bài viết đang được biên tập.",
        authors: &["Tùng Lâm"],
        category: "Tin tức/Kinh tế",
        tags: &["thủy lợi", "nông nghiệp"],
        date: "2026-04-18T10:00:00+07:00",
        status: Status::Draft,
    },
];

/// Creates a site at `root` filled with the sample articles.
pub fn create_sample_site(root: &Path) -> Result<Site> {
    let site = Site::create(root, SAMPLE_NAME)?;
    let mut store = site.store()?;
    if store.article_count()? == 0 {
        let items: Vec<_> = SAMPLES
            .iter()
            .map(|s| {
                (
                    ArticleInput {
                        title: s.title.into(),
                        sapo: s.sapo.into(),
                        body: s.body.into(),
                        authors: s.authors.iter().map(|a| a.to_string()).collect(),
                        unit: UNIT.into(),
                        category: Some(s.category.into()),
                        tags: s.tags.iter().map(|t| t.to_string()).collect(),
                        status: s.status,
                    },
                    parse_date_ms(s.date),
                )
            })
            .collect();
        store.create_articles(&items)?;
    }
    Ok(site)
}
