-- The month dimension, 2010 to 2035, with calendar, school and Kita years (both August to July) and German labels.
CREATE TABLE dwh.dim_monat (
    monat        date PRIMARY KEY,
    jahr         integer NOT NULL,
    quartal      integer NOT NULL,
    monat_nr     integer NOT NULL,
    monatsname   text NOT NULL,
    schuljahr    text NOT NULL,
    kitajahr     text NOT NULL
);

INSERT INTO dwh.dim_monat (monat, jahr, quartal, monat_nr, monatsname, schuljahr, kitajahr)
SELECT make_date(2010 + n / 12, n % 12 + 1, 1),
       2010 + n / 12,
       (n % 12) / 3 + 1,
       n % 12 + 1,
       (ARRAY['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August',
              'September', 'Oktober', 'November', 'Dezember'])[n % 12 + 1],
       CASE WHEN n % 12 >= 7 THEN format('%s/%s', 2010 + n / 12, lpad(((2011 + n / 12) % 100)::text, 2, '0'))
            ELSE format('%s/%s', 2009 + n / 12, lpad(((2010 + n / 12) % 100)::text, 2, '0')) END,
       CASE WHEN n % 12 >= 7 THEN format('%s/%s', 2010 + n / 12, lpad(((2011 + n / 12) % 100)::text, 2, '0'))
            ELSE format('%s/%s', 2009 + n / 12, lpad(((2010 + n / 12) % 100)::text, 2, '0')) END
FROM generate_series(0, 26 * 12 - 1) AS months (n);
