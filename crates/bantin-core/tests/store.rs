//! The store on real SQLite files in temp folders: what a writer and an
//! editor would check.

use bantin_core::{ArticleInput, Error, ListFilter, SaveKind, SaveMeta, Site, Status, Store};
use unicode_normalization::UnicodeNormalization;

// The benchmarks' generator of articles, shared without a dependency on them.
#[path = "../../bantin-bench/src/corpus.rs"]
mod corpus;

fn temp_site() -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = Site::create(dir.path(), "Trung tâm huyện").expect("create site");
    (dir, site)
}

fn input(title: &str) -> ArticleInput {
    ArticleInput {
        title: title.into(),
        ..Default::default()
    }
}

fn titles(store: &Store, query: &str) -> Vec<String> {
    store
        .list(&ListFilter {
            query: Some(query.into()),
            ..Default::default()
        })
        .expect("search")
        .items
        .into_iter()
        .map(|a| a.title)
        .collect()
}

#[test]
fn an_article_survives_reopening_the_site() {
    let (dir, site) = temp_site();
    let created = site
        .store()
        .expect("store")
        .create_article(&ArticleInput {
            title: "Khai mạc Ngày hội Văn hóa".into(),
            sapo: "Sáng nay…".into(),
            body: "Nội dung **đậm**.".into(),
            authors: vec!["Kim Huệ".into(), "Tùng Lâm".into()],
            unit: "Trung tâm Văn hóa, Thể thao - Truyền thông huyện".into(),
            category: Some("Tin tức/Văn hóa".into()),
            tags: vec!["lễ hội".into()],
            status: Status::Published,
        })
        .expect("create");
    drop(site);
    let reopened = Site::open(dir.path()).expect("reopen");
    let got = reopened
        .store()
        .expect("store")
        .article(created.id)
        .expect("article");
    assert_eq!(got, created);
    assert_eq!(got.authors, ["Kim Huệ", "Tùng Lâm"], "byline order kept");
    assert_eq!(got.slug, "khai-mac-ngay-hoi-van-hoa");
    assert_eq!(reopened.info().expect("info").name, "Trung tâm huyện");
}

#[test]
fn search_finds_vietnamese_typed_any_way() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let titles_in = [
        "Trung tâm Văn hóa, Thể thao - Truyền thông huyện",
        "Thủy lợi nhỏ cho vụ xuân",
        "Đường về Bản Lầu",
        "Kiểm tra công tác phòng chống thiên tai",
        "Tin ngắn khác",
    ];
    for t in titles_in {
        store.create_article(&input(t)).expect("create");
    }
    let cases: &[(&str, &str)] = &[
        (
            "van hoa",
            "Trung tâm Văn hóa, Thể thao - Truyền thông huyện",
        ),
        (
            "văn hoá",
            "Trung tâm Văn hóa, Thể thao - Truyền thông huyện",
        ),
        (
            "the thao",
            "Trung tâm Văn hóa, Thể thao - Truyền thông huyện",
        ),
        ("thuy loi", "Thủy lợi nhỏ cho vụ xuân"),
        ("thuỷ lợi", "Thủy lợi nhỏ cho vụ xuân"),
        ("duong ve", "Đường về Bản Lầu"),
        ("đuong", "Đường về Bản Lầu"),
        ("ĐƯỜNG", "Đường về Bản Lầu"),
        (
            "kiem tra cong tac",
            "Kiểm tra công tác phòng chống thiên tai",
        ),
        (
            "phong chong thien ta",
            "Kiểm tra công tác phòng chống thiên tai",
        ),
    ];
    for (query, want) in cases {
        assert_eq!(titles(&store, query), [*want], "query {query:?}");
        let nfd: String = query.nfd().collect();
        assert_eq!(titles(&store, &nfd), [*want], "NFD query {query:?}");
    }
}

