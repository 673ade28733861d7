//! Reading brat standoff annotations of attributions (PolNeAR's format):
//! `T` lines are spans labelled `Source`, `Cue` or `Content`, and `E` lines
//! join them into one attribution (`E1 Attribution:T4 Content:T3 Cue:T2 Source:T1`).
//!
//! A discontinuous span (`Content 10 20;30 40`) keeps its fragments: it
//! overlaps a suggestion when any fragment does, and equals one exactly when
//! the suggestion covers its hull, first start to last end (a suggestion is a
//! single range, and the hull is what an analyst would select).

use std::collections::HashMap;

use crate::Span;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BratError {
    #[error("line {line}: bad span `{text}`")]
    BadSpan { line: usize, text: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Cue,
    Source,
    Content,
}

/// A gold span, in one or more fragments (code points, half-open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSpan {
    pub role: Role,
    pub fragments: Vec<Span>,
}

impl GoldSpan {
    pub fn hull(&self) -> Span {
        let start = self.fragments.iter().map(|f| f.start).min().unwrap_or(0);
        let end = self.fragments.iter().map(|f| f.end).max().unwrap_or(0);
        Span::new(start, end)
    }

    /// Code points shared with `span`, over all fragments.
    pub fn overlap(&self, span: &Span) -> usize {
        self.fragments.iter().map(|f| f.end.min(span.end).saturating_sub(f.start.max(span.start))).sum()
    }
}

/// One attribution: indices into [`Annotations::spans`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GoldAttribution {
    pub cue: Option<usize>,
    pub source: Option<usize>,
    pub content: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Annotations {
    /// The Source, Cue and Content spans that some attribution uses.
    pub spans: Vec<GoldSpan>,
    pub attributions: Vec<GoldAttribution>,
}

impl Annotations {
    /// The spans of one role, each once even when several attributions share it.
    pub fn of_role(&self, role: Role) -> impl Iterator<Item = &GoldSpan> {
        self.spans.iter().filter(move |s| s.role == role)
    }
}

/// Parses an `.ann` file. Lines of other kinds (attributes, notes, the
/// continuation lines of span texts holding line breaks) are skipped;
/// arguments naming unknown spans are ignored.
pub fn parse(ann: &str) -> Result<Annotations, BratError> {
    let mut by_id: HashMap<&str, (Role, Vec<Span>)> = HashMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((label, ranges)) = body.split_once(' ') else {
                continue;
            };
            let role = match label {
                "Cue" => Role::Cue,
                "Source" => Role::Source,
                "Content" => Role::Content,
                _ => continue,
            };
            let bad = || BratError::BadSpan { line: n + 1, text: ranges.to_string() };
            let fragments = ranges
                .split(';')
                .map(|r| {
                    let (s, e) = r.trim().split_once(' ').ok_or_else(bad)?;
                    Ok(Span::new(s.parse().map_err(|_| bad())?, e.parse().map_err(|_| bad())?))
                })
                .collect::<Result<Vec<_>, _>>()?;
            by_id.insert(id, (role, fragments));
        } else if id.starts_with('E') {
            events.push(body.split_whitespace().filter_map(|a| a.split_once(':')).collect());
        }
    }
    let mut out = Annotations::default();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for args in events {
        let mut attribution = GoldAttribution::default();
        for (role_name, id) in args {
            let Some((role, fragments)) = by_id.get(id) else {
                continue;
            };
            // Roles are written `Cue`, `Cue2`…; the span's own label decides.
            if !role_name.starts_with(match role {
                Role::Cue => "Cue",
                Role::Source => "Source",
                Role::Content => "Content",
            }) {
                continue;
            }
            let at = *index.entry(id).or_insert_with(|| {
                out.spans.push(GoldSpan { role: *role, fragments: fragments.clone() });
                out.spans.len() - 1
            });
            let slot = match role {
                Role::Cue => &mut attribution.cue,
                Role::Source => &mut attribution.source,
                Role::Content => &mut attribution.content,
            };
            slot.get_or_insert(at);
        }
        if attribution != GoldAttribution::default() {
            out.attributions.push(attribution);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str = "T1\tSource 0 5\tAlice\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tsomething\n\
        continued text of a span with a line break\n\
        T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
        T5\tCue 40 44\tsaid\nE2\tAttribution:T4 Cue:T5 Content:T3\nT9\tDiscard 1 2\tx\n";

    #[test]
    fn events_join_spans_and_shared_spans_are_kept_once() {
        let a = parse(ANN).unwrap();
        assert_eq!(a.attributions.len(), 2);
        assert_eq!(a.of_role(Role::Content).count(), 1);
        assert_eq!(a.of_role(Role::Cue).count(), 2);
        assert_eq!(a.attributions[1].source, None);
        let content = &a.spans[a.attributions[0].content.unwrap()];
        assert_eq!(content.fragments, [Span::new(11, 20), Span::new(25, 30)]);
        assert_eq!(content.hull(), Span::new(11, 30));
        assert_eq!(content.overlap(&Span::new(18, 27)), 4);
        assert_eq!(content.overlap(&Span::new(20, 25)), 0);
    }

    #[test]
    fn a_malformed_offset_is_an_error_with_its_line() {
        let err = parse("T1\tCue 6 x\tsaid\n").unwrap_err();
        assert_eq!(err, BratError::BadSpan { line: 1, text: "6 x".into() });
    }
}
