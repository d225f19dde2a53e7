-- From here on the views are not part of the versioned migrations: sql/sqlserver/views/*.sql holds each view once and
-- is applied after the migrations whenever a view file or the list of migrations changes (ReportingViews). The
-- versioned views are dropped here, dependants first, so that the repeatable set creates every one of them.
DROP VIEW rpt.zielwert;
DROP VIEW rpt.beobachtung_historie;
DROP VIEW rpt.lieferstatus;
DROP VIEW rpt.bereich;
DROP VIEW rpt.kalender;
DROP VIEW rpt.beobachtung;
DROP VIEW rpt.indikator;
DROP VIEW rpt.massnahme;
DROP VIEW rpt.abgewiesene_zeilen;
DROP VIEW rpt.ladeprotokoll;
DROP VIEW rpt.zielerreichung;
DROP VIEW dwh.herkunft;
DROP VIEW dwh.geheimhaltung_regel;
DROP VIEW dwh.abgewiesene_zeilen;
DROP VIEW dwh.beobachtung_geheimhaltung;
DROP VIEW dwh.beobachtung_historie;
