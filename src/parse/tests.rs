//! One test per layout rule and per variation real dumps show.

use super::*;
use crate::article::{Block, Photo};

const SEED: &str = include_str!("../../sample_data/000_6c6944616e88b9e8.txt");

fn parse(text: &str) -> Article {
    match parse_str(text) {
        Ok(parsed) => parsed.article,
        Err(error) => panic!("expected an article, got {error}"),
    }
}

fn error(text: &str) -> ParseError {
    match parse_str(text) {
        Ok(parsed) => panic!("expected an error, got {:?}", parsed.article),
        Err(error) => error,
    }
}

/// The text of an article's body: paragraphs and subheads, without photos.
fn text(article: &Article) -> Vec<&str> {
    article.paragraphs().collect()
}

/// A minimal well-formed dump to vary.
const BASIC: &str = "Yen Slides Past 150\n\nTraders watch the board in Tokyo.\n9:05 JST, March 4, 2024\nThe yen fell.\nExporters cheered.\n\"Business\" POPULAR ARTICLE\n-\nStocks Rise\nJN ACCESS RANKING\n-\nRain Due\n";

#[test]
fn the_seed_parses_field_by_field() {
    let article = parse(SEED);
    assert_eq!(
        article.headline,
        "Japan, Italy Agree on Security Cooperation; Meloni Takes Up G7 Baton From Kishida"
    );
    assert_eq!(
        article.caption(),
        Some(
            "Prime Minister Fumio Kishida, right, and Italian Prime Minister Giorgia Meloni shake hands after a joint press conference at the Prime Minister’s Office on Monday."
        )
    );
    assert_eq!(
        article.published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2024-02-06T12:48:00+09:00")
    );
    assert_eq!(
        article.dateline.as_deref(),
        Some("12:48 JST, February 6, 2024")
    );
    assert_eq!(article.section.as_deref(), Some("Politics"));
    assert_eq!(text(&article).len(), 7);
    assert!(
        text(&article)[0].starts_with("Prime Minister Fumio Kishida and his Italian counterpart")
    );
    assert!(text(&article)[6].ends_with("the situation in the Middle East."));
    assert_eq!(article.popular.len(), 5);
    assert_eq!(
        article.popular[0],
        "Japan to Charge Foreigners More for Residence Permits, Looking to Align with Western Countries"
    );
    assert_eq!(
        article.popular[4],
        "Chinese, Russian Bombers Flew Unusual Path by Heading Toward Tokyo; Move Likely Meant to Intimidate Japan"
    );
    assert_eq!(
        article.access_ranking,
        [
            "Japan’s Hopes for Seafood Exports Shot Down in China Spat",
            "Keidanren Chairman Yoshinobu Tsutsui Visits Kashiwazaki-Kariwa Nuclear Power Plant; Inspects New Emergency Safety System",
            "Japan to Charge Foreigners More for Residence Permits, Looking to Align with Western Countries",
            "Japan Exports Rise in October as Slump in U.S. Sales Eases",
            "Govt Aims to Expand NISA Program Lineup, Abolish Age Restriction",
        ]
    );
    assert_eq!(article.id.len(), 16);
    assert_eq!(article.source, None);
}