fn search(store: &Store, query: &str) -> bantin_core::ArticlePage {
    store
        .list(&ListFilter {
            query: Some(query.into()),
            ..Default::default()
        })
        .expect("search")
}

#[test]
fn either_i_y_spelling_finds_articles_written_with_either() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let corpus = [
        "Tập huấn kỹ thuật trồng chè",
        "Lớp kĩ thuật chăn nuôi",
        "Lý do chậm giải ngân",
        "Lí do người dân chưa đồng thuận",
        "Khen thưởng quý II",
        "Kết quả quí III",
        "Bác sỹ về bản",
        "Bác sĩ trẻ tình nguyện",
        "Tỷ lệ hộ nghèo giảm",
        "Tỉ lệ tiêm chủng đạt",
        "Triển lãm mỹ thuật",
        "Yêu quê hương",
        "Trạm y tế xã",
        "Thủy lợi nội đồng",
        "Tuy khó vẫn về đích",
        "Huy động nguồn lực",
        "Quyết định khen thưởng",
    ];
    for t in corpus {
        store.create_article(&input(t)).expect("create");
    }
    let sorted = |query: &str| {
        let mut t = titles(&store, query);
        t.sort();
        t
    };
    let both = |a: &str, b: &str| {
        let mut v = vec![a.to_owned(), b.to_owned()];
        v.sort();
        v
    };
    let ky = both("Lớp kĩ thuật chăn nuôi", "Tập huấn kỹ thuật trồng chè");
    for q in ["kỹ thuật", "kĩ thuật", "ki thuat", "ky thuat", "KỸ THUẬT"] {
        assert_eq!(sorted(q), ky, "{q}");
    }
    for q in ["lý do", "lí do", "li do", "ly do"] {
        assert_eq!(
            sorted(q),
            both("Lí do người dân chưa đồng thuận", "Lý do chậm giải ngân"),
            "{q}"
        );
    }
    for q in ["quý", "quí", "qui"] {
        assert_eq!(
            sorted(q),
            both("Khen thưởng quý II", "Kết quả quí III"),
            "{q}"
        );
    }
    for q in ["bác sỹ", "bác sĩ", "bac si"] {
        assert_eq!(
            sorted(q),
            both("Bác sĩ trẻ tình nguyện", "Bác sỹ về bản"),
            "{q}"
        );
    }
    for q in ["tỷ lệ", "tỉ lệ"] {
        assert_eq!(
            sorted(q),
            both("Tỉ lệ tiêm chủng đạt", "Tỷ lệ hộ nghèo giảm"),
            "{q}"
        );
    }
    assert_eq!(sorted("mĩ thuật"), ["Triển lãm mỹ thuật"]);
    // No variants: a y starting a syllable, or after a vowel.
    assert_eq!(sorted("yêu"), ["Yêu quê hương"]);
    assert_eq!(sorted("y tế"), ["Trạm y tế xã"]);
    assert_eq!(sorted("thủy lợi"), ["Thủy lợi nội đồng"]);
    assert!(sorted("thui").is_empty());
    assert_eq!(sorted("tuy khó"), ["Tuy khó vẫn về đích"]);
    assert!(sorted("hui dong").is_empty());
    // `quy` as it is being typed may still become `quyết`.
    assert!(sorted("quy").contains(&"Quyết định khen thưởng".to_owned()));
    assert!(sorted("quý").iter().all(|t| !t.starts_with("Quyết")));
    // The exact spelling still ranks first.
    assert_eq!(titles(&store, "kĩ thuật")[0], "Lớp kĩ thuật chăn nuôi");
    assert_eq!(titles(&store, "kỹ thuật")[0], "Tập huấn kỹ thuật trồng chè");
}

