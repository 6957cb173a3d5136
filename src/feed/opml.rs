//! Lists of followed feeds as OPML, the form every feed reader imports and
//! exports: read (folders flattened) and written.

use opml::{OPML, Outline};

use crate::html::absolute;

/// A followed feed as OPML holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    pub title: Option<String>,
    pub site: Option<String>,
}

/// Why a file is no OPML.
#[derive(Debug, thiserror::Error)]
#[error("not an OPML list of feeds: {0}")]
pub struct OpmlError(String);

/// The feeds an OPML file lists, in order, folders flattened; outlines
/// that are not feeds (no `xmlUrl`, or not http or https) are left out.
pub fn read(text: &str) -> Result<Vec<Subscription>, OpmlError> {
    let document = OPML::from_str(text)
        .map_err(|error| OpmlError(error.to_string().lines().next().unwrap_or("").to_owned()))?;
    let mut found = Vec::new();
    collect(&document.body.outlines, &mut found);
    Ok(found)
}

fn collect(outlines: &[Outline], found: &mut Vec<Subscription>) {
    for outline in outlines {
        let url = outline
            .xml_url
            .as_deref()
            .and_then(|url| absolute(None, url));
        if let Some(url) = url
            && !found.iter().any(|s: &Subscription| s.url == url)
        {
            let title = outline.title.as_deref().unwrap_or(&outline.text);
            let title = crate::sanitize::clean(&crate::html::squeeze(title)).into_owned();
            found.push(Subscription {
                url,
                title: (!title.is_empty()).then_some(title),
                site: outline
                    .html_url
                    .as_deref()
                    .and_then(|url| absolute(None, url)),
            });
        }
        collect(&outline.outlines, found);
    }
}

/// The feeds as an OPML document.
pub fn write(subscriptions: &[Subscription]) -> String {
    let mut document = OPML {
        head: Some(opml::Head {
            title: Some("Feeds followed in kiji".into()),
            ..opml::Head::default()
        }),
        ..OPML::default()
    };
    for subscription in subscriptions {
        let title = subscription.title.as_deref().unwrap_or(&subscription.url);
        document.body.outlines.push(Outline {
            text: title.to_owned(),
            title: Some(title.to_owned()),
            r#type: Some("rss".into()),
            xml_url: Some(subscription.url.clone()),
            html_url: subscription.site.clone(),
            ..Outline::default()
        });
    }
    document.to_string().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_flattened_and_non_feeds_left_out() {
        let found = read(
            r#"<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
            <outline text="News"><outline text="JN" type="rss" xmlUrl="https://japannews.yomiuri.co.jp/feed/" htmlUrl="https://japannews.yomiuri.co.jp/"/>
            <outline text="Local" xmlUrl="file:///etc/passwd"/></outline>
            <outline text="Just a link" htmlUrl="https://example.com/"/>
            <outline text="Harbor &#x1b;[31mDaily" xmlUrl="http://harbor.example/rss.xml"/>
            </body></opml>"#,
        )
        .expect("opml");
        assert_eq!(
            found,
            [
                Subscription {
                    url: "https://japannews.yomiuri.co.jp/feed/".into(),
                    title: Some("JN".into()),
                    site: Some("https://japannews.yomiuri.co.jp/".into()),
                },
                Subscription {
                    url: "http://harbor.example/rss.xml".into(),
                    title: Some("Harbor Daily".into()),
                    site: None,
                },
            ]
        );
    }

    #[test]
    fn what_is_written_reads_back() {
        let feeds = [Subscription {
            url: "https://japannews.yomiuri.co.jp/politics/feed/".into(),
            title: Some("Politics <& more>".into()),
            site: None,
        }];
        assert_eq!(read(&write(&feeds)).expect("opml"), feeds);
    }

    #[test]
    fn a_file_that_is_not_opml_says_so() {
        let error = read("<html><body>hi</body></html>").expect_err("not opml");
        assert!(
            error.to_string().starts_with("not an OPML list of feeds"),
            "{error}"
        );
    }
}
