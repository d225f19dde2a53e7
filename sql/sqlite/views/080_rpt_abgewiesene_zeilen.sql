-- BI readers see a raw value only when it has the shape of a number or a date (digits and . , : ; / + - % * and
-- spaces, at most 10 characters); anything else (a name, an address, a case number) is replaced by its length, in the
-- value and in the message that quotes it.
CREATE VIEW rpt_abgewiesene_zeilen AS
WITH maske AS (
    SELECT a.*,
           CASE WHEN a.rohwert IS NULL THEN NULL
                WHEN length(a.rohwert) <= 10 AND trim(a.rohwert, '0123456789.,:;/+-%* ') = '' THEN NULL
                ELSE 'verdeckt (' || length(a.rohwert) || ' Zeichen)'
           END AS verdeckt
    FROM dwh_abgewiesene_zeilen a
)
SELECT abweisung_id,
       datei_id,
       datei,
       quelle,
       blatt,
       zeile,
       spalte,
       COALESCE(verdeckt, rohwert) AS rohwert,
       grund_code,
       CASE WHEN verdeckt IS NULL THEN grund ELSE replace(replace(grund, rohwert, verdeckt), trim(rohwert), verdeckt) END AS grund,
       geladen_um,
       bearbeitung,
       entscheidung,
       kommentar,
       entschieden_von,
       entschieden_um
FROM maske;
