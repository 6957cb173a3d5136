use super::*;
use crate::article::Article;

fn store(n: usize) -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let articles: Vec<Article> = (0..n)
        .map(|i| {
            let mut a = Article::new(format!("Headline {i:04}"), None);
            a.body.push("Body.".into());
            a
        })
        .collect();
    store.import(&articles).expect("import");
    store
}

/// Finishes the list's count with a key waiting, which cuts it short; reads
/// are not cut short again afterwards.
fn cut_short_by_a_key(store: &mut Store, list: &mut HeadlineList) {
    let key = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    store
        .cancel_reads_when(std::sync::Arc::clone(&key))
        .expect("handler");
    {
        let _cancellable = store.cancellable();
        let error = list.finish_count(store).expect_err("cut short");
        assert!(error.is_cancelled());
    }
    key.store(false, std::sync::atomic::Ordering::Relaxed);
}

#[test]
fn a_kept_search_is_counted_in_full_later_and_a_key_can_cut_that_short() {
    let mut store = store(50);
    let filter = Filter {
        query: Some(crate::search::Query::parse("headline")),
        ..Filter::default()
    };
    let mut list = HeadlineList::new_capped(&store, filter, 10, 5).expect("list");
    assert!(list.capped);
    list.count_in_full();
    assert!(
        list.counting,
        "left for when no key waits, not done at Enter"
    );
    // a key waiting: the count stops, and is left to do again
    cut_short_by_a_key(&mut store, &mut list);
    assert!(list.counting);
    list.finish_count(&store).expect("counted");
    assert_eq!((list.count, list.capped, list.counting), (50, false, false));
}

#[test]
fn only_a_window_around_the_screen_is_held() {
    let store = store(1000);
    let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
    list.settle(&store, 20).expect("settle");
    assert_eq!(list.visible(20).count(), 20);
    assert!(list.window.len() <= 20 + 2 * MARGIN);
    list.select(999);
    list.settle(&store, 20).expect("settle");
    assert_eq!(list.offset, 980);
    assert!(list.selected_headline().is_some());
    assert!(list.window.len() <= 20 + 2 * MARGIN);
}

#[test]
fn the_selection_stays_in_the_list_and_on_screen() {
    let store = store(30);
    let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
    list.move_by(-5);
    assert_eq!(list.selected, 0);
    list.move_by(100);
    assert_eq!(list.selected, 29);
    list.settle(&store, 10).expect("settle");
    assert_eq!(list.offset, 20);
    list.move_by(-15);
    list.settle(&store, 10).expect("settle");
    assert_eq!((list.selected, list.offset), (14, 14));
}

#[test]
fn paging_through_the_whole_list_shows_every_row_in_order() {
    let store = store(1000);
    let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
    let mut seen = Vec::new();
    for _ in 0..60 {
        list.move_by(17);
        list.settle(&store, 17).expect("settle");
        seen.extend(
            list.visible(17)
                .map(|(position, h)| (position, h.headline.clone())),
        );
    }
    list.select(0);
    list.settle(&store, 17).expect("settle");
    for _ in 0..60 {
        list.move_by(-17);
        list.select(999 - list.selected.min(999));
        list.settle(&store, 17).expect("settle");
        seen.extend(
            list.visible(17)
                .map(|(position, h)| (position, h.headline.clone())),
        );
    }
    let all = store.headlines(&Filter::default(), 0, 1000).expect("all");
    for (position, headline) in seen {
        assert_eq!(all[position].headline, headline, "row {position}");
    }
    assert!(list.window.len() <= 17 + 3 * MARGIN);
}

#[test]
fn jumps_to_the_end_and_back_and_steps_up_from_the_end() {
    let store = store(1000);
    let all = store.headlines(&Filter::default(), 0, 1000).expect("all");
    let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
    list.select(999);
    list.settle(&store, 20).expect("settle");
    assert_eq!(
        list.selected_headline().map(|h| &h.headline),
        Some(&all[999].headline)
    );
    for step in 1..300 {
        list.move_by(-1);
        list.settle(&store, 20).expect("settle");
        assert_eq!(
            list.selected_headline().map(|h| &h.headline),
            Some(&all[999 - step].headline),
            "step {step}"
        );
    }
    list.select(0);
    list.settle(&store, 20).expect("settle");
    assert_eq!(
        list.selected_headline().map(|h| &h.headline),
        Some(&all[0].headline)
    );
}