#[test]
fn a_query_typed_with_the_input_method_off_finds_what_it_spells() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    store
        .create_article(&input("Hội nghị tổng kết năm 2025"))
        .expect("create");
    store
        .create_article(&input("Đường vào bản mới mở"))
        .expect("create");
    store
        .create_article(&input("Nghị quyết 11-NQ/TW về covid"))
        .expect("create");
    let cases: &[(&str, &str, &str)] = &[
        ("hooij nghij", "Hội nghị tổng kết năm 2025", "hội nghị"),
        ("ho6i5 nghi5", "Hội nghị tổng kết năm 2025", "hội nghị"),
        // A lone `.` at a word's end is taken for a full stop, not VIQR.
        ("ho^.i nghi.", "Hội nghị tổng kết năm 2025", "hội nghi."),
        (
            "hooij nghi tong ket",
            "Hội nghị tổng kết năm 2025",
            "hội nghi tong ket",
        ),
        ("dduwowngf", "Đường vào bản mới mở", "đường"),
        ("d9u7o72ng", "Đường vào bản mới mở", "đường"),
        ("Dduwowngf vaof", "Đường vào bản mới mở", "Đường vào"),
    ];
    for (query, want, shown) in cases {
        let page = search(&store, query);
        let got: Vec<String> = page.items.into_iter().map(|a| a.title).collect();
        assert_eq!(got, [*want], "{query}");
        assert_eq!(page.decoded_query.as_deref(), Some(*shown), "{query}");
    }
    // Words of the index, codes and English stay as typed, and nothing is
    // said about a decoding.
    for (query, want) in [
        ("hoi nghi", "Hội nghị tổng kết năm 2025"),
        ("11-NQ/TW", "Nghị quyết 11-NQ/TW về covid"),
        ("covid", "Nghị quyết 11-NQ/TW về covid"),
        ("TW", "Nghị quyết 11-NQ/TW về covid"),
    ] {
        let page = search(&store, query);
        assert_eq!(page.total, 1, "{query}");
        assert_eq!(page.items[0].title, want, "{query}");
        assert_eq!(page.decoded_query, None, "{query}");
    }
    // A decoding that finds nothing is not announced.
    let page = search(&store, "tieengs");
    assert_eq!((page.total, page.decoded_query), (0, None));
}

#[test]
fn a_decoded_word_ranks_titles_with_it_first_in_either_tone_style() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    store
        .create_article(&input("Hoà giải ở cơ sở"))
        .expect("create");
    store
        .create_article(&input("Hoa ban nở trắng núi rừng"))
        .expect("create");
    let page = search(&store, "hoaf");
    assert_eq!(page.decoded_query.as_deref(), Some("hòa"));
    let got: Vec<String> = page.items.into_iter().map(|a| a.title).collect();
    assert_eq!(got, ["Hoà giải ở cơ sở", "Hoa ban nở trắng núi rừng"]);
}

#[test]
fn a_word_in_the_index_is_taken_as_typed_and_ranks_first() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    // "tax" is Telex for "tã", but here the index holds it as a word.
    store
        .create_article(&input("Bỉm tã cho trẻ sơ sinh"))
        .expect("create");
    store
        .create_article(&input("Khai thuế: tax online"))
        .expect("create");
    let page = search(&store, "tax");
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].title, "Khai thuế: tax online");
    assert_eq!(page.decoded_query, None);
}

#[test]
fn exact_matches_rank_before_folded_ones() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    // Inserted first so that, without exact ranking, it would tie or win.
    store
        .create_article(&input("Hòa giải ở cơ sở"))
        .expect("create");
    store
        .create_article(&input("Hoa ban nở trắng núi rừng"))
        .expect("create");
    store
        .create_article(&input("Chuyển đổi số: văn hóa số"))
        .expect("create");
    assert_eq!(titles(&store, "hòa")[0], "Hòa giải ở cơ sở");
    assert_eq!(titles(&store, "hoa")[0], "Hoa ban nở trắng núi rừng");
    assert_eq!(titles(&store, "hóa")[0], "Chuyển đổi số: văn hóa số");
    assert_eq!(
        titles(&store, "hoa").len(),
        3,
        "folded query finds all three"
    );
}

