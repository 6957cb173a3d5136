//! Reading the web from the command line — `kiji import URL`, `follow`,
//! `feeds`, `unfollow`, `refresh` — against a server of the tests' own on
//! 127.0.0.1 serving pages and feeds written for the tests.

#[allow(dead_code)]
#[path = "../support/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use server::{Route, Server};
use tempfile::TempDir;

mod feeds;
mod pages;

/// A store and a configuration with short fetch limits, in a folder of
/// their own.
struct Home {
    _dir: TempDir,
    store: PathBuf,
    config: PathBuf,
}

impl Home {
    fn new() -> Self {
        let dir = TempDir::new().expect("tempdir");
        let config = dir.path().join("config.toml");
        std::fs::write(
            &config,
            "[fetch]\ntimeout_seconds = 2\npause_ms = 0\nretries = 1\n",
        )
        .expect("config");
        Self {
            store: dir.path().join("kiji.db"),
            config,
            _dir: dir,
        }
    }

    fn kiji(&self) -> Command {
        let mut command = Command::cargo_bin("kiji").expect("binary builds");
        command
            .env_remove("KIJI_STORE")
            .env_remove("KIJI_CONFIG")
            .arg("--store")
            .arg(&self.store)
            .arg("--config")
            .arg(&self.config);
        command
    }

    /// Runs kiji and gives its exit code, standard output and error.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let output = self.kiji().args(args).output().expect("runs");
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    fn list(&self) -> Vec<serde_json::Value> {
        let (code, out, err) = self.run(&["list", "--json"]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).expect("json")
    }
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new("tests/fixtures").join(path)).expect("fixture")
}

/// A fixture with `{base}` made the server's address.
fn templated(server: &Server, path: &str) -> Vec<u8> {
    String::from_utf8(fixture(path))
        .expect("utf-8")
        .replace("{base}", &server.url(""))
        .into_bytes()
}

const RAIL: &str = "/politics/politics-government/20241013-215577/";
const DIET: &str = "/politics/politics-government/20241012-215402/";

/// A Japan News–like site: a section feed, one article page, one item
/// whose page is gone.
fn japan_news() -> Server {
    let server = Server::start();
    server.route(RAIL, Route::html(fixture("pages/jn-rail-subsidies.html")));
    let feed = templated(&server, "feeds/jn-politics.rss");
    server.route(
        "/politics/feed/",
        Route::typed(feed, "application/rss+xml; charset=UTF-8", Some("\"jn-1\"")),
    );
    server
}
