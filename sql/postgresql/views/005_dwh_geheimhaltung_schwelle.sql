-- The small-count test of the privacy rule (docs/data-dictionary.md, "Small counts"), its one home in this dialect: a
-- count of persons is small when it lies strictly between niemand (0: no person, shown) and gezeigt_ab (3: the least
-- count shown in a Quartier, and the least the hidden cells of a Stadtbezirk must hold together). Every view that
-- tests a count joins this row and compares with its columns (x > s.niemand AND x < s.gezeigt_ab); the bounds are
-- written nowhere else (SmallCountRuleSpecs). SQLite has no user functions, so the test is a row, in every dialect.
CREATE VIEW dwh.geheimhaltung_schwelle AS
SELECT 0 AS niemand, 3 AS gezeigt_ab;
