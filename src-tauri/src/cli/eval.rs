//! `claimdesk eval-attribution`: scores the attribution suggestions against a
//! brat-annotated split folder (PolNeAR's layout), as in `docs/evaluation.md`.

use std::path::Path;
use std::process::ExitCode;

pub fn run(gold_dir: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let report = claimdesk_attribution::eval::evaluate_split(gold_dir)?;
    if json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print!("{}", report.table());
    }
    Ok(ExitCode::SUCCESS)
}
