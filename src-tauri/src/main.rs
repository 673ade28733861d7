//! The `claimdesk` binary: the desktop window without a subcommand, the
//! command line with one. Both drive the same core (`claimdesk-core`).

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod cli;
#[cfg(feature = "desktop")]
mod desktop;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match cli::Args::parse() {
        Ok(args) => args,
        Err(exit) => return exit,
    };
    let data_dir = args.data_dir();
    match args.command {
        Some(command) => cli::run(&data_dir, command),
        None => open_window(&data_dir),
    }
}

#[cfg(feature = "desktop")]
fn open_window(data_dir: &std::path::Path) -> ExitCode {
    desktop::run(data_dir)
}

#[cfg(not(feature = "desktop"))]
fn open_window(_: &std::path::Path) -> ExitCode {
    eprintln!("claimdesk: this build has no window (built without the `desktop` feature); see `claimdesk --help`");
    cli::EXIT_USER_ERROR
}
