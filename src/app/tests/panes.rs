//! The panes at any size: the sidebar docked, floated or hidden, a resize
//! keeping what is selected, narrow terminals, and the mouse.

use super::*;

#[test]
fn p_hides_the_docked_sidebar_or_floats_it_on_narrow_terminals() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('p'));
    assert!(app.areas().sidebar.is_empty());
    press(&mut app, KeyCode::Char('p'));
    assert!(!app.areas().sidebar.is_empty());

    let mut app = sample_app(80, 24);
    assert!(app.areas().sidebar.is_empty());
    press(&mut app, KeyCode::Char('p'));
    assert!(app.areas().sidebar_floats);
    assert_eq!(app.focus, Pane::Sidebar);
    press(&mut app, KeyCode::Esc);
    assert!(app.areas().sidebar.is_empty());
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn the_article_selection_and_filter_survive_a_resize() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    let headline = app.reading.as_ref().map(|r| r.article.headline.clone());
    let width = app.reading.as_ref().map(|r| r.width);
    for (w, h) in [(60, 20), (30, 8), (20, 5), (0, 0), (100, 30), (160, 48)] {
        app.update(Action::Resize(w, h));
        assert_eq!(
            app.reading.as_ref().map(|r| r.article.headline.clone()),
            headline
        );
        assert_eq!(app.filter_name(), "Business");
        assert_eq!(app.list.selected, 1);
    }
    assert_eq!(app.reading.as_ref().map(|r| r.width), width);
    app.update(Action::Resize(60, 20));
    assert_ne!(
        app.reading.as_ref().map(|r| r.width),
        width,
        "wrapped again"
    );
}

#[test]
fn narrow_terminals_show_the_article_full_width_and_escape_returns_to_the_list() {
    let mut app = sample_app(50, 16);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.areas().panes(), [Pane::Reader]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.areas().panes(), [Pane::List]);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Reader, "Tab goes back to the open article");
}

#[test]
fn mouse_clicks_select_focus_and_filter_and_the_wheel_scrolls() {
    let mut app = sample_app(120, 16);
    let list = crate::layout::inner(app.areas().list);
    app.update(Action::Click(list.x + 5, list.y + 3));
    assert_eq!(app.list.selected, 3);
    assert!(app.reading.is_none());
    app.update(Action::Click(list.x + 5, list.y + 3));
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.clone()),
        Some(selected_headline(&app))
    );

    let reader = app.areas().reader;
    app.update(Action::Wheel(reader.x + 3, reader.y + 3, false));
    assert_eq!(app.reading.as_ref().map(|r| r.scroll), Some(3));
    app.update(Action::Wheel(list.x + 3, list.y + 3, false));
    assert_eq!(app.list.selected, 6);

    let widths = app.tab_widths();
    let (_, strip) = layout::tab_bar(app.areas().tabs);
    let tabs = layout::tab_strip(&widths, app.tab_index(), strip).tabs;
    let (_, x, _) = tabs[3];
    app.update(Action::Click(x + 1, 0));
    assert_eq!(app.filter_name(), "Culture");

    let sidebar = app.areas().sidebar;
    app.update(Action::Click(sidebar.x + 2, sidebar.y + 3));
    assert_eq!(app.focus, Pane::Sidebar);
    assert_eq!(app.sidebar.selected, 1);
}
