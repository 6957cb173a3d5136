//! Properties of the parser: it never panics, and what the dump writer
//! writes parses back to the same article.

use kiji::article::{Article, Block, ListItem, Photo};
use kiji::parse::{parse_bytes, parse_dateline, parse_str};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "yen", "rail", "budget", "snow", "Tokyo", "market", "school", "rice", "museum", "harbor",
    "festival", "council", "energy", "bridge", "farmers", "record", "東京", "桜", "🎌", "café",
];

fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), range).prop_map(|words| {
        let mut text = words.join(" ");
        if let Some(first) = text.get(..1) {
            let upper = first.to_uppercase();
            text.replace_range(..1, &upper);
        }
        text
    })
}

fn headline() -> impl Strategy<Value = String> {
    words(2..9).prop_map(|words| format!("Report {words}"))
}

fn sentence() -> impl Strategy<Value = String> {
    words(3..20).prop_map(|words| format!("The {words}."))
}

fn dateline() -> impl Strategy<Value = String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    (
        0..3usize,
        0..24u32,
        0..60u32,
        0..12usize,
        1..29u32,
        2000..2030u32,
    )
        .prop_map(|(form, hour, minute, month, day, year)| {
            let month = MONTHS[month];
            match form {
                0 => format!("{hour}:{minute:02} JST, {month} {day}, {year}"),
                1 => format!("{month} {day}, {year}"),
                _ => format!("{month} {day}, {year} at {hour:02}:{minute:02} JST"),
            }
        })
}

fn article() -> impl Strategy<Value = Article> {
    (
        headline(),
        prop::option::of((
            dateline(),
            prop::option::of(prop::collection::vec(sentence(), 1..3)),
        )),
        prop::option::of(prop::sample::select(
            &["Politics", "Science & Nature", "Sports"][..],
        )),
        prop::collection::vec(sentence(), 1..8),
        prop::collection::vec(headline(), 0..5),
        prop::collection::vec(headline(), 0..5),
    )
        .prop_map(
            |(headline, dated, section, body, popular, access_ranking)| {
                let published = dated.as_ref().and_then(|(line, _)| parse_dateline(line));
                let mut article = Article::new(headline, published);
                if let Some((line, captions)) = dated {
                    article.dateline = Some(line);
                    article
                        .body
                        .extend(captions.into_iter().flatten().map(|caption| {
                            Block::Photo(Photo {
                                credit: None,
                                caption,
                            })
                        }));
                }
                article.section = section.map(str::to_owned);
                article.body.extend(body.into_iter().map(Block::from));
                article.popular = popular.into_iter().map(ListItem::from).collect();
                article.access_ranking = access_ranking.into_iter().map(ListItem::from).collect();
                article
            },
        )
}

/// Lines that mean something to the classifier, and hostile ones.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("-".to_owned()),
        Just(String::new()),
        Just("\"Politics\" POPULAR ARTICLE".to_owned()),
        Just("JN ACCESS RANKING".to_owned()),
        Just("The Yomiuri Shimbun".to_owned()),
        Just("Home>Sports>Baseball".to_owned()),
        Just("Related Tags".to_owned()),
        Just("\u{1b}]0;x\u{7}\u{1b}[2J\u{9b}\u{202e}".to_owned()),
        dateline(),
        sentence(),
        headline().prop_map(|h| format!("- {h}")),
        ".*",
    ]
}

/// What sites and text tools put around an article: notices, buttons,
/// image placeholders, share buttons, aggregator lines, mastheads, footers.
fn furniture() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Please disable the ad blocking feature.",
        "To use this website, please disable the ad blocking feature on your browser and reload the page.",
        "We use cookies to improve your experience on our website. By clicking \"Accept all\" you agree to the use of cookies.",
        "Accept all Reject all",
        "(BUTTON) Accept all (BUTTON) Reject all",
        "____________________ (BUTTON) Search",
        "IFRAME: https://www.youtube.com/embed/aBcDeFgHiJk",
        "[img]",
        "[20241013-OYT1I50041-1]",
        "logo",
        "THE JAPAN NEWS",
        "Post",
        "Share",
        "Read more",
        "Yomiuri Shimbun3 hours ago",
        "The Japan News · 5 minutes ago",
        "Add TheJapanNews to your Google News feed.",
        "Copyright The Yomiuri Shimbun",
        "Terms of Use",
        "(C) The Yomiuri Shimbun.",
    ])
    .prop_map(str::to_owned)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn furniture_before_inside_or_after_the_body_changes_nothing(
        article in article(),
        pieces in prop::collection::vec((furniture(), 0usize..3, any::<usize>()), 1..6),
    ) {
        let dump = article.to_dump();
        let mut lines: Vec<String> = dump.lines().map(str::to_owned).collect();
        let paragraphs: Vec<&str> = article.paragraphs().collect();
        for (piece, place, at) in pieces {
            let body: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, line)| paragraphs.contains(&line.as_str()))
                .map(|(index, _)| index)
                .collect();
            let index = match place {
                0 => 0,
                1 => body[at % body.len()],
                _ => lines.len(),
            };
            lines.insert(index, piece);
        }
        let parsed = parse_str(&lines.join("\n")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parsed.article, article);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = parse_bytes(&bytes);
    }

    #[test]
    fn never_panics_on_lines_that_mean_something(lines in prop::collection::vec(fragment(), 0..40), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        if let Ok(parsed) = parse_str(&text) {
            let article = parsed.article;
            prop_assert!(!article.body.is_empty());
            let fields = [article.headline.as_str()]
                .into_iter()
                .chain(article.body.iter().map(Block::words))
                .chain(article.photos().filter_map(|p| p.credit.as_deref()))
                .chain(article.popular.iter().map(|i| i.title.as_str()))
                .chain(article.access_ranking.iter().map(|i| i.title.as_str()));
            for field in fields {
                prop_assert!(!field.chars().any(kiji::sanitize::is_unsafe), "{field:?}");
            }
        }
    }

    #[test]
    fn a_written_article_parses_back_the_same(article in article()) {
        let parsed = parse_str(&article.to_dump()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parsed.article, article);
    }
}
