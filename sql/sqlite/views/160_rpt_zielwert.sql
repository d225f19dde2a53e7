-- One row per current target: an indicator has one per area the plan scopes (500-8: four quarters) or one for a set.
CREATE VIEW rpt_zielwert AS
SELECT z.indikator_code,
       i.massnahme_code,
       z.bereich_code AS zielbereich_code,
       b.name AS zielbereich,
       b.ebene AS zielbereich_ebene,
       z.vergleich,
       z.wert AS zielwert,
       z.ziel_einheit AS zielwert_einheit,
       z.zeitraum_art,
       z.periode_von,
       z.periode_bis,
       z.stichtag,
       z.stichtag_herkunft,
       z.basis,
       COALESCE(z.basis_einheit, CASE WHEN z.basis IS NOT NULL THEN i.einheit END) AS basis_einheit,
       z.basis_herkunft,
       z.basis_wortlaut,
       z.wortlaut AS zielwert_text,
       z.gueltig_ab
FROM fact_zielwert z
JOIN dim_indikator i ON i.indikator_code = z.indikator_code
JOIN dim_bereich b ON b.bereich_code = z.bereich_code
WHERE z.gueltig_bis IS NULL;
