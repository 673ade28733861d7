//! `claimdesk backup` and `claimdesk restore`: neither opens the desk first,
//! so a backup works while the app runs and a restore works when the
//! current database is what is broken.

use std::path::Path;
use std::process::ExitCode;

use super::progress::IndexBar;

pub fn backup(data_dir: &Path, file: &Path) -> anyhow::Result<ExitCode> {
    let info = claimdesk_core::backup(data_dir, file)?;
    println!(
        "Backed up {} articles, {} claims and {} sources to {} ({} bytes).",
        info.articles,
        info.claims,
        info.sources,
        file.display(),
        info.bytes
    );
    Ok(ExitCode::SUCCESS)
}

pub fn restore(data_dir: &Path, file: &Path) -> anyhow::Result<ExitCode> {
    let mut bar = IndexBar::new("Rebuilding the search index");
    let restored = claimdesk_core::restore(data_dir, file, &mut |p| bar.update(p))?;
    bar.finish();
    let info = &restored.backup;
    println!(
        "Restored {} articles, {} claims and {} sources from {}.",
        info.articles,
        info.claims,
        info.sources,
        file.display()
    );
    if let Some(previous) = &restored.previous {
        println!("The database it replaced is kept as {}.", previous.display());
    }
    Ok(ExitCode::SUCCESS)
}
