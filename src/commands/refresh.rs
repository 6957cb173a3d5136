//! `kiji refresh`, and the addresses `kiji import` and `kiji parse` are
//! given: what comes from the web, with a progress bar on a terminal and
//! each failure a line naming the address.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use super::report;
use crate::article::Article;
use crate::fetch::Fetcher;
use crate::store::Store;
use crate::web::{Event, fetch_article, is_web_address};

/// Fetches every followed feed and the pages of its new items; says what
/// came in one line. Fails when a feed or page did.
pub fn refresh(store: &mut Store, fetcher: &Fetcher, out: &mut impl Write) -> Result<bool> {
    if store.feeds()?.is_empty() {
        writeln!(out, "no feeds followed; kiji follow URL follows one")?;
        return Ok(true);
    }
    let progress = progress_bar();
    let never = AtomicBool::new(false);
    let parsers = crate::web::parsers(false);
    let summary = crate::web::refresh(store, fetcher, parsers, &never, &mut |event| match event {
        Event::Progress { done, total } => {
            progress.set_length(*total as u64);
            progress.set_position(*done as u64);
        }
        Event::Failed(line) => progress.suspend(|| report(line)),
        Event::Landed(_) => {}
    })?;
    progress.finish_and_clear();
    writeln!(out, "{}", crate::sanitize::clean(&summary.to_string()))?;
    Ok(summary.failures.is_empty())
}

fn progress_bar() -> ProgressBar {
    if !super::stderr_is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} feeds and pages") {
        bar.set_style(style);
    }
    bar
}

/// The pages at the web addresses among command-line paths, as articles,
/// each failure reported, with how many failed; and the paths that are
/// files.
pub fn fetch_addresses(
    paths: &[PathBuf],
    fetcher: &Fetcher,
) -> ((Vec<Article>, usize), Vec<PathBuf>) {
    let (urls, files): (Vec<&PathBuf>, Vec<&PathBuf>) = paths
        .iter()
        .partition(|path| is_web_address(&path.to_string_lossy()));
    let mut articles = Vec::new();
    let mut failed = 0;
    for url in urls {
        match fetch_article(fetcher, &url.to_string_lossy()) {
            Ok(article) => articles.push(article),
            Err(error) => {
                failed += 1;
                report(&error.to_string());
            }
        }
    }
    ((articles, failed), files.into_iter().cloned().collect())
}