#[test]
fn search_covers_sapo_body_and_byline() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    store
        .create_article(&ArticleInput {
            title: "Tin một".into(),
            sapo: "Hội nghị trực tuyến".into(),
            body: "Đồng bào các dân tộc".into(),
            authors: vec!["Lò Thị Hoa".into()],
            unit: "Trung tâm Văn hóa".into(),
            ..Default::default()
        })
        .expect("create");
    for q in ["truc tuyen", "dong bao", "lo thi", "trung tam van"] {
        assert_eq!(titles(&store, q), ["Tin một"], "query {q:?}");
    }
}

#[test]
fn any_typed_query_is_safe() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    store
        .create_article(&input("Nghị quyết 11-NQ/TW \"về\" AND phát triển"))
        .expect("create");
    let hostile = [
        "\"",
        "\"\"",
        "*",
        "**",
        ":",
        "title:x",
        "AND",
        "a AND",
        "OR NOT",
        "NEAR(",
        "NEAR(a b",
        "(",
        ")",
        "^",
        "-",
        "+",
        "{",
        "}",
        "'; DROP TABLE articles; --",
        "11-NQ/TW",
        "a*b",
        "\u{0}",
        "   ",
        "\\",
        "%",
        "_",
        "ho^.i nghi.",
        "hooij OR",
        "d9u7o72ng\"",
        "a( u+",
    ];
    for q in hostile {
        let res = store.list(&ListFilter {
            query: Some(q.into()),
            ..Default::default()
        });
        assert!(res.is_ok(), "query {q:?} failed: {:?}", res.err());
    }
    assert_eq!(titles(&store, "11-NQ/TW").len(), 1);
    assert_eq!(
        titles(&store, "\"ve\" AND").len(),
        1,
        "quotes and AND are words"
    );
    assert_eq!(store.article_count().expect("count"), 1);
}

#[test]
fn slugs_are_unique_and_follow_drafts_but_not_published() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let a = store.create_article(&input("Đường về Bản Lầu")).expect("a");
    let b = store
        .create_article(&input("Đường về bản lầu!"))
        .expect("b");
    let c = store.create_article(&input("Đường về Bản Lầu")).expect("c");
    assert_eq!(
        [a.slug.as_str(), b.slug.as_str(), c.slug.as_str()],
        [
            "duong-ve-ban-lau",
            "duong-ve-ban-lau-2",
            "duong-ve-ban-lau-3"
        ]
    );

    let mut draft = b.input();
    draft.title = "Tiêu đề mới".into();
    let b2 = store.update_article(b.id, &draft).expect("update draft");
    assert_eq!(b2.slug, "tieu-de-moi", "a draft's slug follows its title");

    let published = store.set_status(a.id, Status::Published).expect("publish");
    let mut edit = published.input();
    edit.title = "Đổi tiêu đề sau khi đăng".into();
    let a2 = store.update_article(a.id, &edit).expect("edit published");
    assert_eq!(a2.slug, "duong-ve-ban-lau", "a published URL never changes");
}

#[test]
fn every_save_is_a_revision_and_the_article_points_at_the_last() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let a = store.create_article(&input("Bản nháp")).expect("create");
    let mut edit = a.input();
    edit.body = "Thêm nội dung".into();
    let a2 = store.update_article(a.id, &edit).expect("save");
    let a3 = store.set_status(a.id, Status::Published).expect("publish");
    let revs = store.revisions(a.id).expect("revisions");
    assert_eq!(revs.len(), 3);
    assert_eq!(
        revs[0].id, a3.revision_id,
        "newest first, current last saved"
    );
    assert!(a.revision_id < a2.revision_id && a2.revision_id < a3.revision_id);
}

