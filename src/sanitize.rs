//! Untrusted text → text that is safe to put on a terminal.
//!
//! Article text comes from the web. Before it is stored, and again before it
//! is drawn, every C0/C1 control character, every escape sequence (CSI, OSC,
//! DCS, APC, PM, SOS and the two-byte forms) and every bidi override is
//! removed. Tabs and in-line breaks become single spaces.

pub mod json;

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

/// True for a character that must never reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{feff}'
            // format characters a terminal and a width table disagree on,
            // drawn as nothing by one and a column by the other: the soft
            // hyphen, Arabic and Syriac marks, Egyptian hieroglyph format
            // controls and the interlinear annotation marks
            | '\u{ad}'
            | '\u{605}'
            | '\u{70f}'
            | '\u{890}'
            | '\u{891}'
            | '\u{8e2}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{fff9}'..='\u{fffb}'
            // Hangul fillers: blank letters a table counts as nothing and
            // a terminal as one or two columns
            | '\u{3164}'
            | '\u{ffa0}'
    )
}

/// Removes controls, escape sequences and bidi overrides from one line of text.
///
/// Borrows when the text is already clean, which is the common case, so the
/// view can call it on every visible line without allocating.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !has_unsafe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `text` holds any character [`is_unsafe`] is true for, looking at
/// bytes: every such character is a C0 byte, DEL, or a multi-byte sequence
/// starting with 0xC2 (C1, the soft hyphen), 0xE2 (line separators, bidi),
/// 0xEF (U+FEFF, annotation marks, a filler), 0xE3 (a filler), 0xD8 or
/// 0xDC (Arabic and Syriac marks), 0xE0 (U+0890…) or 0xF0 (Egyptian format
/// controls), so plain
/// text is passed over at byte speed.
fn has_unsafe(text: &str) -> bool {
    let bytes = text.as_bytes();
    // no early exit, so the compiler can check many bytes at a time
    let control = bytes.iter().fold(0u8, |found, &byte| {
        found | u8::from(byte < 0x20) | u8::from(byte == 0x7f)
    }) != 0;
    let unsafe_at = |index: usize| text[index..].chars().next().is_some_and(is_unsafe);
    control
        || memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).any(unsafe_at)
        || memchr::memchr3_iter(0xd8, 0xdc, 0xe0, bytes).any(unsafe_at)
        || memchr::memchr2_iter(0xe3, 0xf0, bytes).any(unsafe_at)
}

/// Skips what follows an ESC: the rest of a CSI, a control string, or the
/// one or two characters of a short escape.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            skip_string(chars);
        }
        Some(' '..='/') => {
            // intermediates, then one final character (ESC ( B and the like)
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        Some('0'..='~') => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Peekable<Chars<'_>>) {
    while chars
        .next_if(|c| matches!(c, '0'..='?' | ' '..='/'))
        .is_some()
    {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Skips an OSC/DCS/APC/PM/SOS body up to its terminator (BEL, ESC \ or ST);
/// an unterminated one runs to the end of the line, as a terminal would take it.
fn skip_string(chars: &mut Peekable<Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let text = "Kishida’s “Office” 東京 🎌";
        assert!(matches!(clean(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn strips_csi_colour_and_cursor_moves() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m\u{1b}[2J b"), "ared b");
    }

    #[test]
    fn strips_osc_title_clipboard_and_links() {
        assert_eq!(clean("x\u{1b}]0;pwned\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]52;c;ZXZpbA==\u{1b}\\y"), "xy");
        assert_eq!(
            clean("\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "link"
        );
    }

    #[test]
    fn strips_dcs_apc_and_c1_forms() {
        assert_eq!(clean("a\u{1b}P1$r\u{1b}\\b\u{1b}_apc\u{1b}\\c"), "abc");
        assert_eq!(clean("a\u{9b}31mb\u{9d}0;t\u{9c}c\u{85}"), "abc");
    }

    #[test]
    fn unterminated_string_runs_to_end_of_line() {
        assert_eq!(clean("before\u{1b}]0;never ends"), "before");
    }

    #[test]
    fn short_escapes_and_charset_designations_are_dropped() {
        assert_eq!(clean("a\u{1b}cb\u{1b}(Bc\u{1b}7d"), "abcd");
    }

    #[test]
    fn bidi_overrides_and_controls_go_tabs_become_spaces() {
        assert_eq!(clean("a\u{202e}b\u{2066}c\u{7}d\u{7f}e"), "abcde");
        assert_eq!(clean("a\tb"), "a b");
    }

    #[test]
    fn the_byte_scan_finds_every_unsafe_character() {
        for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
            let text = format!("ab{c}cd");
            assert_eq!(has_unsafe(&text), is_unsafe(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_lone_escape_at_the_end_is_dropped() {
        assert_eq!(clean("end\u{1b}"), "end");
    }
}
