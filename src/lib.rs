//! kiji: a terminal news reader for news article pages — from the web and
//! its feeds, or saved as HTML or text.
//!
//! Data flows one way: dump text ([`parse`]), HTML ([`html`]) or a feed
//! ([`feed`]), fetched by [`fetch`] through [`web`] → [`article`] →
//! [`store`] → [`app`] state → [`ui`] view → terminal. [`commands`] and
//! [`reader`] are the edges: the command line's commands, and the terminal
//! runtime.

pub mod action;
pub mod app;
pub mod article;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dirs;
pub mod export;
pub mod feed;
pub mod fetch;
pub mod html;
pub mod keys;
pub mod layout;
pub mod load;
pub mod logging;
pub mod parse;
pub mod reader;
pub mod sanitize;
pub mod search;
pub mod store;
pub mod text;
pub mod time;
pub mod ui;
pub mod watch;
pub mod web;
