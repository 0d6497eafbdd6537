// Shared by build.rs (ACL manifest) and lib.rs (a test keeps it in step with
// the registered commands).
pub const NAMES: &[&str] = &[
    "site_current",
    "site_open",
    "site_create",
    "site_recent",
    "startup_problem",
    "pick_folder",
    "article_list",
    "article_get",
    "article_create",
    "article_update",
    "category_list",
    "author_list",
    "month_list",
    "app_ready",
    "revision_list",
    "revision_get",
    "revision_restore",
    "preferences_get",
    "preferences_set",
];
