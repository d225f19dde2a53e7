-- The month dimension, 2010 to 2035, with calendar, school and Kita years (both August to July) and German labels.
CREATE TABLE dim_monat (
    monat        TEXT PRIMARY KEY,
    jahr         INTEGER NOT NULL,
    quartal      INTEGER NOT NULL,
    monat_nr     INTEGER NOT NULL,
    monatsname   TEXT NOT NULL,
    schuljahr    TEXT NOT NULL,
    kitajahr     TEXT NOT NULL
);

WITH RECURSIVE months (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM months WHERE n < 26 * 12 - 1)
INSERT INTO dim_monat (monat, jahr, quartal, monat_nr, monatsname, schuljahr, kitajahr)
SELECT printf('%04d-%02d-01', 2010 + n / 12, n % 12 + 1),
       2010 + n / 12,
       (n % 12) / 3 + 1,
       n % 12 + 1,
       CASE n % 12 WHEN 0 THEN 'Januar' WHEN 1 THEN 'Februar' WHEN 2 THEN 'März' WHEN 3 THEN 'April'
                   WHEN 4 THEN 'Mai' WHEN 5 THEN 'Juni' WHEN 6 THEN 'Juli' WHEN 7 THEN 'August'
                   WHEN 8 THEN 'September' WHEN 9 THEN 'Oktober' WHEN 10 THEN 'November' ELSE 'Dezember' END,
       CASE WHEN n % 12 >= 7 THEN printf('%04d/%02d', 2010 + n / 12, (2011 + n / 12) % 100)
            ELSE printf('%04d/%02d', 2009 + n / 12, (2010 + n / 12) % 100) END,
       CASE WHEN n % 12 >= 7 THEN printf('%04d/%02d', 2010 + n / 12, (2011 + n / 12) % 100)
            ELSE printf('%04d/%02d', 2009 + n / 12, (2010 + n / 12) % 100) END
FROM months;