#[test]
fn the_seed_parses_without_warnings() {
    let parsed = parse_str(SEED).expect("seed parses");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn crlf_line_ends_give_the_same_article() {
    assert_eq!(parse(&SEED.replace('\n', "\r\n")), parse(SEED));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    assert_eq!(parse(&format!("\u{feff}{SEED}")), parse(SEED));
    let parsed = parse_bytes(format!("\u{feff}{SEED}").as_bytes()).expect("parses");
    assert_eq!(parsed.article, parse(SEED));
}

#[test]
fn blank_lines_anywhere_and_whitespace_around_lines() {
    let spaced: String = BASIC
        .lines()
        .map(|line| format!("\n   {line}\t \n"))
        .collect();
    assert_eq!(parse(&spaced), parse(BASIC));
}

#[test]
fn no_caption() {
    let article = parse("Yen Slides\n9:05 JST, March 4, 2024\nThe yen fell.\n");
    assert_eq!(article.caption(), None);
    assert_eq!(text(&article), ["The yen fell."]);
}

#[test]
fn no_lists() {
    let article = parse("Yen Slides\n9:05 JST, March 4, 2024\nThe yen fell.\n");
    assert!(article.popular.is_empty() && article.access_ranking.is_empty());
    assert_eq!(article.section, None);
}

#[test]
fn only_the_access_ranking() {
    let article = parse(
        "Yen Slides\n9:05 JST, March 4, 2024\nThe yen fell.\nJN ACCESS RANKING\n-\nRain Due\n",
    );
    assert!(article.popular.is_empty());
    assert_eq!(article.access_ranking, ["Rain Due"]);
}

#[test]
fn section_names_with_spaces_and_ampersands() {
    let article = parse(&BASIC.replace("\"Business\"", "“Science & Nature”"));
    assert_eq!(article.section.as_deref(), Some("Science & Nature"));
}

#[test]
fn a_lone_dash_inside_the_body_is_not_a_list() {
    let article =
        parse("Yen Slides\n9:05 JST, March 4, 2024\nThe yen fell.\n-\nExporters cheered.\n");
    assert_eq!(text(&article), ["The yen fell.", "Exporters cheered."]);
    assert!(article.popular.is_empty());
}

#[test]
fn very_long_lines_and_articles() {
    let long_line = "word ".repeat(200_000);
    let many: String = (0..3000).map(|i| format!("Paragraph {i}.\n")).collect();
    let article = parse(&format!(
        "Big\n9:05 JST, March 4, 2024\n{long_line}\n{many}"
    ));
    assert_eq!(text(&article).len(), 3001);
    assert_eq!(text(&article)[0].len(), long_line.trim().len());
}

#[test]
fn cjk_and_emoji_are_kept_as_written() {
    let article =
        parse("東京で桜が開花 🌸\n\n9:05 JST, March 4, 2024\n気象庁は4日、開花を発表した。\n");
    assert_eq!(article.headline, "東京で桜が開花 🌸");
    assert_eq!(text(&article), ["気象庁は4日、開花を発表した。"]);
}

#[test]
fn bytes_that_are_not_utf8_are_decoded_with_a_warning() {
    let mut bytes = b"Yen Slides\n9:05 JST, March 4, 2024\nThe yen ".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b" fell.\n");
    let parsed = parse_bytes(&bytes).expect("still an article");
    assert_eq!(text(&parsed.article), ["The yen \u{fffd}\u{fffd} fell."]);
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].line, Some(3));
    assert!(parsed.warnings[0].message.contains("UTF-8"));
}

#[test]
fn controls_escapes_and_bidi_overrides_are_stripped_tabs_become_spaces() {
    let article = parse(
        "Yen\u{1b}[31m Slides\u{1b}]0;owned\u{7}\n9:05 JST, March 4, 2024\nThe\tyen \u{202e}fell\u{9b}2J.\u{1b}]52;c;AAAA\u{1b}\\\n",
    );
    assert_eq!(article.headline, "Yen Slides");
    assert_eq!(text(&article), ["The yen fell."]);
}

#[test]
fn no_dateline_means_everything_after_the_headline_is_body() {
    let article = parse("Yen Slides\n\nThe yen fell.\nExporters cheered.\n");
    assert_eq!(article.published, None);
    assert_eq!(article.dateline, None);
    assert_eq!(article.caption(), None);
    assert_eq!(text(&article), ["The yen fell.", "Exporters cheered."]);
}

#[test]
fn empty_and_whitespace_only_files_are_rejected() {
    assert_eq!(error("").kind, ParseErrorKind::Empty);
    let blank = error(" \n\t\n  \r\n");
    assert_eq!((blank.line, blank.kind), (1, ParseErrorKind::Empty));
}

