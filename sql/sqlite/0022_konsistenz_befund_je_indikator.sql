-- Performance (issue 19): a run reads of the stored consistency findings each indicator's first ones and how many
-- there are (ConsistencyFindingsExcerpt). Ordered by month and number, the findings of one indicator are a range of
-- this index, so each indicator's first are read by a LIMIT on it instead of numbering all findings (about 500,000 in
-- the 10 M bench, docs/performance.md, "Nightly with nothing new at 10 M").
CREATE INDEX ix_konsistenz_befund_indikator ON konsistenz_befund (indikator_code, monat, nr);
