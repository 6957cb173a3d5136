//! Untrusted text laid out in terminal columns: cleaned of anything a
//! terminal would act on, measured in display columns (wide CJK and emoji
//! characters count two), cut with an ellipsis, and wrapped. Every width
//! kiji measures is measured here.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::sanitize::clean;

/// Display columns of a string.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text`, cleaned, in at most `width` display columns; cut text ends in `…`.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    let text = clean(text);
    if self::width(text.as_ref()) <= width {
        return text;
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// `1 article`, `3 articles`: a count with its noun in agreement.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The lines of a paragraph wrapped to `width` columns, as byte ranges of
/// `text`. Lines are filled as far as they go (first fit), as print does:
/// the optimal fit evens lines out and leaves narrow columns ragged.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let options =
        textwrap::Options::new(width.max(1)).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut cursor = 0;
    let mut lines = Vec::new();
    for line in textwrap::wrap(text, options) {
        let start = text[cursor..]
            .find(line.as_ref())
            .map_or(cursor, |at| cursor + at);
        let end = (start + line.len()).min(text.len());
        cursor = end;
        lines.push(start..end);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_untouched() {
        assert_eq!(fit("Yen", 5), "Yen");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis_by_columns() {
        assert_eq!(fit("Yen Slides", 6), "Yen S…");
        assert_eq!(fit("東京で桜が開花", 7), "東京で…");
        assert_eq!(width(&fit("東京で桜が開花", 6)), 5);
        assert_eq!(fit("anything", 0), "");
        assert_eq!(fit("anything", 1), "…");
    }

    #[test]
    fn controls_never_survive() {
        assert_eq!(fit("a\u{1b}[31mb", 10), "ab");
    }

    #[test]
    fn wrapped_lines_are_ranges_of_the_text_within_the_width() {
        let text = "The yen weakened to its lowest level in decades";
        let lines = wrap(text, 12);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(
                width(&text[line.clone()]) <= 12,
                "{:?}",
                &text[line.clone()]
            );
        }
        assert_eq!(&text[lines[0].clone()], "The yen");
    }
}
