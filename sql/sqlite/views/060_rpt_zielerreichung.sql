-- The verdicts are read by key from fact_geheimhaltung (the hidden cells; docs/data-dictionary.md, "Small counts"),
-- with what the target means. Until its recomputation has assessed it again, an indicator a load changed
-- (zielerreichung_ausstehend) shows none of its months, nor a baseline taken from one: nothing shows unassessed.
-- A set of areas is hidden in a month where any of its members is (its figure minus the shown members would give the
-- hidden one back), and its counts of 1 or 2 like a Quartier's. A baseline is the figure of one month of the area: it
-- is hidden where that month's figure is, and with it a reduction's zielwert and zielpfad, which would give it back
-- (B × (1 − p)).
CREATE VIEW rpt_zielerreichung AS
WITH basis AS (
    SELECT z.indikator_code,
           i.massnahme_code,
           i.art,
           i.einheit,
           z.monat,
           z.bereich_code,
           b.name AS bereich,
           b.ebene,
           z.istwert,
           z.zielwert,
           z.zielpfad,
           z.grad,
           z.status,
           z.prognose,
           z.unterdrueckt,
           -- When the indicator was last recomputed: a recomputation writes only the figures that changed (0024).
           s.berechnet_um,
           z.status_hinweis,
           z.erreicht,
           z.basis AS basis_verwendet,
           z.basis_monat,
           COALESCE(z.ziel_bereich_code, z.bereich_code) AS zielbereich_code,
           -- Only a set of areas has members (dim_bereich_menge): other areas are not probed for them.
           CASE WHEN g.indikator_code IS NOT NULL OR p.indikator_code IS NOT NULL THEN 1
                WHEN b.ebene = 'bereichsmenge'
                 AND EXISTS (SELECT 1 FROM dim_bereich_menge m
                             CROSS JOIN fact_geheimhaltung gm ON gm.indikator_code = z.indikator_code AND gm.monat = z.monat AND gm.bereich_code = m.bereich_code
                             WHERE m.menge_code = z.bereich_code) THEN 1
                ELSE 0
           END AS monat_geheim,
           -- Two lookups by key (the area's own month, its members' months) instead of one with an OR, which
           -- could only seek by indicator and read all of its cells for every figure.
           CASE WHEN EXISTS (SELECT 1 FROM fact_geheimhaltung gb
                             WHERE gb.indikator_code = z.indikator_code AND gb.bereich_code = z.bereich_code AND gb.monat = z.basis_monat)
                  OR EXISTS (SELECT 1 FROM dim_bereich_menge m
                             CROSS JOIN fact_geheimhaltung gm ON gm.indikator_code = z.indikator_code AND gm.bereich_code = m.bereich_code AND gm.monat = z.basis_monat
                             WHERE m.menge_code = z.bereich_code)
                  OR (z.basis_monat IS NOT NULL AND p.indikator_code IS NOT NULL)
                THEN 1 ELSE 0 END AS basis_geheim
    FROM fact_zielerreichung z
    JOIN dim_indikator i ON i.indikator_code = z.indikator_code
    JOIN dim_bereich b ON b.bereich_code = z.bereich_code
    LEFT JOIN fact_geheimhaltung g ON g.indikator_code = z.indikator_code AND g.monat = z.monat AND g.bereich_code = z.bereich_code
    LEFT JOIN (SELECT DISTINCT indikator_code FROM zielerreichung_ausstehend) p ON p.indikator_code = z.indikator_code
    LEFT JOIN zielerreichung_stand s ON s.indikator_code = z.indikator_code
),
laufend AS (
    SELECT a.*,
           MAX(a.monat_geheim) OVER (PARTITION BY a.indikator_code, a.bereich_code ORDER BY a.monat
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bisher_geheim
    FROM basis a
),
geheim AS (
    SELECT l.*,
           CASE WHEN l.art IN ('anzahl', 'quote') AND l.bisher_geheim = 1 THEN 1
                WHEN l.art = 'bestand' AND l.monat_geheim = 1 THEN 1
                WHEN l.ebene IN ('quartier', 'bereichsmenge') AND l.art IN ('anzahl', 'bestand') AND l.istwert > s.niemand AND l.istwert < s.gezeigt_ab THEN 1
                ELSE 0
           END AS geheim,
           CASE WHEN l.basis_geheim = 1 THEN 1
                WHEN l.ebene IN ('quartier', 'bereichsmenge') AND l.art IN ('anzahl', 'bestand') AND l.basis_verwendet > s.niemand AND l.basis_verwendet < s.gezeigt_ab THEN 1
                ELSE 0
           END AS basis_verborgen
    FROM laufend l
    CROSS JOIN geheimhaltung_schwelle s
)
SELECT g.indikator_code,
       g.massnahme_code,
       g.monat,
       g.bereich_code,
       g.bereich,
       CASE WHEN g.geheim = 0 THEN g.istwert END AS istwert,
       CASE WHEN g.basis_verborgen = 0 THEN g.zielwert END AS zielwert,
       CASE WHEN g.basis_verborgen = 0 THEN g.zielpfad END AS zielpfad,
       CASE WHEN g.geheim = 0 THEN g.grad END AS zielerreichungsgrad,
       CASE WHEN g.geheim = 0 THEN g.status ELSE 'geheim' END AS status,
       CASE WHEN g.geheim = 0 THEN g.prognose END AS prognose,
       g.unterdrueckt AS unterdrueckte_werte,
       CASE WHEN g.geheim = 1 OR g.basis_verborgen = 1 THEN 'geheim' END AS geheimhaltung,
       g.berechnet_um,
       g.status_hinweis,
       g.einheit,
       CASE WHEN g.geheim = 0 THEN g.erreicht END AS erreicht,
       z.vergleich,
       z.wert AS planwert,
       z.ziel_einheit AS planwert_einheit,
       g.zielbereich_code,
       zb.name AS zielbereich,
       z.zeitraum_art,
       z.periode_von,
       z.periode_bis,
       z.stichtag,
       z.stichtag_herkunft,
       CASE WHEN g.basis_verborgen = 1 THEN NULL ELSE COALESCE(g.basis_verwendet, z.basis) END AS basis,
       COALESCE(z.basis_einheit, CASE WHEN g.basis_verwendet IS NOT NULL OR z.basis IS NOT NULL THEN g.einheit END) AS basis_einheit,
       -- A baseline taken from a month (basis_monat) is assumed, also a set's drill-down under a target whose baseline the plan states.
       CASE WHEN g.basis_monat IS NOT NULL THEN 'angenommen' ELSE z.basis_herkunft END AS basis_herkunft,
       g.basis_monat,
       z.wortlaut AS zielwert_text
FROM geheim g
LEFT JOIN fact_zielwert z ON z.indikator_code = g.indikator_code AND z.bereich_code = g.zielbereich_code AND z.gueltig_bis IS NULL
LEFT JOIN dim_bereich zb ON zb.bereich_code = g.zielbereich_code;
