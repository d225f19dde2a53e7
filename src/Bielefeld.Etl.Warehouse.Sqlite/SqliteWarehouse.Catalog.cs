using Bielefeld.Etl.Catalog;
using Dapper;

namespace Bielefeld.Etl.Warehouse.Sqlite;

public sealed partial class SqliteWarehouse
{
    /// <inheritdoc />
    public override async Task<bool> SyncCatalogAsync(PlanCatalog catalog, AreaCatalog areas, CancellationToken cancellationToken)
    {
        // The sets of areas the targets name (Jobcenter-8.1) are areas of their own in the warehouse.
        areas = areas.WithAreaSets(catalog);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = Timestamp(Time.GetUtcNow());
        var changed = false;
        foreach (var area in areas.Areas)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO dim_bereich (bereich_code, name, ebene, eltern_bereich_code) VALUES (@Code, @Name, @level, @ParentCode)
                ON CONFLICT (bereich_code) DO UPDATE SET name = excluded.name, ebene = excluded.ebene, eltern_bereich_code = excluded.eltern_bereich_code
                """,
                new { area.Code, area.Name, level = CatalogWords.Level(area.Level), area.ParentCode },
                transaction, cancellationToken: cancellationToken));
        }

        foreach (var measure in catalog.Measures)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO dim_massnahme (massnahme_code, plan_jahr, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, leitsaetze, aufwand_eur, aufwand_text)
                VALUES (@Code, @year, @Title, @OrgUnit, @PolicyArea, @TargetGroup, @FocalTheme, @principles, @cost, @CostText)
                ON CONFLICT (massnahme_code) DO UPDATE SET
                    plan_jahr = excluded.plan_jahr, titel = excluded.titel, organisationseinheit = excluded.organisationseinheit,
                    handlungsfeld = excluded.handlungsfeld, zielgruppe = excluded.zielgruppe, schwerpunktthema = excluded.schwerpunktthema,
                    leitsaetze = excluded.leitsaetze, aufwand_eur = excluded.aufwand_eur, aufwand_text = excluded.aufwand_text
                """,
                new
                {
                    measure.Code, year = catalog.Year, measure.Title, measure.OrgUnit, measure.PolicyArea, measure.TargetGroup,
                    measure.FocalTheme, principles = string.Join("\n", measure.GuidingPrinciples), cost = Number(measure.CostEurosPerYear), measure.CostText,
                },
                transaction, cancellationToken: cancellationToken));
        }

        foreach (var indicator in catalog.Indicators)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO dim_indikator (indikator_code, massnahme_code, bezeichnung, einheit, art, richtung, eltern_indikator_code, nachrichtlich, datenquelle)
                VALUES (@Code, @MeasureCode, @Name, @Unit, @kind, @direction, @ParentCode, @Informational, @DataSource)
                ON CONFLICT (indikator_code) DO UPDATE SET
                    massnahme_code = excluded.massnahme_code, bezeichnung = excluded.bezeichnung, einheit = excluded.einheit,
                    art = excluded.art, richtung = excluded.richtung, eltern_indikator_code = excluded.eltern_indikator_code,
                    nachrichtlich = excluded.nachrichtlich, datenquelle = excluded.datenquelle
                """,
                new
                {
                    indicator.Code, indicator.MeasureCode, indicator.Name, indicator.Unit, kind = CatalogWords.Kind(indicator.Kind),
                    direction = CatalogWords.Direction(indicator.HigherIsBetter), indicator.ParentCode, indicator.Informational, indicator.DataSource,
                },
                transaction, cancellationToken: cancellationToken));

            foreach (var target in indicator.Targets)
            {
                changed |= await SyncTargetAsync(connection, transaction, catalog.Year, indicator, target, now, cancellationToken);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM dim_bereich_menge", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var set in areas.Areas.Where(a => a.Members.Count > 0))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO dim_bereich_menge (menge_code, bereich_code, position) VALUES (@set, @member, @position)",
                set.Members.Select((member, i) => new { set = set.Code, member, position = i + 1 }), transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static async Task<bool> SyncTargetAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, int year, Indicator of, Target target, string now, CancellationToken cancellationToken)
    {
        var row = new DynamicParameters(new
        {
            indicator = of.Code, year, area = target.AreaCode, comparator = CatalogWords.Comparator(target.Comparator), value = Number(target.Value),
            baseline = Number(target.Baseline), deadline = target.Deadline is { } d ? Date(d) : null,
            from = Date(target.Period.FirstMonth), to = Date(target.Period.LastMonth), wording = target.Wording, now,
        });
        row.AddDynamicParams(TargetSemantics.Of(of, target));
        // A target that changed closes its current version and opens a new one; an unchanged one is left alone.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE fact_zielwert SET gueltig_bis = @now
            WHERE indikator_code = @indicator AND plan_jahr = @year AND bereich_code = @area AND gueltig_bis IS NULL
              AND NOT (vergleich = @comparator AND wert IS @value AND basis IS @baseline AND stichtag IS @deadline
                       AND periode_von = @from AND periode_bis = @to AND wortlaut = @wording
                       AND zeitraum_art IS @PeriodKind AND ziel_einheit IS @TargetUnit AND stichtag_herkunft IS @DeadlineOrigin
                       AND basis_herkunft IS @BaselineOrigin AND basis_einheit IS @BaselineUnit AND basis_wortlaut IS @BaselineWording)
            """,
            row, transaction, cancellationToken: cancellationToken));
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO fact_zielwert (indikator_code, plan_jahr, bereich_code, vergleich, wert, basis, stichtag, periode_von, periode_bis, wortlaut, gueltig_ab,
                                       zeitraum_art, ziel_einheit, stichtag_herkunft, basis_herkunft, basis_einheit, basis_wortlaut)
            SELECT @indicator, @year, @area, @comparator, @value, @baseline, @deadline, @from, @to, @wording, @now,
                   @PeriodKind, @TargetUnit, @DeadlineOrigin, @BaselineOrigin, @BaselineUnit, @BaselineWording
            WHERE NOT EXISTS (SELECT 1 FROM fact_zielwert WHERE indikator_code = @indicator AND plan_jahr = @year AND bereich_code = @area AND gueltig_bis IS NULL)
            """,
            row, transaction, cancellationToken: cancellationToken));
        return inserted > 0;
    }
}
