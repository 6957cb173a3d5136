//! Articles written out for reading elsewhere: Markdown.

use std::fmt::Write as _;

use crate::article::{Article, Block};

/// An article as Markdown: the headline as a heading, section and dateline,
/// the caption quoted, the paragraphs, then the page's lists. Text that
/// Markdown would read as markup is escaped.
pub fn markdown(article: &Article) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&article.headline));
    let meta: Vec<String> = [&article.section, &article.dateline]
        .into_iter()
        .flatten()
        .map(|part| escape(part))
        .collect();
    if !meta.is_empty() {
        let _ = writeln!(out, "*{}*\n", meta.join(" · "));
    }
    for block in &article.body {
        match block {
            Block::Paragraph { text } => {
                let _ = writeln!(out, "{}\n", escape(text));
            }
            Block::Subhead { text } => {
                let _ = writeln!(out, "## {}\n", escape(text));
            }
            Block::Photo(photo) => {
                if let Some(credit) = &photo.credit {
                    let _ = writeln!(out, "> *{}*  ", escape(credit));
                }
                let _ = writeln!(out, "> {}\n", escape(&photo.caption));
            }
        }
    }
    for (title, items) in [
        ("Popular", &article.popular),
        ("Access Ranking", &article.access_ranking),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{title}**\n");
        for (number, item) in items.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", number + 1, escape(&item.title));
        }
        out.push('\n');
    }
    out
}

/// Article text as Markdown shows it as written: cleaned like every
/// output, on one line, with a backslash (CommonMark's escape) before each
/// character that could be read as markup — emphasis, code and fences,
/// links, raw HTML, entities, tables and strikethrough anywhere; a
/// heading, quote, list or rule marker, or an ordered list's number, at
/// the start — and nothing else, so that the source stays readable.
fn escape(text: &str) -> String {
    let text = crate::sanitize::clean(text);
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    // a run of digits at the start, then `.` or `)`, is a list item
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    for (at, c) in text.char_indices() {
        let anywhere = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '#'
        );
        let first = at == 0 && matches!(c, '+' | '-' | '=');
        let numbered = at == digits && digits > 0 && matches!(c, '.' | ')');
        if anywhere || first || numbered {
            out.push('\\');
        }
        out.push(if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Photo;

    #[test]
    fn markdown_has_the_headline_meta_caption_body_and_lists() {
        let mut article = Article::new("Yen *Slides*".into(), None);
        article.section = Some("Business".into());
        article.dateline = Some("9:05 JST, March 4, 2024".into());
        article.body = vec![
            Block::Photo(Photo {
                credit: None,
                caption: "Traders watch".into(),
            }),
            "The yen fell.".into(),
            "# not a heading".into(),
        ];
        article.popular = vec!["Stocks Rise".into()];
        let md = markdown(&article);
        assert!(md.starts_with(
            "# Yen \\*Slides\\*\n\n*Business · 9:05 JST, March 4, 2024*\n\n> Traders watch\n"
        ));
        assert!(md.contains("The yen fell.\n\n\\# not a heading\n"));
        assert!(md.contains("**Popular**\n\n1. Stocks Rise\n"));
    }
}