#[test]
fn revisions_record_who_how_and_length_and_identical_saves_add_none() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let by = |kind| SaveMeta {
        saved_by: "Kim Huệ".into(),
        kind,
    };
    let a = store
        .create_article_by(&input("Ngày hội"), &by(SaveKind::Save))
        .expect("create");
    let mut edit = a.input();
    edit.body = "Người dân xã Bản Lầu **vui** ngày hội.".into();
    let a2 = store
        .save_article(a.id, &edit, &by(SaveKind::Autosave))
        .expect("autosave");
    let again = store
        .save_article(a.id, &edit, &by(SaveKind::Autosave))
        .expect("same text");
    assert_eq!(
        again.revision_id, a2.revision_id,
        "no revision for no change"
    );

    let revs = store.revisions(a.id).expect("revisions");
    assert_eq!(revs.len(), 2);
    assert_eq!(revs[0].kind, SaveKind::Autosave);
    assert_eq!(revs[0].saved_by, "Kim Huệ");
    assert_eq!(revs[0].word_count, 8);
    assert_eq!((revs[1].kind, revs[1].word_count), (SaveKind::Save, 0));
}

#[test]
fn restoring_a_revision_brings_its_text_back_as_a_new_revision() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let mut first = input("Tiêu đề đầu");
    first.body = "Bản đầu tiên.".into();
    let a = store.create_article(&first).expect("create");
    let mut edit = a.input();
    edit.title = "Tiêu đề sau".into();
    edit.body = "Bản viết lại.".into();
    store.update_article(a.id, &edit).expect("edit");
    store.set_status(a.id, Status::Published).expect("publish");

    let restored = store
        .restore_revision(a.id, a.revision_id, "Tùng Lâm")
        .expect("restore");
    assert_eq!(restored.title, "Tiêu đề đầu");
    assert_eq!(restored.body, "Bản đầu tiên.");
    assert_eq!(restored.status, Status::Published, "status is not restored");
    let revs = store.revisions(a.id).expect("revisions");
    assert_eq!(revs.len(), 4, "the restore is a revision too");
    assert_eq!(
        (revs[0].kind, revs[0].saved_by.as_str()),
        (SaveKind::Restore, "Tùng Lâm")
    );
    let old = store.revision(revs[1].id).expect("read");
    assert_eq!(
        old.input.body, "Bản viết lại.",
        "older revisions are untouched"
    );

    let other = store.create_article(&input("Bài khác")).expect("other");
    let err = store
        .restore_revision(other.id, a.revision_id, "")
        .expect_err("another article's revision");
    assert_eq!(err.code(), bantin_core::ErrorCode::NotFound);
    assert!(matches!(
        store.revision(9999).expect_err("missing"),
        Error::RevisionNotFound(9999)
    ));
}

#[test]
fn update_of_a_missing_article_says_which() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let err = store.update_article(999, &input("x")).expect_err("missing");
    assert!(matches!(err, Error::ArticleNotFound(999)));
    assert!(err.to_string().contains("999"));
    let err = store.create_article(&input("  ")).expect_err("empty title");
    assert_eq!(err.code(), bantin_core::ErrorCode::InvalidInput);
    assert_eq!(
        store.article_count().expect("count"),
        0,
        "nothing half-saved"
    );
}

