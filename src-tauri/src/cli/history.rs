//! `claimdesk undo` and `claimdesk redo`.

use std::process::ExitCode;

use claimdesk_core::Desk;

pub fn undo(desk: &Desk) -> anyhow::Result<ExitCode> {
    println!("Undid: {}", desk.undo()?.label);
    Ok(ExitCode::SUCCESS)
}

pub fn redo(desk: &Desk) -> anyhow::Result<ExitCode> {
    println!("Redid: {}", desk.redo()?.label);
    Ok(ExitCode::SUCCESS)
}