#[test]
fn a_capped_count_stops_at_the_cap_until_uncapped() {
    let store = store(300);
    let filter = Filter {
        query: Some(crate::search::Query::parse("headline")),
        ..Filter::default()
    };
    let mut list = HeadlineList::new_capped(&store, filter.clone(), 100, 20).expect("list");
    assert_eq!((list.count, list.capped), (100, true));
    list.uncap(&store).expect("count");
    assert_eq!((list.count, list.capped), (300, false));
    let mut few = HeadlineList::new_capped(&store, filter, 1000, 20).expect("list");
    few.finish_count(&store).expect("count");
    assert_eq!((few.count, few.capped), (300, false));
}

/// 30 articles with "yen" in the headline, 50 with it in the body only.
fn yen_store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let articles: Vec<Article> = (0..80)
        .map(|i| {
            let headline = if i < 30 { "Yen Story" } else { "Markets Story" };
            let mut a = Article::new(format!("{headline} {i:02}"), None);
            a.body.push("The yen moved.".into());
            a
        })
        .collect();
    store.import(&articles).expect("import");
    store
}

#[test]
fn body_matches_are_counted_later_when_headline_matches_fill_the_screen() {
    let store = yen_store();
    let filter = Filter {
        query: Some(crate::search::Query::parse("yen")),
        ..Filter::default()
    };
    let mut list = HeadlineList::new_capped(&store, filter.clone(), 1000, 20).expect("list");
    assert_eq!((list.count, list.capped, list.counting), (30, true, true));
    list.settle(&store, 20).expect("settle");
    assert!(list.visible(20).all(|(_, h)| h.headline.starts_with("Yen")));
    assert!(list.counting);
    list.finish_count(&store).expect("count");
    assert_eq!((list.count, list.capped, list.counting), (80, false, false));

    // scrolled to the last headline match, the rest is counted then
    let mut list = HeadlineList::new_capped(&store, filter.clone(), 1000, 20).expect("list");
    list.select(29);
    list.settle(&store, 20).expect("settle");
    assert_eq!((list.count, list.counting), (80, false));
    list.move_by(1);
    list.settle(&store, 20).expect("settle");
    assert!(
        list.selected_headline()
            .is_some_and(|h| h.headline.starts_with("Markets"))
    );

    // headline matches that do not fill the screen: counted at once
    let list = HeadlineList::new_capped(&store, filter, 1000, 40).expect("list");
    assert_eq!((list.count, list.capped, list.counting), (80, false, false));
}

#[test]
fn an_empty_list_is_calm() {
    let store = store(0);
    let mut list = HeadlineList::new(&store, Filter::default()).expect("list");
    list.move_by(3);
    list.settle(&store, 10).expect("settle");
    assert_eq!((list.selected, list.offset, list.count), (0, 0, 0));
    assert!(list.selected_headline().is_none());
}

#[test]
fn many_body_matches_under_a_few_headline_matches_are_ranked_when_idle() {
    let mut store = yen_store();
    let filter = Filter {
        query: Some(crate::search::Query::parse("yen")),
        ..Filter::default()
    };
    // 30 headline matches do not fill 40 rows; 80 matches pass the cap of 40
    let mut list = HeadlineList::new_capped(&store, filter.clone(), 40, 40).expect("list");
    assert!(list.waiting_for_body && list.counting && list.capped);
    assert_eq!(list.count, 30);
    // the keystroke's frame: the headline matches alone, the rest not ranked
    list.settle(&store, 40).expect("settle");
    assert_eq!(list.visible(40).count(), 30);
    assert!(list.visible(40).all(|(_, h)| h.headline.starts_with("Yen")));
    assert!(
        list.waiting_for_body,
        "settling does not rank the body tier"
    );
    // a key waiting cuts the count short: still searching, done later
    cut_short_by_a_key(&mut store, &mut list);
    assert!(list.waiting_for_body && list.counting);
    // idle: counted up to the cap, and the screen fills with body matches
    list.finish_count(&store).expect("count");
    list.settle(&store, 40).expect("settle");
    assert!(!list.waiting_for_body);
    assert_eq!((list.count, list.capped), (40, true));
    let shown: Vec<_> = list.visible(40).map(|(_, h)| h.headline.clone()).collect();
    assert_eq!(shown.len(), 40);
    assert!(shown[..30].iter().all(|h| h.starts_with("Yen")));
    assert!(shown[30..].iter().all(|h| h.starts_with("Markets")));

    // fewer matches than the cap are ranked at once, as before
    let list = HeadlineList::new_capped(&store, filter, 1000, 40).expect("list");
    assert!(!list.waiting_for_body);
    assert_eq!(list.count, 80);
}