#[test]
fn filters_by_status_category_author_and_month() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let day = |d: &str| bantin_core::time_fmt::parse_date_ms(d);
    let mk = |title: &str, cat: &str, author: &str, status| ArticleInput {
        title: title.into(),
        category: Some(cat.into()),
        authors: vec![author.into()],
        status,
        ..Default::default()
    };
    store
        .create_article_at(
            &mk("A", "Tin tức/Kinh tế", "Kim Huệ", Status::Published),
            day("2026-04-01"),
        )
        .expect("a");
    store
        .create_article_at(
            &mk("B", "Tin tức", "Tùng Lâm", Status::Draft),
            day("2026-03-31"),
        )
        .expect("b");
    store
        .create_article_at(
            &mk("C", "Tin tức khác", "Kim Huệ", Status::Published),
            day("2026-04-30"),
        )
        .expect("c");
    let list = |f: ListFilter| -> Vec<String> {
        let mut t: Vec<String> = store
            .list(&f)
            .expect("list")
            .items
            .into_iter()
            .map(|a| a.title)
            .collect();
        t.sort();
        t
    };
    assert_eq!(
        list(ListFilter {
            status: Some(Status::Published),
            ..Default::default()
        }),
        ["A", "C"]
    );
    assert_eq!(
        list(ListFilter {
            category: Some("Tin tức".into()),
            ..Default::default()
        }),
        ["A", "B"],
        "sub-categories included, sibling prefix not"
    );
    assert_eq!(
        list(ListFilter {
            category: Some("Tin tức/Kinh tế".into()),
            ..Default::default()
        }),
        ["A"]
    );
    assert_eq!(
        list(ListFilter {
            author: Some("Kim Huệ".into()),
            ..Default::default()
        }),
        ["A", "C"]
    );
    assert_eq!(
        list(ListFilter {
            month: Some("2026-04".into()),
            ..Default::default()
        }),
        ["A", "C"],
        "month in Vietnam time"
    );
    assert_eq!(
        list(ListFilter {
            month: Some("2026-04".into()),
            author: Some("Kim Huệ".into()),
            query: Some("c".into()),
            ..Default::default()
        }),
        ["C"]
    );
    let cats: Vec<_> = store
        .categories()
        .expect("cats")
        .into_iter()
        .map(|c| (c.path, c.depth, c.article_count))
        .collect();
    assert_eq!(
        cats,
        [
            ("Tin tức".into(), 0, 1),
            ("Tin tức khác".into(), 0, 1),
            ("Tin tức/Kinh tế".into(), 1, 1)
        ]
    );
    assert_eq!(store.authors().expect("authors"), ["Kim Huệ", "Tùng Lâm"]);
    let months: Vec<_> = store
        .months()
        .expect("months")
        .into_iter()
        .map(|m| (m.month, m.article_count))
        .collect();
    assert_eq!(
        months,
        [("2026-04".to_owned(), 2), ("2026-03".to_owned(), 1)],
        "months as the filter counts them"
    );
}

#[test]
fn paging_returns_every_article_once() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let items: Vec<_> = (0..250)
        .map(|i| corpus::article(3, i))
        .map(|(a, t)| (a, Some(t)))
        .collect();
    store.create_articles(&items).expect("bulk");
    let mut seen = std::collections::HashSet::new();
    let mut offset = 0;
    loop {
        let page = store
            .list(&ListFilter {
                limit: 100,
                offset,
                ..Default::default()
            })
            .expect("page");
        assert_eq!(page.total, 250);
        if page.items.is_empty() {
            break;
        }
        for a in page.items {
            assert!(seen.insert(a.id), "article {} listed twice", a.id);
        }
        offset += 100;
    }
    assert_eq!(seen.len(), 250);
}

#[test]
fn text_is_stored_in_nfc() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let nfd = |s: &str| -> String { s.nfd().collect() };
    let a = store
        .create_article(&ArticleInput {
            title: nfd("Thể thao"),
            body: nfd("Đồng bào"),
            authors: vec![nfd("Kim Huệ")],
            ..Default::default()
        })
        .expect("create");
    assert_eq!(a.title, "Thể thao");
    assert_eq!(a.body, "Đồng bào");
    assert_eq!(a.authors, ["Kim Huệ"]);
}

#[test]
fn opening_a_folder_without_a_site_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = Site::open(dir.path()).expect_err("not a site");
    assert_eq!(err.code(), bantin_core::ErrorCode::NotASite);
}

