//! `claimdesk eval-attribution`: scores the attribution suggestions against a
//! brat-annotated split folder (PolNeAR's layout), as in `docs/evaluation.md`.

use std::path::Path;
use std::process::ExitCode;

/// With `agreement`, scores the annotators against each other instead, on
/// the texts that several people annotated: the ceiling to read figures by.
pub fn run(gold_dir: &Path, json: bool, agreement: bool) -> anyhow::Result<ExitCode> {
    let report = if agreement {
        claimdesk_attribution::eval::agreement(gold_dir)?
    } else {
        claimdesk_attribution::eval::evaluate_split(gold_dir)?
    };
    if json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print!("{}", report.table());
    }
    Ok(ExitCode::SUCCESS)
}