#[test]
fn binary_files_are_rejected_naming_the_line() {
    let error = parse_bytes(b"PNG\nIHDR\n\x00\x01\x02").expect_err("binary");
    assert_eq!((error.line, error.kind), (3, ParseErrorKind::Binary));
    let noise: Vec<u8> = (0..400u32).map(|i| (i * 37 % 256) as u8 | 0x80).collect();
    assert_eq!(
        parse_bytes(&noise).expect_err("noise").kind,
        ParseErrorKind::Binary
    );
}

#[test]
fn one_nul_in_a_good_article_is_dropped_with_a_warning_not_a_refusal() {
    let mut dump = std::fs::read("sample_data/000_6c6944616e88b9e8.txt").expect("sample");
    let at = dump.len() / 2;
    dump.insert(at, 0);
    let parsed = parse_bytes(&dump).expect("still an article");
    assert_eq!(
        parsed.warnings[0].message,
        "NUL bytes in the text were removed"
    );
    assert_eq!(
        parsed.warnings[0].line,
        Some(1 + memchr::memchr_iter(b'\n', &dump[..at]).count())
    );
    assert!(!parsed.article.paragraphs().any(|p| p.contains('\0')));
    // UTF-16 text is half NULs: binary to a reader of UTF-8
    let utf16: Vec<u8> = "Headline\nText of it.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        parse_bytes(&utf16).expect_err("binary").kind,
        ParseErrorKind::Binary
    );
}

#[test]
fn oversized_dumps_are_refused() {
    let big = vec![b'a'; MAX_DUMP_BYTES + 1];
    assert!(matches!(
        parse_bytes(&big).expect_err("too large").kind,
        ParseErrorKind::TooLarge(_)
    ));
}

#[test]
fn navigation_before_the_headline_is_skipped_and_the_breadcrumb_names_the_section() {
    let article = parse(
        "Hot word : Ohtani, Yen\nHome>Sports>Baseball\n#World Baseball Classic\nSource: https://example.com/x\nSamurai Japan Win\n9:05 JST, March 4, 2024\nThey won.\n",
    );
    assert_eq!(article.headline, "Samurai Japan Win");
    assert_eq!(article.section.as_deref(), Some("Sports"));
}

#[test]
fn the_popular_header_outranks_the_breadcrumb_for_the_section() {
    let article = parse(&format!("Home>World\n{BASIC}"));
    assert_eq!(article.section.as_deref(), Some("Business"));
}

#[test]
fn photo_credits_are_neither_headline_nor_body_and_photo_blocks_stack() {
    let article = parse(
        "Samurai Japan Win\nThe team celebrates.\nYomiuri Shimbun photos / Taro Sato, Hana Ito\nFans in Tokyo\nKenji Mori / The Yomiuri Shimbun\nJiji Press\n9:05 JST, March 4, 2024\nThey won.\n",
    );
    assert_eq!(article.headline, "Samurai Japan Win");
    let captions: Vec<&str> = article.photos().map(|p| p.caption.as_str()).collect();
    assert_eq!(captions, ["The team celebrates.", "Fans in Tokyo"]);
    assert_eq!(text(&article), ["They won."]);
}

#[test]
fn a_credit_inside_the_body_introduces_a_caption_where_it_stands() {
    let article = parse("Win\n9:05 JST, March 4, 2024\nThey won.\nAP\nThe trophy\nFans cheered.\n");
    assert_eq!(text(&article), ["They won.", "Fans cheered."]);
    assert_eq!(
        article.body[1],
        Block::Photo(Photo {
            credit: Some("AP".into()),
            caption: "The trophy".into()
        })
    );
    assert_eq!(article.caption(), Some("The trophy"));
}

#[test]
fn date_alone_and_date_then_time_datelines() {
    let alone = parse("Win\nDecember 11, 2021\nThey won.\n");
    assert_eq!(
        alone.published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2021-12-11T00:00:00+09:00")
    );
    assert_eq!(alone.dateline.as_deref(), Some("December 11, 2021"));
    let at = parse("Win\nFebruary 6, 2024 at 12:48 JST\nThey won.\n");
    assert_eq!(
        at.published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2024-02-06T12:48:00+09:00")
    );
}