#[test]
fn sample_site_has_the_shape_of_the_portal_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = bantin_core::sample::create_sample_site(dir.path()).expect("sample");
    let store = site.store().expect("store");
    let page = store.list(&ListFilter::default()).expect("list");
    assert!(page.total >= 4);
    let first = store
        .list(&ListFilter {
            query: Some("nghi quyet".into()),
            ..Default::default()
        })
        .expect("search");
    let article = store.article(first.items[0].id).expect("article");
    // The real portal page (a copy kept in the repository, so a plain clone
    // tests) ends with the writers and their unit.
    let portal = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/portal-page-muong-khuong.txt"
    ))
    .expect("the sample portal page");
    let unit = "Trung tâm Văn hóa, Thể thao - Truyền thông huyện";
    assert!(portal.contains(&format!("Kim Huệ - Tùng Lâm - {unit}")));
    assert_eq!(article.authors, ["Kim Huệ", "Tùng Lâm"]);
    assert_eq!(article.unit, unit);
    assert!(!article.sapo.is_empty());
    // Creating it again does not duplicate the articles.
    bantin_core::sample::create_sample_site(dir.path()).expect("again");
    assert_eq!(
        site.store().expect("store").article_count().expect("count"),
        page.total
    );
}

#[test]
fn import_brings_in_a_hugo_folder_and_reports_skips() {
    let (_dir, site) = temp_site();
    let src = tempfile::tempdir().expect("src");
    let posts = src.path().join("content/posts");
    std::fs::create_dir_all(&posts).expect("mkdir");
    std::fs::write(
        posts.join("a.md"),
        "---\ntitle: Khai mạc hội chợ\ndate: 2022-04-15\nauthors: [Kim Huệ]\n---\nThân bài",
    )
    .expect("w");
    std::fs::write(
        posts.join("b.md"),
        "+++\ntitle = \"Ngày hội\"\ndraft = true\n+++\nx",
    )
    .expect("w");
    std::fs::write(posts.join("_index.md"), "---\ntitle: Tin\n---\n").expect("w");
    std::fs::write(posts.join("c.md"), "Không có front matter").expect("w");
    std::fs::write(posts.join("d.md"), [0xff, 0xfe, 0x00]).expect("w");
    std::fs::write(posts.join("notes.txt"), "bỏ qua").expect("w");
    let mut store = site.store().expect("store");
    let report = bantin_core::import::import_dir(&mut store, src.path(), None).expect("import");
    assert_eq!(report.imported.len(), 2);
    assert_eq!(report.skipped.len(), 3, "{:?}", report.skipped);
    let reasons: Vec<_> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(reasons.iter().any(|r| r.contains("UTF-8")));
    assert!(reasons.iter().any(|r| r.contains("front matter")));
    let hoi_cho = store.article(report.imported[0].id).expect("a");
    assert_eq!(hoi_cho.title, "Khai mạc hội chợ");
    assert_eq!(hoi_cho.status, Status::Published);
    assert_eq!(
        &hoi_cho.created_at[..10],
        "2022-04-14",
        "midnight in Vietnam is the evening before in UTC"
    );
    assert_eq!(
        store.article(report.imported[1].id).expect("b").status,
        Status::Draft
    );
    assert_eq!(titles(&store, "hoi cho"), ["Khai mạc hội chợ"]);
}

#[test]
fn title_matches_rank_before_body_matches_then_newest_first() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let day = |d: &str| bantin_core::time_fmt::parse_date_ms(d);
    let in_title = store
        .create_article_at(&input("Lễ hội hoa ban"), day("2026-01-01"))
        .expect("a");
    let in_body = store
        .create_article_at(
            &ArticleInput {
                title: "Tin vắn".into(),
                body: "Lễ hội hoa ban năm nay…".into(),
                ..Default::default()
            },
            day("2026-03-01"),
        )
        .expect("b");
    let newer_in_title = store
        .create_article_at(&input("Chuẩn bị lễ hội hoa ban"), day("2026-02-01"))
        .expect("c");
    let ids: Vec<i64> = store
        .list(&ListFilter {
            query: Some("le hoi hoa ban".into()),
            ..Default::default()
        })
        .expect("search")
        .items
        .iter()
        .map(|a| a.id)
        .collect();
    // Both title matches before the body match; among them the last saved first.
    assert_eq!(ids, [newer_in_title.id, in_title.id, in_body.id]);
}

