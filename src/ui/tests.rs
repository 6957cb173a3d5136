//! The view on a TestBackend: exact widgets, whole screens as snapshots, and
//! every size without a panic.

use chrono::{DateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::*;
use crate::action::Action;
use crate::app::App;
use crate::article::{Article, Block, Photo};
use crate::store::Store;

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 4, 15, 0, 0, 0)
        .single()
        .expect("valid")
}

fn app_with(articles: &[Article], width: u16, height: u16) -> App {
    let mut store = Store::open_in_memory().expect("store");
    store.import(articles).expect("import");
    App::new(store, Rect::new(0, 0, width, height), clock).expect("app")
}

fn sample_app(width: u16, height: u16) -> App {
    app_with(&crate::load::samples(), width, height)
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| render(app, frame)).expect("draws");
    terminal.backend().buffer().clone()
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let buffer = draw(app, width, height);
    (0..height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(crate::text::width(symbol))
                    .unwrap_or(1)
                    .max(1);
            }
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opens the seed article (the one the project was made from).
fn open_seed(app: &mut App) {
    while app
        .list
        .selected_headline()
        .is_some_and(|h| !h.headline.starts_with("Japan, Italy"))
    {
        app.update(Action::Down);
    }
    app.update(Action::Open);
}

#[test]
fn wide_screen_with_the_seed_open() {
    let mut app = sample_app(160, 48);
    open_seed(&mut app);
    insta::assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn medium_screen_three_panes() {
    let mut app = sample_app(100, 30);
    open_seed(&mut app);
    app.update(Action::Down);
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn narrow_screen_two_panes() {
    let mut app = sample_app(60, 20);
    open_seed(&mut app);
    insta::assert_snapshot!(screen(&app, 60, 20));
}

#[test]
fn smallest_screen_one_pane() {
    let app = sample_app(30, 8);
    insta::assert_snapshot!(screen(&app, 30, 8));
}

#[test]
fn too_small_screen() {
    let app = sample_app(20, 5);
    insta::assert_snapshot!(screen(&app, 20, 5));
}

#[test]
fn help_popup_lists_every_binding() {
    let mut app = sample_app(100, 60);
    app.update(Action::Help);
    let text = screen(&app, 100, 60);
    for binding in crate::keys::BINDINGS {
        for word in binding.help.split_whitespace() {
            assert!(text.contains(word), "{word} of {} missing", binding.help);
        }
    }
    insta::assert_snapshot!(text);
}

#[test]
fn a_narrow_help_popup_wraps_descriptions_rather_than_cutting_them() {
    let mut app = sample_app(40, 80);
    app.update(Action::Help);
    let text = screen(&app, 40, 80);
    let popup: Vec<&str> = text.lines().filter(|l| l.starts_with('┃')).collect();
    assert!(popup.len() > 60, "{text}");
    assert!(popup.iter().all(|line| !line.contains('…')), "{text}");
    assert!(text.contains("back to the article"), "{text}");
}

#[test]
fn help_popup_scrolls_on_a_small_screen() {
    let mut app = sample_app(100, 30);
    app.update(Action::Help);
    let last = crate::keys::BINDINGS.last().expect("bindings").help;
    assert!(!screen(&app, 100, 30).contains(last));
    app.update(Action::Bottom);
    assert!(screen(&app, 100, 30).contains(last));
}

#[test]
fn section_picker() {
    let mut app = sample_app(60, 20);
    app.update(Action::PickSection);
    app.update(Action::Down);
    insta::assert_snapshot!(screen(&app, 60, 20));
}

#[test]
fn a_headline_row_is_cut_by_display_columns_with_an_ellipsis() {
    let mut article = Article::new("東京で桜が開花 Cherry Blossoms Open Early".into(), None);
    article.body.push("Body.".into());
    let app = app_with(&[article], 30, 8);
    let buffer = draw(&app, 30, 8);
    let mut expected = Buffer::with_lines(["┃›●    東京で桜が開花 Cherry…┃"]);
    expected.area = Rect::new(0, 2, 30, 1);
    let row: String = (0..30)
        .map(|x| buffer[(x, 2)].symbol().to_owned())
        .collect();
    let want: String = (0..30)
        .map(|x| expected[(x, 2)].symbol().to_owned())
        .collect();
    assert_eq!(row, want);
}

#[test]
fn the_selected_row_is_visible_without_colour() {
    let app = sample_app(60, 20);
    let buffer = draw(&app, 60, 20);
    let inner = crate::layout::inner(app.areas().list);
    let cell = &buffer[(inner.x + 12, inner.y)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert_eq!(buffer[(inner.x, inner.y)].symbol(), "›");
}

#[test]
fn every_size_up_to_200_by_60_renders_without_panic() {
    let mut app = sample_app(80, 24);
    open_seed(&mut app);
    for width in 0..=200 {
        for height in 0..=60 {
            app.update(Action::Resize(width, height));
            let _ = draw(&app, width, height);
        }
    }
}

#[test]
fn popups_render_at_every_small_size() {
    let mut app = sample_app(80, 24);
    for popup in [Action::Help, Action::PickSection] {
        app.update(popup);
        for width in 0..=70 {
            for height in 0..=24 {
                app.update(Action::Resize(width, height));
                let _ = draw(&app, width, height);
            }
        }
        app.update(Action::Back);
    }
}

/// A photo with a credit and a caption.
fn photo(credit: &str, caption: &str) -> Block {
    Block::Photo(Photo {
        credit: Some(credit.to_owned()),
        caption: caption.to_owned(),
    })
}

#[test]
fn hostile_text_in_the_store_never_reaches_a_cell() {
    let evil = "A\u{1b}]0;title\u{7}B\u{1b}[2J\u{9b}31mC\u{202e}D\u{7}\u{1b}]52;c;AAAA\u{1b}\\E";
    let mut article = Article::new(format!("Head {evil}"), None);
    article.section = Some(format!("Sec {evil}"));
    article.body = vec![photo(&format!("Credit {evil}"), &format!("Caption {evil}"))];
    article.body.extend(vec![format!("Body {evil}").into(); 3]);
    article.popular = vec![format!("Pop {evil}").into()];
    article.access_ranking = vec![format!("Rank {evil}").into()];
    let mut app = app_with(&[article], 160, 48);
    app.update(Action::Open);
    for (width, height) in [(160, 48), (60, 20), (30, 8)] {
        app.update(Action::Resize(width, height));
        let buffer = draw(&app, width, height);
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(crate::sanitize::is_unsafe),
                "{:?}",
                cell.symbol()
            );
        }
        let text = screen(&app, width, height);
        assert!(text.contains("ABCDE"), "{text}");
    }
}

mod properties;

#[test]
fn no_color_draws_no_colour_and_still_shows_the_selection() {
    use ratatui::style::{Color, Modifier};
    let mut app = sample_app(120, 30).with_theme(crate::config::ThemeName::NoColor);
    app.update(Action::Search);
    app.update(Action::Input('y'));
    app.update(Action::Input('e'));
    app.update(Action::Input('n'));
    app.update(Action::Open);
    app.update(Action::Open);
    let buffer = draw(&app, 120, 30);
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    // the selected headline and the search match stand out by attributes
    let inner = crate::layout::inner(app.areas().list);
    assert!(
        buffer[(inner.x + 12, inner.y)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    assert!(
        buffer
            .content()
            .iter()
            .any(|cell| cell.modifier.contains(Modifier::UNDERLINED))
    );
}

#[test]
fn the_light_theme_draws_every_screen() {
    let mut app = sample_app(100, 30).with_theme(crate::config::ThemeName::Light);
    app.update(Action::Open);
    let text = screen(&app, 100, 30);
    assert!(text.contains("Manga Museum"), "{text}");
}

#[test]
fn the_help_screen_shows_the_bindings_in_force() {
    let mut keymap = crate::keys::Keymap::default();
    keymap
        .remap("quit", &["x".into(), "ctrl-q".into()])
        .expect("remap");
    let mut app = sample_app(100, 60).with_keymap(keymap);
    app.update(Action::Help);
    let text = screen(&app, 100, 60);
    assert!(text.contains(" x ^q "), "{text}");
    assert!(!text.contains(" q ^c "), "{text}");
}

#[test]
fn search_results_show_why_they_matched_under_each_headline() {
    let mut app = sample_app(160, 30);
    app.update(Action::Search);
    for c in "billions".chars() {
        app.update(Action::Input(c));
    }
    let text = screen(&app, 160, 30);
    let rows: Vec<&str> = text.lines().collect();
    let at = rows
        .iter()
        .position(|row| row.contains("Regional Banks Merge"))
        .expect("the match");
    assert!(rows[at + 1].contains("billions of yen"), "{text}");
    // the matched word is highlighted
    let buffer = draw(&app, 160, 30);
    let y = u16::try_from(at + 1).expect("a row");
    let highlighted: String = (0..160)
        .filter(|&x| {
            buffer[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::UNDERLINED)
        })
        .map(|x| buffer[(x, y)].symbol().to_owned())
        .collect();
    assert_eq!(highlighted.to_lowercase(), "billions");
}

#[test]
fn saved_articles_are_starred_and_old_dates_show_their_year() {
    let mut app = sample_app(160, 48);
    app.update(Action::ToggleSaved);
    let text = screen(&app, 160, 48);
    assert!(
        text.contains("│›●★ Apr 12") || text.contains("┃›●★ Apr 12"),
        "{text}"
    );
    assert!(text.contains("Dec 27 2023  Wagashi"), "{text}");
}

#[test]
fn marking_a_view_read_asks_about_what_it_covers() {
    let mut app = sample_app(160, 48);
    app.update(Action::Search);
    for c in "yen".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Open);
    app.update(Action::MarkAllRead);
    let text = screen(&app, 160, 48);
    assert!(
        text.contains("Mark 2 unread articles in search \"yen\" read?"),
        "{text}"
    );
}

#[test]
fn the_status_line_shows_the_selected_sidebar_item_in_full() {
    let mut app = sample_app(160, 48);
    app.update(Action::FocusPrevious);
    let entry = app.sidebar.selected_entry().expect("an item").clone();
    let text = screen(&app, 160, 48);
    let status = text.lines().last().expect("a status line");
    assert!(status.contains(&entry.title), "{status}");
}

#[test]
fn tabs_out_of_sight_are_marked_and_the_current_one_stays_in_view() {
    for width in [60, 80, 100] {
        let mut app = sample_app(width, 24);
        app.update(Action::PreviousSection);
        assert_eq!(app.filter_name(), "World");
        let text = screen(&app, width, 24);
        let top = text.lines().next().expect("a top bar");
        assert!(
            top.contains("‹") && top.contains("World (3/3)"),
            "{width}: {top}"
        );
        assert!(!top.contains("All ("), "{width}: {top}");
        app.update(Action::NextSection);
        let text = screen(&app, width, 24);
        let top = text.lines().next().expect("a top bar");
        assert!(top.contains("All (") && top.contains('›'), "{width}: {top}");
        assert!(!top.contains('‹'), "{width}: {top}");
    }
}

#[test]
fn the_sidebar_shows_the_open_pages_lists_in_japanese_at_every_width() {
    let mut article = Article::new("東京で桜が開花".into(), None);
    article.section = Some("社会".into());
    article.body.push("気象庁は開花を発表した。".into());
    article.popular = vec!["大阪で初雪".into(), "京都の紅葉が見頃".into()];
    article.access_ranking = vec!["円安が進む".into()];
    for width in [100, 130, 160] {
        let mut app = app_with(std::slice::from_ref(&article), width, 30);
        app.update(Action::Open);
        let text = screen(&app, width, 30);
        for want in [
            "Popular · 社会",
            " 1. 大阪で初雪",
            " 2. 京都の紅葉が見頃",
            " 1. 円安が進む",
        ] {
            assert!(text.contains(want), "{width}: {want}\n{text}");
        }
    }
}
