-- From here on the views are not part of the versioned migrations: sql/sqlite/views/*.sql holds each view once and
-- is applied after the migrations whenever a view file or the list of migrations changes (ReportingViews). The
-- versioned views are dropped here, dependants first, so that the repeatable set creates every one of them.
DROP VIEW rpt_zielwert;
DROP VIEW rpt_beobachtung_historie;
DROP VIEW rpt_lieferstatus;
DROP VIEW rpt_bereich;
DROP VIEW rpt_kalender;
DROP VIEW rpt_beobachtung;
DROP VIEW rpt_indikator;
DROP VIEW rpt_massnahme;
DROP VIEW rpt_abgewiesene_zeilen;
DROP VIEW rpt_ladeprotokoll;
DROP VIEW rpt_zielerreichung;
DROP VIEW dwh_herkunft;
DROP VIEW geheimhaltung_regel;
DROP VIEW dwh_abgewiesene_zeilen;
DROP VIEW dwh_beobachtung_geheimhaltung;
DROP VIEW dwh_beobachtung_historie;
