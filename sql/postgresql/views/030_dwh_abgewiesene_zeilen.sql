-- The stewards' view of rejected rows keeps every raw value (CLI rejects, steward reports, workspace read it).
CREATE VIEW dwh.abgewiesene_zeilen AS
SELECT r.abweisung_id,
       r.datei_id,
       f.datei,
       f.quelle,
       r.blatt,
       r.zeile,
       r.spalte,
       r.rohwert,
       r.grund_code,
       r.grund,
       f.gestartet_um AS geladen_um,
       CASE
           WHEN e.entscheidung IS NOT NULL THEN e.entscheidung
           WHEN EXISTS (SELECT 1 FROM dwh.load_file n JOIN dwh.rejected_row nr ON nr.datei_id = n.datei_id
                        WHERE n.quelle = f.quelle AND n.datei = f.datei AND n.status = 'geladen' AND n.datei_id > f.datei_id
                          AND coalesce(nr.blatt, '') = coalesce(r.blatt, '') AND nr.zeile = r.zeile AND nr.grund_code = r.grund_code)
               THEN 'wiederholt'
           WHEN EXISTS (SELECT 1 FROM dwh.load_file n
                        WHERE n.quelle = f.quelle AND n.datei = f.datei AND n.status = 'geladen' AND n.datei_id > f.datei_id)
               THEN 'behoben'
           ELSE 'offen'
       END AS bearbeitung,
       e.entscheidung,
       e.kommentar,
       e.entschieden_von,
       e.entschieden_um
FROM dwh.rejected_row r
JOIN dwh.load_file f ON f.datei_id = r.datei_id
LEFT JOIN dwh.abweisung_entscheidung e
       ON e.quelle = f.quelle AND e.datei = f.datei AND coalesce(e.blatt, '') = coalesce(r.blatt, '')
      AND e.zeile = r.zeile AND e.grund_code = r.grund_code
      AND NOT EXISTS (SELECT 1 FROM dwh.abweisung_entscheidung n
                      WHERE n.quelle = e.quelle AND n.datei = e.datei AND coalesce(n.blatt, '') = coalesce(e.blatt, '')
                        AND n.zeile = e.zeile AND n.grund_code = e.grund_code AND n.entscheidung_id > e.entscheidung_id);
