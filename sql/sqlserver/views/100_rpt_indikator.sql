-- One row per indicator. Its target is the city's, else its only one, else the first the plan names (zielbereich then
-- names all of them and anzahl_zielbereiche says how many; rpt_zielwert has each).
CREATE VIEW rpt.indikator AS
WITH ziel AS (
    SELECT z.*,
           ROW_NUMBER() OVER (PARTITION BY z.indikator_code ORDER BY CASE WHEN z.bereich_code = N'05711000' THEN 0 ELSE 1 END, z.zielwert_id) AS rang,
           COUNT(*) OVER (PARTITION BY z.indikator_code) AS anzahl
    FROM dwh.fact_zielwert z
    WHERE z.gueltig_bis IS NULL
),
bereiche AS (
    SELECT z.indikator_code, STRING_AGG(b.name, N', ') WITHIN GROUP (ORDER BY z.rang) AS namen
    FROM ziel z JOIN dwh.dim_bereich b ON b.bereich_code = z.bereich_code
    GROUP BY z.indikator_code
)
SELECT i.indikator_code,
       i.massnahme_code,
       i.bezeichnung,
       i.einheit,
       i.art,
       i.richtung,
       z.wert AS zielwert,
       z.wortlaut AS zielwert_text,
       i.eltern_indikator_code,
       i.nachrichtlich,
       z.vergleich,
       z.ziel_einheit AS zielwert_einheit,
       z.bereich_code AS zielbereich_code,
       n.namen AS zielbereich,
       COALESCE(z.anzahl, 0) AS anzahl_zielbereiche,
       z.zeitraum_art,
       z.periode_von,
       z.periode_bis,
       z.stichtag,
       z.stichtag_herkunft,
       z.basis,
       COALESCE(z.basis_einheit, CASE WHEN z.basis IS NOT NULL THEN i.einheit END) AS basis_einheit,
       z.basis_herkunft
FROM dwh.dim_indikator i
LEFT JOIN ziel z ON z.indikator_code = i.indikator_code AND z.rang = 1
LEFT JOIN bereiche n ON n.indikator_code = i.indikator_code;
