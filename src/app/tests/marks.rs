//! Read and saved marks: toggled, counted, filtered on, kept across a
//! restart, and only for the session in a store kiji may not write.

use super::*;

#[test]
fn m_toggles_read_and_the_counts_follow() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('m'));
    assert!(app.list.selected_headline().expect("row").read);
    assert_eq!(app.unread, 26);
    assert_eq!(app.list_unread, Some(26));
    press(&mut app, KeyCode::Char('m'));
    assert!(!app.list.selected_headline().expect("row").read);
    assert_eq!(app.unread, 27);
}

#[test]
fn shift_m_asks_first_then_marks_the_view_read() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']')); // Business
    press_with(&mut app, KeyCode::Char('M'), KeyModifiers::SHIFT);
    assert_eq!(app.popup, Some(Popup::ConfirmMarkRead { count: 4 }));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.popup, None);
    assert_eq!(app.list_unread, Some(4));
    press_with(&mut app, KeyCode::Char('M'), KeyModifiers::SHIFT);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.list_unread, Some(0));
    assert_eq!(app.unread, 23);
    assert!(app.list.visible(10).all(|(_, h)| h.read));
    let business = app
        .sections
        .iter()
        .find(|s| s.name == "Business")
        .expect("section");
    assert_eq!(business.unread, 0);
}

#[test]
fn u_shows_only_unread_and_dot_opens_the_next_unread() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Enter); // reads the first
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('u'));
    assert!(app.list.filter.unread_only);
    assert_eq!(app.list.count, 26);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.list.count, 27);

    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(
        app.list.selected, 1,
        "the first is read: the second is next"
    );
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.clone()),
        Some(selected_headline(&app))
    );
}

#[test]
fn b_saves_and_the_saved_tab_lists_saved_articles() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('b'));
    let saved = selected_headline(&app);
    assert_eq!(app.saved, 1);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.filter_name(), "Saved");
    assert_eq!(headlines_shown(&app), [saved]);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.saved, 0);
    assert_eq!(app.list.count, 0);
}

#[test]
fn reading_state_survives_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let mut store = Store::open(&path).expect("store");
    store.import(&crate::load::samples()).expect("samples");
    let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('b'));
    drop(app);
    let app = App::new(
        Store::open(&path).expect("reopen"),
        Rect::new(0, 0, 160, 48),
        clock,
    )
    .expect("app");
    assert_eq!((app.unread, app.saved), (26, 1));
}

#[test]
fn a_read_only_store_is_read_with_marks_kept_for_the_session_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    {
        let mut store = Store::open(&path).expect("store");
        store.import(&crate::load::samples()).expect("samples");
    }
    let before = std::fs::read(&path).expect("bytes");
    let names = || {
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .map(|e| e.expect("e").file_name())
            .collect();
        names.sort();
        names
    };
    let names_before = names();
    {
        let store = Store::open_read_only(&path).expect("read-only");
        let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
        press(&mut app, KeyCode::Enter);
        assert!(app.reading.is_some(), "articles open");
        assert!(
            app.list.selected_headline().is_some_and(|h| h.read),
            "marked, for now"
        );
        assert_eq!(app.unread, 26);
        press(&mut app, KeyCode::Char('m'));
        assert!(
            app.notice
                .as_deref()
                .is_some_and(|n| n.contains("the store is read-only: marks last until kiji quits")),
            "{:?}",
            app.notice
        );
        press(&mut app, KeyCode::Char('b'));
        assert_eq!(
            app.notice.as_deref(),
            Some("The store is read-only: nothing can be saved")
        );
    }
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        before,
        "never written"
    );
    assert_eq!(names(), names_before, "nothing made beside it");
}
