//! The status line: the view and its counts (or the search being typed), a
//! notice when there is one, and key hints from the key table for the keys
//! that apply now.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::action::Action;
use crate::app::{App, Tab};
use crate::text::{fit, width};

/// What the list shows, in words: `Politics · 12 of 240 · 3 unread`, or
/// `search "yen" · 37 matches` during a search.
pub fn describe(app: &App) -> String {
    let list = &app.list;
    let mut text = match &list.filter.query {
        Some(query) => {
            let mut text = format!("search \"{}\" · {}", query.text, matches(app));
            if app.tab != Tab::All {
                text.push_str(&format!(" in {}", app.filter_name()));
            }
            text
        }
        None if app.tab == Tab::All && !list.filter.unread_only => {
            format!("All · {}", crate::text::count(list.count, "article"))
        }
        None => format!("{} · {} of {}", app.filter_name(), list.count, app.total),
    };
    if let Some(unread) = app.list_unread {
        text.push_str(&format!(" · {unread} unread"));
    }
    if list.filter.unread_only {
        text.push_str(" · unread only");
    }
    text
}

/// `37 matches`, `1 match`, or `1000+ matches` while a search is typed;
/// `3 in headlines, searching the text…` until the body matches are in.
fn matches(app: &App) -> String {
    if app.list.waiting_for_body {
        return format!("{} in headlines, searching the text…", app.list.count);
    }
    let plus = if app.list.capped { "+" } else { "" };
    let noun = if app.list.count == 1 && !app.list.capped {
        "match"
    } else {
        "matches"
    };
    format!("{}{plus} {noun}", app.list.count)
}

/// The work on the web under way: `fetching "Title"… Esc cancels`,
/// `refreshing 12/40`.
pub fn web_status(app: &App) -> Option<String> {
    let fetching = app
        .web
        .fetching
        .as_ref()
        .map(|f| format!("fetching \"{}\"… Esc cancels", f.title));
    let refreshing = app.web.refreshing.map(|(done, total)| match total {
        0 => "refreshing…".to_owned(),
        _ => format!("refreshing {done}/{total}"),
    });
    let parts: Vec<String> = fetching.into_iter().chain(refreshing).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The sidebar item selected, while the sidebar has the focus.
fn sidebar_item(app: &App) -> Option<&crate::store::ListEntry> {
    (app.focus == crate::layout::Pane::Sidebar && app.popup.is_none())
        .then(|| app.sidebar.selected_entry())
        .flatten()
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = super::theme::of(app.theme);
    let columns = usize::from(area.width);
    let mut spans = Vec::new();
    let mut used = 0;
    let mut push = |spans: &mut Vec<Span<'static>>, text: String, style| {
        let text = fit(&text, columns.saturating_sub(used)).into_owned();
        used += width(&text);
        spans.push(Span::styled(text, style));
    };
    // work under way first: the text after it may be cut
    if let Some(work) = web_status(app) {
        push(&mut spans, format!(" {work} ·"), theme.notice);
    }
    if let Some(typed) = &app.prompt {
        push(&mut spans, format!(" /{typed}"), theme.prompt);
        push(&mut spans, " ".into(), theme.selected);
        push(&mut spans, format!("  {}", matches(app)), theme.status);
    } else if let Some(entry) = sidebar_item(app) {
        // the sidebar is narrow: its selected item's title in full here
        let stored = if entry.article.is_some() {
            ""
        } else {
            " · not in the store"
        };
        push(
            &mut spans,
            format!(" › {}{stored}", entry.title),
            theme.status,
        );
    } else {
        push(&mut spans, format!(" {}", describe(app)), theme.status);
    }
    if let Some(notice) = &app.notice {
        push(&mut spans, format!(" · {notice}"), theme.notice);
    }
    // as many hints as fit: help first, then the key table's order
    let context = app.key_context();
    let here = app.keymap.bindings().filter(|(b, _)| b.context == context);
    let help = here.clone().filter(|(b, _)| b.action == Action::Help);
    let others = here.filter(|(b, _)| b.action != Action::Help);
    let mut hints = String::new();
    let hinted = help.chain(others).filter_map(|(b, keys)| {
        let key = keys.first()?;
        Some(format!("{} {}", crate::keys::key_name(*key), b.hint?))
    });
    for hint in hinted {
        if used + width(&hints) + width(&hint) + 4 > columns {
            break;
        }
        hints.push_str(&hint);
        hints.push_str("  ");
    }
    if !hints.is_empty() {
        let gap = columns.saturating_sub(used + width(&hints));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(hints, theme.hint));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
