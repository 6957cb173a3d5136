//! kiji's width of every character it lets through, against the C
//! library's `wcwidth` — what a terminal that asks the C library draws.
//! (vt100, which the end-to-end tests read screens with, uses the same
//! table as kiji and so could never disagree.)
#![allow(unsafe_code)] // the one call into the C library, here only

use std::ffi::{CStr, c_char, c_int};

unsafe extern "C" {
    fn setlocale(category: c_int, locale: *const c_char) -> *mut c_char;
    fn wcwidth(c: u32) -> c_int;
}

/// `LC_ALL` in glibc.
const LC_ALL: c_int = 6;

/// Assigned characters on which the two tables disagree, left as they are:
/// vowel signs and letters of Indic and other scripts and a few symbols
/// whose width changed between Unicode versions. Dropping them would
/// garble real text; each is a column's difference at most.
const KNOWN: &[(u32, u32)] = &[
    (0x9be, 0x9be),
    (0x9d7, 0x9d7),
    (0xb3e, 0xb3e),
    (0xb57, 0xb57),
    (0xbbe, 0xbbe),
    (0xbd7, 0xbd7),
    (0xcc0, 0xcc0),
    (0xcc2, 0xcc2),
    (0xcc7, 0xcc8),
    (0xcca, 0xccb),
    (0xcd5, 0xcd6),
    (0xd3e, 0xd3e),
    (0xd4e, 0xd4e),
    (0xd57, 0xd57),
    (0xdcf, 0xdcf),
    (0xddf, 0xddf),
    (0x1715, 0x1715),
    (0x1734, 0x1734),
    (0x17a4, 0x17a4),
    (0x17d8, 0x17d8),
    (0x1b35, 0x1b35),
    (0x1b3b, 0x1b3b),
    (0x1b3d, 0x1b3d),
    (0x1b43, 0x1b44),
    (0x1baa, 0x1baa),
    (0x1bf2, 0x1bf3),
    (0x2630, 0x2637),
    (0x268a, 0x268f),
    (0x2d7f, 0x2d7f),
    (0x302e, 0x302f),
    (0x3248, 0x324f),
    (0xa8fa, 0xa8fa),
    (0xa953, 0xa953),
    (0xa9c0, 0xa9c0),
    (0x111c0, 0x111c0),
    (0x111c2, 0x111c3),
    (0x11235, 0x11235),
    (0x1133e, 0x1133e),
    (0x1134d, 0x1134d),
    (0x11357, 0x11357),
    (0x114b0, 0x114b0),
    (0x114bd, 0x114bd),
    (0x115af, 0x115af),
    (0x116b6, 0x116b6),
    (0x1171e, 0x1171e),
    (0x11930, 0x11930),
    (0x1193d, 0x1193d),
    (0x1193f, 0x1193f),
    (0x11941, 0x11941),
    (0x11a84, 0x11a89),
    (0x11d46, 0x11d46),
    (0x16ff0, 0x16ff1),
    (0x1d165, 0x1d166),
    (0x1d16d, 0x1d172),
    (0x1d300, 0x1d356),
    (0x1d360, 0x1d376),
];

fn c_library_width(c: char) -> c_int {
    // SAFETY: wcwidth reads its argument and the locale's tables only
    unsafe { wcwidth(u32::from(c)) }
}

#[test]
fn every_character_kiji_lets_through_is_as_wide_as_the_c_library_says() {
    let utf8 = [c"C.UTF-8", c"en_US.UTF-8"]
        .iter()
        // SAFETY: a NUL-terminated locale name; the test runs alone in its
        // binary, so no other thread reads the locale meanwhile
        .any(|name: &&CStr| unsafe { !setlocale(LC_ALL, name.as_ptr()).is_null() });
    assert!(utf8, "this machine has no UTF-8 locale to ask wcwidth in");
    let mut disagree = Vec::new();
    let mut unknown = 0;
    for c in (0..=0x0010_ffff).filter_map(char::from_u32) {
        let shown = kiji::text::fit(&c.to_string(), 8).into_owned();
        if shown.is_empty() || shown == " " {
            continue; // dropped, or a tab or line break made a space
        }
        let theirs = c_library_width(c);
        if theirs < 0 {
            unknown += 1; // not a character this C library knows
            continue;
        }
        let ours = kiji::text::width(&shown);
        if ours != theirs as usize && !KNOWN.iter().any(|&(a, b)| (a..=b).contains(&u32::from(c))) {
            disagree.push(format!(
                "U+{:04X}: kiji {ours}, wcwidth {theirs}",
                u32::from(c)
            ));
        }
    }
    assert!(
        disagree.is_empty(),
        "{} disagree: {disagree:?}",
        disagree.len()
    );
    assert!(unknown < 0x0010_ffff, "wcwidth knew some characters");
    // the characters a terminal draws as nothing are not let through
    for c in [
        '\u{fff9}',
        '\u{fffa}',
        '\u{fffb}',
        '\u{ad}',
        '\u{13430}',
        '\u{3164}',
    ] {
        assert_eq!(
            kiji::text::fit(&format!("a{c}b"), 8),
            "ab",
            "U+{:04X}",
            u32::from(c)
        );
    }
}