#[test]
fn one_line_list_items_other_headers_and_cut_off_lists() {
    let article = parse(
        "Win\n9:05 JST, March 4, 2024\nThey won.\nPopular articles in the past 24 hours\n- Yen Falls\n-\nRain Due\nJN TOP STORIES\n-\nNot Ours\nMost Read\n- Stocks Rise\n-\n",
    );
    assert_eq!(article.popular, ["Yen Falls", "Rain Due"]);
    assert_eq!(article.access_ranking, ["Stocks Rise"]);
    assert_eq!(text(&article), ["They won."]);
    assert_eq!(article.section, None);
}

#[test]
fn empty_list_headers() {
    let article = parse(
        "Win\n9:05 JST, March 4, 2024\nThey won.\n\"Sports\" POPULAR ARTICLE\nJN ACCESS RANKING\n",
    );
    assert_eq!(article.section.as_deref(), Some("Sports"));
    assert!(article.popular.is_empty() && article.access_ranking.is_empty());
}

#[test]
fn page_furniture_after_the_body_is_dropped() {
    let article = parse(
        "Win\n9:05 JST, March 4, 2024\nThey won.\nAdd TheJapanNews to your Google News feed.\nRelated Tags\n#Baseball\n#Tokyo\nLatest Articles\nSomething Else Happened\nSee all\n",
    );
    assert_eq!(text(&article), ["They won."]);
    assert!(article.popular.is_empty());
}

#[test]
fn paragraphs_by_single_or_blank_lines_and_headline_without_a_blank() {
    let single = parse("Win\n9:05 JST, March 4, 2024\nOne.\nTwo.\n");
    let blank = parse("Win\n\n9:05 JST, March 4, 2024\n\nOne.\n\nTwo.\n\n");
    assert_eq!(single, blank);
    assert_eq!(text(&single), ["One.", "Two."]);
}

#[test]
fn a_dump_starting_at_the_photo_credit_gets_a_stand_in_headline() {
    let parsed = parse_str(
        "The Yomiuri Shimbun\nA crowded platform.\n9:05 JST, March 4, 2024\nTrains stopped for an hour on Monday. Crowds grew.\n",
    )
    .expect("kept");
    assert_eq!(
        parsed.article.headline,
        "Trains stopped for an hour on Monday."
    );
    assert_eq!(parsed.article.caption(), Some("A crowded platform."));
    assert_eq!(parsed.warnings.len(), 1);
    assert!(parsed.warnings[0].message.contains("headline"));
}

#[test]
fn a_section_index_of_teasers_is_not_an_article() {
    let error = error(
        "Home>Politics\nPolitics\nA Bill Passes\n9:05 JST, March 4, 2024\nTalks Stall\n8:00 JST, March 4, 2024\nBudget Agreed\n7:00 JST, March 3, 2024\n",
    );
    assert_eq!(error.line, 8);
    assert!(matches!(error.kind, ParseErrorKind::NotAnArticle(_)));
}

#[test]
fn an_image_attachment_page_is_not_an_article() {
    let error = error(
        "Home>Politics\nLeaders Meet\n20240206-OYT1I50045-1.jpg\nThe two leaders shake hands.\nNew contents\n- Yen Falls\n- Rain Due\n",
    );
    assert_eq!(error.line, 3);
    assert_eq!(
        error.kind,
        ParseErrorKind::NotAnArticle("an image attachment page")
    );
}

#[test]
fn a_headline_alone_is_not_an_article() {
    assert!(matches!(
        error("Just A Headline\n").kind,
        ParseErrorKind::NotAnArticle(_)
    ));
}

#[test]
fn the_dump_writer_round_trips_the_seed() {
    let article = parse(SEED);
    assert_eq!(parse(&article.to_dump()), article);
}
