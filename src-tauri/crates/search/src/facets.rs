//! Facet counts (outlet, year) over every matching document, in one pass over
//! fast-field columns, alongside the top-k collection.

use std::collections::HashMap;

use claimdesk_domain::{FacetCount, Facets};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

pub(crate) struct FacetCollector;

pub(crate) struct SegmentFacets {
    outlets: Option<StrColumn>,
    years: Option<Column<u64>>,
    /// Indexed by the segment's outlet term ordinal.
    outlet_counts: Vec<u64>,
    /// Indexed by year minus `FIRST_YEAR`: a hash per matching document
    /// would cost more than the rest of the collection.
    year_counts: Vec<u64>,
}

/// Years outside this window are not counted in the facet.
const FIRST_YEAR: u64 = 1800;
const YEARS: usize = 400;

/// Counts of one segment, with ordinals already turned into names.
pub(crate) struct SegmentCounts {
    outlets: Vec<(String, u64)>,
    years: Vec<(u64, u64)>,
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let fast = segment.fast_fields();
        let outlets = fast.str("outlet_facet")?;
        let outlet_terms = outlets.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentFacets {
            outlets,
            years: fast.u64("year").ok(),
            outlet_counts: vec![0; outlet_terms],
            year_counts: vec![0; YEARS],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<SegmentCounts>) -> tantivy::Result<Facets> {
        let mut outlets: HashMap<String, u64> = HashMap::new();
        let mut years: HashMap<u64, u64> = HashMap::new();
        for segment in segments {
            for (name, count) in segment.outlets {
                *outlets.entry(name).or_default() += count;
            }
            for (year, count) in segment.years {
                *years.entry(year).or_default() += count;
            }
        }
        let mut outlet: Vec<FacetCount> =
            outlets.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
        outlet.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        let mut year: Vec<(u64, u64)> = years.into_iter().collect();
        year.sort_by_key(|(value, _)| std::cmp::Reverse(*value));
        let year = year.into_iter().map(|(value, count)| FacetCount { value: value.to_string(), count }).collect();
        Ok(Facets { outlet, year })
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(ord) = self.outlets.as_ref().and_then(|c| c.ords().first(doc))
            && let Some(count) = self.outlet_counts.get_mut(ord as usize)
        {
            *count += 1;
        }
        if let Some(year) = self.years.as_ref().and_then(|c| c.first(doc))
            && let Some(count) = self.year_counts.get_mut(year.wrapping_sub(FIRST_YEAR) as usize)
        {
            *count += 1;
        }
    }

    fn harvest(self) -> SegmentCounts {
        let mut outlets = Vec::new();
        if let Some(column) = &self.outlets {
            let mut name = String::new();
            for (ord, &count) in self.outlet_counts.iter().enumerate() {
                if count > 0 && column.ord_to_str(ord as u64, &mut name).unwrap_or(false) {
                    outlets.push((name.clone(), count));
                }
            }
        }
        let years = (self.year_counts.iter().enumerate())
            .filter(|(_, count)| **count > 0)
            .map(|(offset, count)| (FIRST_YEAR + offset as u64, *count))
            .collect();
        SegmentCounts { outlets, years }
    }
}
