//! Opening a page in the web browser: `$BROWSER` when it is set (a
//! terminal browser gets the terminal while it runs), else the system's
//! way of opening an address. The address is one argument of the program
//! run, never passed through a shell.

use std::process::Command;

use anyhow::{Context, Result};

use super::terminal::Screen;

/// Opens `url`, with the terminal handed to `$BROWSER` while it runs.
/// Returns a line saying what happened.
pub fn open(screen: &mut Screen, url: &str) -> Result<String> {
    let Some((program, args)) = browser_command(std::env::var("BROWSER").ok().as_deref(), url)
    else {
        open::that_detached(url).context("opening the browser")?;
        return Ok(String::new());
    };
    let status = screen
        .suspended(|| Command::new(&program).args(&args).status())?
        .with_context(|| format!("running {program}"))?;
    Ok(if status.success() {
        String::new()
    } else {
        format!("{program} ended with {status}")
    })
}

/// The program `$BROWSER` names and its arguments: the first of its
/// colon-separated commands, split at spaces, with `%s` made the address
/// (or the address added last). `None` when it names none.
fn browser_command(browser: Option<&str>, url: &str) -> Option<(String, Vec<String>)> {
    let first = browser?.split(':').map(str::trim).find(|c| !c.is_empty())?;
    let mut words = first.split_whitespace().map(str::to_owned);
    let program = words.next()?;
    let mut args: Vec<String> = words.collect();
    if args.iter().any(|a| a.contains("%s")) {
        for arg in &mut args {
            *arg = arg.replace("%s", url);
        }
    } else {
        args.push(url.to_owned());
    }
    Some((program, args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_one_argument_never_a_shell_line() {
        let url = "https://example.com/a?b=1&c=$(rm -rf ~);x";
        assert_eq!(
            browser_command(Some("w3m"), url),
            Some(("w3m".into(), vec![url.to_owned()]))
        );
        assert_eq!(
            browser_command(Some("lynx -accept_all_cookies %s:firefox"), url),
            Some((
                "lynx".into(),
                vec!["-accept_all_cookies".into(), url.to_owned()]
            ))
        );
        assert_eq!(browser_command(Some(" : "), url), None);
        assert_eq!(browser_command(None, url), None);
    }
}
