//! Finding the headline before the lines are read in order, so that
//! nothing a site or a tool puts above an article becomes its headline.

use super::Classified;
use crate::parse::line::Line;

/// Where the headline is among classified lines: a Markdown first-level
/// heading; else the first line of the block that leads to the dateline —
/// the lines just before it, back to the last notice, menu, breadcrumb or
/// list — skipping a caption a credit introduces; else, with no dateline,
/// the first line of text that is none of those.
pub fn find_headline(lines: &[Classified<'_>]) -> Option<usize> {
    if let Some(at) = lines
        .iter()
        .position(|l| l.heading == Some(1) && matches!(l.class, Line::Text(_)))
    {
        return Some(at);
    }
    let boundary = |l: &Classified<'_>| {
        l.bullet
            || matches!(
                l.class,
                Line::Navigation
                    | Line::Breadcrumb(_)
                    | Line::ListHeader(_)
                    | Line::Dash
                    | Line::DashItem(_)
                    | Line::ImageFile
            )
            || (matches!(l.class, Line::Furniture) && l.text.len() > 40)
    };
    let dateline = lines
        .iter()
        .position(|l| matches!(l.class, Line::Dateline(_)));
    let start = match dateline {
        Some(at) => lines[..at].iter().rposition(boundary).map_or(0, |b| b + 1),
        None => 0,
    };
    let end = dateline.unwrap_or(lines.len());
    let found = first_text(lines, start, end, dateline.is_none(), boundary);
    // nothing before the dateline: a headline just under it
    found.or_else(|| {
        let at = dateline? + 1;
        let next = lines.get(at)?;
        let headline_like = matches!(next.class, Line::Text(_))
            && !next.bullet
            && next.text.len() <= 150
            && !next.text.ends_with(['.', '。']);
        headline_like.then_some(at)
    })
}

/// The first line of text in `lines[start..end]` that is not a caption a
/// credit introduces.
fn first_text(
    lines: &[Classified<'_>],
    start: usize,
    end: usize,
    undated: bool,
    boundary: impl Fn(&Classified<'_>) -> bool,
) -> Option<usize> {
    let mut after_credit = false;
    for (index, line) in lines.iter().enumerate().take(end).skip(start) {
        match line.class {
            Line::Text(_) if !line.bullet && !after_credit => return Some(index),
            Line::Credit => after_credit = true,
            Line::Text(_) => after_credit = false,
            _ => {}
        }
        if undated && boundary(line) {
            after_credit = false;
        }
    }
    None
}
