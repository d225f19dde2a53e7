-- The month dimension, 2010 to 2035, with calendar, school and Kita years (both August to July) and German labels.
CREATE TABLE dwh.dim_monat (
    monat        date NOT NULL CONSTRAINT pk_dim_monat PRIMARY KEY,
    jahr         int NOT NULL,
    quartal      int NOT NULL,
    monat_nr     int NOT NULL,
    monatsname   nvarchar(20) NOT NULL,
    schuljahr    nvarchar(10) NOT NULL,
    kitajahr     nvarchar(10) NOT NULL
);
GO

WITH months (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM months WHERE n < 26 * 12 - 1)
INSERT INTO dwh.dim_monat (monat, jahr, quartal, monat_nr, monatsname, schuljahr, kitajahr)
SELECT DATEFROMPARTS(2010 + n / 12, n % 12 + 1, 1),
       2010 + n / 12,
       (n % 12) / 3 + 1,
       n % 12 + 1,
       CHOOSE(n % 12 + 1, N'Januar', N'Februar', N'März', N'April', N'Mai', N'Juni', N'Juli', N'August',
              N'September', N'Oktober', N'November', N'Dezember'),
       CASE WHEN n % 12 >= 7 THEN CONCAT(2010 + n / 12, N'/', RIGHT(CONCAT(N'0', (2011 + n / 12) % 100), 2))
            ELSE CONCAT(2009 + n / 12, N'/', RIGHT(CONCAT(N'0', (2010 + n / 12) % 100), 2)) END,
       CASE WHEN n % 12 >= 7 THEN CONCAT(2010 + n / 12, N'/', RIGHT(CONCAT(N'0', (2011 + n / 12) % 100), 2))
            ELSE CONCAT(2009 + n / 12, N'/', RIGHT(CONCAT(N'0', (2010 + n / 12) % 100), 2)) END
FROM months
OPTION (MAXRECURSION 400);
GO
