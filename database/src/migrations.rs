//! Forward-only schema migrations, embedded in the binary and applied on open.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::{Result, StoreError};

/// `PRAGMA application_id` of a Claimdesk database ('CLMD').
pub(crate) const APPLICATION_ID: i32 = 0x434C_4D44;

/// Each entry is applied once, in order, in its own transaction; its position
/// is the schema version. Applied migrations are never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_articles_and_audit_log.sql"),
    include_str!("../migrations/0002_claims_sources_and_operations.sql"),
    include_str!("../migrations/0003_uids_and_anchor_review.sql"),
    include_str!("../migrations/0004_claims_view_indexes.sql"),
    include_str!("../migrations/0005_rejected_suggestions.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew { found, supported: SCHEMA_VERSION });
    }
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if found > 0 && app_id != APPLICATION_ID {
        return Err(StoreError::NotClaimdesk(app_id));
    }
    let migrations = Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect());
    migrations.to_latest(conn).map_err(|e| StoreError::Migration(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        let migrations = Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect());
        migrations.validate().unwrap();
    }
}