/// The best match for "tokyo" first (its headline is the shortest), then
/// nineteen longer headlines imported after it.
fn tokyo_store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let mut articles = vec![Article::new("Tokyo".into(), None)];
    articles.extend((1..20).map(|i| {
        Article::new(
            format!("Tokyo rail line {i} reopens after a long winter of repairs"),
            None,
        )
    }));
    for article in &mut articles {
        article.body.push("Body.".into());
    }
    store.import(&articles).expect("import");
    store
}

/// "tokyo" being typed, counted up to `cap`, on a screen of three rows.
fn tokyo_search(store: &Store, cap: usize) -> HeadlineList {
    let filter = Filter {
        query: Some(crate::search::Query::parse_typing("tokyo")),
        ..Filter::default()
    };
    let mut list = HeadlineList::new_capped(store, filter, cap, 3).expect("list");
    list.settle(store, 3).expect("settle");
    list
}

fn headlines_shown(list: &HeadlineList) -> Vec<String> {
    list.visible(3).map(|(_, h)| h.headline.clone()).collect()
}

#[test]
fn more_headline_matches_than_the_cap_are_ranked_among_the_newest_until_idle() {
    let store = tokyo_store();
    let mut list = tokyo_search(&store, 5);
    assert!(list.ranked_from.is_some(), "20 matches, a cap of 5");
    let preview = headlines_shown(&list);
    assert_eq!(preview.len(), 3);
    for headline in &preview {
        let number: usize = headline.split(' ').nth(3).expect("n").parse().expect("n");
        assert!(number >= 15, "{headline} is not among the newest five");
    }
    list.finish_ranking(&store).expect("ranked");
    assert_eq!(list.ranked_from, None);
    assert_eq!(
        headlines_shown(&list)[0],
        "Tokyo",
        "the best match, ranked in full"
    );
}

#[test]
fn the_full_ranking_keeps_a_moved_selection_on_its_article() {
    let store = tokyo_store();
    let mut list = tokyo_search(&store, 5);
    list.move_by(2);
    list.settle(&store, 3).expect("settle");
    let chosen = list.selected_headline().expect("selected").headline.clone();
    list.finish_ranking(&store).expect("ranked");
    list.settle(&store, 3).expect("settle");
    assert_eq!(list.get(0).expect("top").headline, "Tokyo");
    assert_eq!(list.selected, 3, "the article moved down a row");
    assert_eq!(list.selected_headline().expect("selected").headline, chosen);
    assert!(headlines_shown(&list).contains(&chosen), "still on screen");
}

#[test]
fn a_key_cuts_the_full_ranking_short_and_the_preview_stays() {
    let mut store = tokyo_store();
    let mut list = tokyo_search(&store, 5);
    let preview = headlines_shown(&list);
    let key = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    store
        .cancel_reads_when(std::sync::Arc::clone(&key))
        .expect("handler");
    {
        let _cancellable = store.cancellable();
        let error = list.finish_ranking(&store).expect_err("cut short");
        assert!(error.is_cancelled());
    }
    assert!(list.ranked_from.is_some(), "left to do when idle again");
    assert_eq!(headlines_shown(&list), preview);
}

#[test]
fn no_more_headline_matches_than_the_cap_are_ranked_in_full_at_once() {
    let store = tokyo_store();
    let list = tokyo_search(&store, 20);
    assert_eq!(list.ranked_from, None);
    assert_eq!(headlines_shown(&list)[0], "Tokyo");
}
