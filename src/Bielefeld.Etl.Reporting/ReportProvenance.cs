using Bielefeld.Etl.Definitions.Catalog.Import;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Reporting;

/// <summary>What the report's section "Herkunft der Zahlen" needs beside the catalog (<see cref="ProvenanceSection"/>).</summary>
/// <param name="AreaCode">The area the report shows: its targets are the ones explained (its own, or its set's).</param>
/// <param name="CatalogFolder">The catalog directory, to name the file each target stands in.</param>
/// <param name="Corrections">The reviewers' decisions (<c>korrekturen.yml</c>) with their reasons.</param>
/// <param name="Files">
/// The files behind the area's figures: today's (<see cref="WarehouseProvider.AreaProvenanceAsync"/>), or for a day
/// reproduced with <c>--as-of</c> those known at its end (<see cref="AttainmentAsOf.Files"/>).
/// </param>
/// <param name="AsOf">The day a reproduced report shows; null for today's.</param>
public sealed record ReportProvenance(
    string AreaCode, string CatalogFolder, IReadOnlyList<CatalogCorrection> Corrections, IReadOnlyList<ProvenanceRow> Files, DateOnly? AsOf = null);
