-- BI readers see a raw value only when it has the shape of a number or a date (digits and . , : ; / + - % * and
-- spaces, at most 10 characters); anything else (a name, an address, a case number) is replaced by its length, in the
-- value and in the message that quotes it.
CREATE VIEW rpt.abgewiesene_zeilen AS
WITH maske AS (
    SELECT a.*,
           CASE WHEN a.rohwert IS NULL THEN NULL
                WHEN LEN(a.rohwert) <= 10 AND a.rohwert NOT LIKE '%[^0-9.,:;/+%* -]%' THEN NULL
                ELSE N'verdeckt (' + CAST(LEN(a.rohwert) AS nvarchar(10)) + N' Zeichen)'
           END AS verdeckt
    FROM dwh.abgewiesene_zeilen a
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
       CASE WHEN verdeckt IS NULL THEN grund ELSE REPLACE(REPLACE(grund, rohwert, verdeckt), LTRIM(RTRIM(rohwert)), verdeckt) END AS grund,
       geladen_um,
       bearbeitung,
       entscheidung,
       kommentar,
       entschieden_von,
       entschieden_um
FROM maske;
