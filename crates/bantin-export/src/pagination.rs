//! Which page numbers a list shows. A portal's home page may have hundreds of
//! archive pages; readers expect "10 9 8 7 6 … 1", not every number, and a
//! page that listed them all would grow with the archive.

/// Numbers shown on each side of the current page.
const AROUND: usize = 2;

/// A number of the pagination bar, or `None` for a gap ("…").
pub type Shown = Option<usize>;

/// The numbers to show, newest first (archive pages are numbered from the
/// oldest, so the newest has the highest number). `current` is `None` on the
/// list's first page, which shows the newest articles.
pub fn page_numbers(count: usize, current: Option<usize>) -> Vec<Shown> {
    if count == 0 {
        return Vec::new();
    }
    // The first page shows the newest articles: the numbers that follow it
    // are the newest archive pages.
    let (top, bottom) = match current {
        None => (count, count.saturating_sub(2 * AROUND).max(1)),
        Some(k) => ((k + AROUND).min(count), k.saturating_sub(AROUND).max(1)),
    };
    let mut shown = Vec::new();
    let push = |shown: &mut Vec<Shown>, k: usize| {
        if let Some(Some(last)) = shown.last() {
            if last - 1 > k + 1 {
                shown.push(None);
            } else if last - 1 == k + 1 {
                // One number would hide behind the gap: show it instead.
                shown.push(Some(k + 1));
            }
        }
        shown.push(Some(k));
    };
    if top < count {
        push(&mut shown, count);
    }
    for k in (bottom..=top).rev() {
        push(&mut shown, k);
    }
    if bottom > 1 {
        push(&mut shown, 1);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(shown: &[Shown]) -> String {
        shown
            .iter()
            .map(|s| s.map_or("…".to_owned(), |k| k.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_short_archive_shows_every_number() {
        assert_eq!(text(&page_numbers(1, None)), "1");
        assert_eq!(text(&page_numbers(3, None)), "3 2 1");
        assert_eq!(text(&page_numbers(5, Some(3))), "5 4 3 2 1");
    }

    #[test]
    fn a_long_archive_shows_the_ends_and_the_pages_around_the_current_one() {
        assert_eq!(text(&page_numbers(500, None)), "500 499 498 497 496 … 1");
        assert_eq!(text(&page_numbers(500, Some(500))), "500 499 498 … 1");
        assert_eq!(
            text(&page_numbers(500, Some(250))),
            "500 … 252 251 250 249 248 … 1"
        );
        assert_eq!(text(&page_numbers(500, Some(1))), "500 … 3 2 1");
    }

    #[test]
    fn a_gap_never_hides_a_single_number() {
        assert_eq!(text(&page_numbers(10, Some(4))), "10 … 6 5 4 3 2 1");
        assert_eq!(text(&page_numbers(10, Some(7))), "10 9 8 7 6 5 … 1");
    }

    #[test]
    fn every_page_is_reachable_from_the_first_by_numbers_shown() {
        // From each page a reader can reach a page nearer any target: the
        // numbers shown always include a neighbour of the current page.
        let count = 37;
        for current in 1..=count {
            let shown: Vec<usize> = page_numbers(count, Some(current))
                .into_iter()
                .flatten()
                .collect();
            assert!(shown.contains(&current));
            assert!(current == count || shown.contains(&(current + 1)));
            assert!(current == 1 || shown.contains(&(current - 1)));
        }
    }
}
