//! Searching as you type in the prompt: what each key shows, what Escape
//! and Enter leave, and what a newer key cuts short.

use super::*;

#[test]
fn slash_searches_as_you_type_and_enter_keeps_the_results() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.key_context(), Context::Prompt);
    type_text(&mut app, "ye");
    assert_eq!(app.prompt.as_deref(), Some("ye"));
    // two letters are taken as a whole word until the third is typed
    assert_eq!(app.list.count, 0);
    press(&mut app, KeyCode::Char('n'));
    // a headline hit ranks above a body-only one
    assert_eq!(
        headlines_shown(&app),
        [
            "Yen Slides to New Low Against Dollar as Interest Rate Gap Persists",
            "Regional Banks Merge Back Offices in Bid to Cut Costs"
        ]
    );
    assert_eq!(
        crate::ui::describe_status(&app),
        "search \"yen\" · 2 matches"
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.prompt.as_deref(), Some("ye"));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.prompt, None);
    assert_eq!(app.key_context(), Context::Main);
    assert_eq!(app.list.count, 2);
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn escape_in_the_prompt_restores_the_list_and_selection() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let before = selected_headline(&app);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "snow");
    assert_eq!(app.list.count, 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.prompt, None);
    assert_eq!(app.list.count, 27);
    assert_eq!(selected_headline(&app), before);

    // after Enter, Esc in the list clears the kept search the same way
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "snow");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.list.count, 27);
    assert_eq!(selected_headline(&app), before);
}

#[test]
fn search_combines_with_the_section_filter() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tokyo");
    press(&mut app, KeyCode::Enter);
    let everywhere = app.list.count;
    press(&mut app, KeyCode::Char('s'));
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter_name(), "Society");
    assert!(app.list.count < everywhere && app.list.count > 0);
    assert!(app.list.filter.query.is_some());
}

#[test]
fn a_burst_of_keys_searches_for_the_last_one() {
    let mut app = sample_app(160, 48);
    let keys = "/snow"
        .chars()
        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    app.update_with(keys, |keymap, context, key| keymap.action_for(key, context));
    assert_eq!(app.prompt.as_deref(), Some("snow"));
    assert_eq!(
        headlines_shown(&app),
        ["Schools in Hokkaido Close as Heavy Snow Blankets Region"]
    );
}

#[test]
fn deleting_back_shows_the_earlier_search_with_what_an_import_added() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let mut store = Store::open(&path).expect("store");
    store.import(&crate::load::samples()).expect("samples");
    let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "snow");
    let snow = headlines_shown(&app);
    assert_eq!(snow.len(), 1);
    type_text(&mut app, "x");
    assert_eq!(app.list.count, 0);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(headlines_shown(&app), snow);
    assert_eq!(
        crate::ui::describe_status(&app),
        "search \"snow\" · 1 match"
    );

    // another kiji imports a snow story while "snowx" is typed: deleting
    // back searches again instead of showing the list from before
    type_text(&mut app, "x");
    let text = "Snow Closes Mountain Roads\n10:00 JST, April 14, 2024\nRoads closed.\n";
    let new_story = crate::parse::parse_str(text).expect("parses").article;
    Store::open(&path)
        .expect("second connection")
        .import([&new_story])
        .expect("import");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.list.count, 2);
    assert!(headlines_shown(&app).contains(&"Snow Closes Mountain Roads".to_owned()));
}

#[test]
fn a_search_cut_short_by_a_newer_key_runs_again_for_it() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut store = Store::open_in_memory().expect("store");
    store.import(&crate::load::samples()).expect("samples");
    // enough matches that ranking them takes a while
    let reports: Vec<_> = (0..400)
        .map(|i| {
            let text = format!("Snow Report {i}\n9:00 JST, January 9, 2024\nMore snow.\n");
            crate::parse::parse_str(&text).expect("parses").article
        })
        .collect();
    store.import(&reports).expect("reports");
    let key_waiting = Arc::new(AtomicBool::new(false));
    store
        .cancel_reads_when(Arc::clone(&key_waiting))
        .expect("handler");
    let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
    press(&mut app, KeyCode::Char('/'));
    key_waiting.store(true, Ordering::Relaxed);
    type_text(&mut app, "snow");
    // the prompt took the keys at once; the search gave way, quietly
    assert_eq!(app.prompt.as_deref(), Some("snow"));
    assert_eq!(app.notice, None);
    let searched = app.list.filter.query.as_ref().map(|q| q.text.clone());
    assert_ne!(searched.as_deref(), Some("snow"));
    // the newer key has been taken: the search runs for what is typed
    key_waiting.store(false, Ordering::Relaxed);
    app.update(Action::Resize(160, 48));
    assert_eq!(app.list.count, 401);
    assert!(headlines_shown(&app).iter().all(|h| h.contains("Snow")));
    // outside the prompt nothing is cut short
    press(&mut app, KeyCode::Enter);
    key_waiting.store(true, Ordering::Relaxed);
    press(&mut app, KeyCode::Enter);
    assert!(app.reading.is_some());
}

#[test]
fn matches_are_highlighted_and_n_steps_through_them() {
    let mut app = sample_app(60, 12);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "yen");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let reading = app.reading.as_ref().expect("open");
    let hits: Vec<usize> = reading
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.matches.is_empty())
        .map(|(i, _)| i)
        .collect();
    assert!(hits.len() >= 2, "{hits:?}");
    let first = &reading.lines[hits[0]];
    assert_eq!(&first.text[first.matches[0].clone()], "Yen");
    let last = *hits.last().expect("hits");
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n'));
    let scroll = app.reading.as_ref().map_or(0, |r| r.scroll);
    assert!(scroll > 0 && scroll <= last, "{scroll} vs {last}");
    press_with(&mut app, KeyCode::Char('N'), KeyModifiers::SHIFT);
    assert!(app.reading.as_ref().map_or(0, |r| r.scroll) < scroll);
}
