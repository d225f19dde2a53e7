-- Per series: hidden where the month's cell is hidden, and for every series of a Quartier's cell where one of them
-- (first or current) is 1 or 2: the shown sum minus the other series would otherwise give it.
CREATE VIEW rpt_beobachtung_historie AS
WITH klein AS (
    SELECT h.*,
           CASE WHEN b.ebene = 'quartier'
                 AND ((i.art IN ('anzahl', 'bestand') AND ((h.erstwert > s.niemand AND h.erstwert < s.gezeigt_ab) OR (h.aktueller_wert > s.niemand AND h.aktueller_wert < s.gezeigt_ab)))
                   OR (i.art = 'quote' AND ((h.erst_zaehler > s.niemand AND h.erst_zaehler < s.gezeigt_ab) OR (h.erst_nenner > s.niemand AND h.erst_nenner < s.gezeigt_ab)
                                         OR (h.aktueller_zaehler > s.niemand AND h.aktueller_zaehler < s.gezeigt_ab) OR (h.aktueller_nenner > s.niemand AND h.aktueller_nenner < s.gezeigt_ab))))
                THEN 1 ELSE 0 END AS klein,
           COALESCE(r.geheim, 0) AS zelle_geheim
    FROM dwh_beobachtung_historie h
    JOIN dim_indikator i ON i.indikator_code = h.indikator_code
    JOIN dim_bereich b ON b.bereich_code = h.bereich_code
    LEFT JOIN dwh_beobachtung_geheimhaltung r ON r.indikator_code = h.indikator_code AND r.monat = h.monat AND r.bereich_code = h.bereich_code
    CROSS JOIN geheimhaltung_schwelle s
),
markiert AS (
    SELECT k.*,
           CASE WHEN k.zelle_geheim = 1 OR MAX(k.klein) OVER (PARTITION BY k.indikator_code, k.monat, k.bereich_code) = 1
                THEN 'geheim' END AS geheimhaltung
    FROM klein k
)
SELECT indikator_code,
       monat,
       bereich_code,
       quelle,
       serie,
       CASE WHEN geheimhaltung IS NULL THEN erstwert END AS erstwert,
       CASE WHEN geheimhaltung IS NULL THEN erst_zaehler END AS erst_zaehler,
       CASE WHEN geheimhaltung IS NULL THEN erst_nenner END AS erst_nenner,
       erstmals_gemeldet_um,
       erst_datenstand,
       CASE WHEN geheimhaltung IS NULL THEN aktueller_wert END AS aktueller_wert,
       CASE WHEN geheimhaltung IS NULL THEN aktueller_zaehler END AS aktueller_zaehler,
       CASE WHEN geheimhaltung IS NULL THEN aktueller_nenner END AS aktueller_nenner,
       aktuell_seit,
       aktueller_datenstand,
       revisionen,
       geheimhaltung
FROM markiert;