#[test]
fn search_pages_return_every_match_once_in_tier_order() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let items: Vec<_> = (0..300)
        .map(|i| corpus::article(5, i))
        .map(|(a, t)| (a, Some(t)))
        .collect();
    store.create_articles(&items).expect("bulk");
    // "van hoa" is in some titles and in every byline; "huyen" in every byline.
    for query in ["van hoa", "huyen"] {
        let search = |offset| {
            store
                .list(&ListFilter {
                    query: Some(query.into()),
                    limit: 40,
                    offset,
                    ..Default::default()
                })
                .expect("search")
        };
        let first = search(0);
        assert!(
            first.total > 40,
            "{query}: enough matches to page ({})",
            first.total
        );
        let mut seen = Vec::new();
        let mut offset = 0;
        loop {
            let page = search(offset);
            assert_eq!(page.total, first.total);
            if page.items.is_empty() {
                break;
            }
            seen.extend(page.items.into_iter().map(|a| a.title));
            offset += 40;
        }
        assert_eq!(seen.len() as i64, first.total, "{query}: every match once");
        let unique: std::collections::HashSet<_> = seen.iter().collect();
        assert_eq!(unique.len(), seen.len(), "{query}: no match twice");
        // Title matches come before matches elsewhere, across page boundaries.
        let query_words: Vec<String> = bantin_core::text::words(&bantin_core::text::fold(query))
            .map(str::to_owned)
            .collect();
        let (last, rest) = query_words.split_last().expect("words");
        let in_title: Vec<bool> = seen
            .iter()
            .map(|t| {
                let folded = bantin_core::text::fold(t);
                let title_words: Vec<&str> = bantin_core::text::words(&folded).collect();
                rest.iter().all(|w| title_words.contains(&w.as_str()))
                    && title_words.iter().any(|w| w.starts_with(last.as_str()))
            })
            .collect();
        assert!(
            in_title.iter().any(|t| *t) || query == "huyen",
            "{query}: some title matches"
        );
        let first_elsewhere = in_title.iter().position(|t| !t).unwrap_or(in_title.len());
        assert!(
            in_title[first_elsewhere..].iter().all(|t| !t),
            "{query}: a title match after a body match"
        );
    }
}

#[test]
fn the_export_reads_articles_without_bodies_then_the_bodies_it_needs() {
    let (_dir, site) = temp_site();
    let mut store = site.store().expect("store");
    let items: Vec<_> = (0..150)
        .map(|i| {
            let article = ArticleInput {
                title: format!("Tin số {i}"),
                body: format!("Nội dung của tin số {i}."),
                status: Status::Published,
                ..Default::default()
            };
            (article, Some(1_700_000_000_000 + i * 60_000))
        })
        .collect();
    store.create_articles(&items).expect("articles");
    let listed = store.articles_without_bodies(false).expect("list");
    assert_eq!(listed.len(), 150);
    assert_eq!(listed[0].title, "Tin số 149", "newest first");
    assert!(listed.iter().all(|a| a.body.is_empty()));

    // More revisions than one query reads, one that does not exist.
    let mut wanted: Vec<i64> = listed.iter().map(|a| a.revision_id).collect();
    wanted.push(-1);
    let bodies = store.revision_bodies(&wanted).expect("bodies");
    assert_eq!(bodies.len(), 150);
    for a in &listed {
        let number = a.title.trim_start_matches("Tin số ");
        assert_eq!(
            bodies[&a.revision_id],
            format!("Nội dung của tin số {number}.")
        );
    }
}
