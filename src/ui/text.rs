//! Fitting untrusted text into columns: cleaned of anything a terminal
//! would act on, and cut at a display width with an ellipsis.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

use crate::sanitize::clean;

/// `text`, cleaned, in at most `width` display columns; cut text ends in `…`.
/// Wide characters (CJK, emoji) count as two columns.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    let text = clean(text);
    if unicode_width::UnicodeWidthStr::width(text.as_ref()) <= width {
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

/// Display columns of a string.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
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
}
