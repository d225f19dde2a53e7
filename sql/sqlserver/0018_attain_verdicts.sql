-- Attainment at volume (issue 19, docs/performance.md "Attainment at 10 M observations"): dwh.fact_geheimhaltung held
-- one verdict row per cell, all deleted and inserted again by every recomputation, and a load set every verdict of the
-- indicators it changed to hidden (an UPDATE of all their cells). The rule and its verdicts are unchanged
-- (docs/data-dictionary.md, "Small counts"); what is stored is now:
--   dwh.fact_geheimhaltung:        the hidden cells only (a cell of an assessed indicator without a row is shown);
--   dwh.zielerreichung_ausstehend: as before, the indicators a load changed and no recomputation has covered since.
--                                  Until then every cell of such an indicator is hidden: nothing shows unassessed.
-- A cell the rule has not seen is hidden too when no load recorded it (observations written into the fact by hand):
--   dwh.geheimhaltung_stand:       per indicator, the newest file in the load protocol when its cells were last
--                                  assessed; a cell holding a current value of a newer file is hidden until the next.
-- A load writes its pending rows only (one per indicator); a recomputation writes as many rows as it hides.
-- Cells without a verdict row belong to pending indicators only (a load records them in its transaction), whose rows a
-- load had set to hidden: keeping the hidden rows keeps every verdict the views show. The column geheim stays (the
-- statements of 0013 name it), 1 in every row; no view reads it any more.

DELETE FROM dwh.fact_geheimhaltung WHERE geheim = 0;
GO

CREATE TABLE dwh.geheimhaltung_stand (
    indikator_code  nvarchar(100) NOT NULL CONSTRAINT pk_geheimhaltung_stand PRIMARY KEY,
    datei_id        bigint NOT NULL
);
GO

-- Every cell current now has been assessed (or belongs to a pending indicator, hidden by its pending row).
INSERT INTO dwh.geheimhaltung_stand (indikator_code, datei_id)
SELECT indikator_code, (SELECT COALESCE(MAX(datei_id), 0) FROM dwh.load_file) FROM dwh.dim_indikator;
GO
