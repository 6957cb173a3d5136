//! Whatever the text and the size, every screen draws, and nothing a
//! terminal acts on reaches a cell.

use proptest::prelude::*;

use super::*;

/// Text mixing words with every kind of thing a terminal acts on.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Yen ".to_owned()),
        Just("東京 ".to_owned()),
        Just("🎌".to_owned()),
        Just("\u{1b}]0;title\u{7}".to_owned()),
        Just("\u{1b}]52;c;AAAA\u{1b}\\".to_owned()),
        Just("\u{1b}]8;;http://x\u{1b}\\".to_owned()),
        Just("\u{1b}P1$r\u{1b}\\".to_owned()),
        Just("\u{1b}_apc\u{1b}\\".to_owned()),
        Just("\u{1b}[2J\u{1b}[?1049l".to_owned()),
        Just("\u{9b}31m\u{9d}0;t\u{9c}".to_owned()),
        Just("\u{202e}\u{2066}".to_owned()),
        Just("\u{1b}".to_owned()),
        prop::char::range('\u{0}', '\u{a0}').prop_map(String::from),
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 1..12).prop_map(|pieces| pieces.concat())
}

fn hostile_article() -> impl Strategy<Value = Article> {
    (
        hostile_text(),
        prop::collection::vec(hostile_text(), 1..6),
        hostile_text(),
        hostile_text(),
    )
        .prop_map(|(headline, body, section, item)| {
            let mut article = Article::new(headline, None);
            article.section = Some(section);
            article.body = vec![photo(&item, &item)];
            article.body.extend(body.into_iter().map(Block::from));
            article.popular = vec![item.clone().into()];
            article.access_ranking = vec![item.into()];
            article
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_cell_ever_holds_a_control_character(
        articles in prop::collection::vec(hostile_article(), 1..4),
        width in 0u16..160,
        height in 0u16..50,
        open in any::<bool>(),
    ) {
        let mut app = app_with(&articles, width, height);
        if open {
            app.update(Action::Open);
        }
        let buffer = draw(&app, width, height);
        for cell in buffer.content() {
            prop_assert!(
                !cell.symbol().chars().any(crate::sanitize::is_unsafe),
                "{:?}",
                cell.symbol()
            );
        }
    }

    #[test]
    fn random_resizes_and_keys_never_panic(
        steps in prop::collection::vec(
            prop_oneof![
                (0u16..220, 0u16..70).prop_map(|(w, h)| Action::Resize(w, h)),
                prop::sample::select(vec![
                    Action::Down, Action::Up, Action::PageDown, Action::Bottom, Action::Top,
                    Action::Open, Action::Back, Action::FocusNext, Action::NextSection,
                    Action::ToggleSidebar, Action::Help, Action::PickSection, Action::Search,
                    Action::Input('y'), Action::NextMatch, Action::ToggleRead,
                    Action::ToggleSaved, Action::NextUnread, Action::MarkAllRead,
                    Action::Confirm,
                ]),
            ],
            1..40,
        ),
    ) {
        let mut app = sample_app(80, 24);
        let mut size = (80, 24);
        for step in steps {
            if let Action::Resize(w, h) = step {
                size = (w, h);
            }
            app.update(step);
            let _ = draw(&app, size.0, size.1);
        }
    }
}
