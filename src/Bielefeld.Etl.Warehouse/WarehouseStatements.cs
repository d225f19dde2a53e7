using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// A provider's dialect: every statement the engine (<see cref="WarehouseProvider"/>, <see cref="StatementWarehouse"/>) issues, in the provider's SQL.
/// Each provider fills it from its one class of statements (<c>SqliteSql</c>, <c>PostgresSql</c>, <c>SqlServerSql</c>),
/// so that a test can check every statement a provider can issue. Parameter names are the engine's and the same in
/// every dialect; a statement may ignore one it does not need (only SQL Server names its scope lock by <c>@resource</c>).
/// </summary>
public sealed class WarehouseStatements
{
    private readonly Dictionary<string, string> _texts;

    /// <summary>
    /// The dialect whose statements are the <c>const string</c> fields of <paramref name="statements"/> named like the
    /// properties here: a provider keeps its SQL in one class, and a statement it lacks fails when it is created.
    /// </summary>
    /// <exception cref="InvalidOperationException">A required statement is missing; the message names it.</exception>
    public WarehouseStatements([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields)] Type statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        _texts = statements.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
        var nullability = new NullabilityInfoContext();
        var missing = typeof(WarehouseStatements).GetProperties()
            .Where(p => nullability.Create(p).ReadState == NullabilityState.NotNull && !_texts.ContainsKey(p.Name))
            .Select(p => p.Name)
            .ToList();
        if (!_texts.ContainsKey(nameof(StoreLatestAttainment)) && !_texts.ContainsKey(nameof(StoreLatestAttainmentOfIndicators)))
        {
            missing.Add(nameof(StoreLatestAttainment));
        }

        if (!_texts.ContainsKey(nameof(MergePerValue)))
        {
            missing.AddRange(new[] { nameof(KeepLateValues), nameof(SupersedeContained) }.Where(n => !_texts.ContainsKey(n)));
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{statements.Name} fehlen Anweisungen: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Inserts the file's protocol row and returns its id; no row (or a duplicate key) when the bytes are loaded.</summary>
    public string Claim => Text();

    /// <summary>Takes the lock of a delivery scope (<c>@Source</c>, <c>@SeriesKey</c>, <c>@resource</c>) for the transaction; none where the database's write lock serialises loads (SQLite).</summary>
    public string? LockScope => _texts.GetValueOrDefault(nameof(LockScope));

    /// <summary>Whether the fact holds no row at all, current or superseded (true, or a non-zero number); none where no index is deferred.</summary>
    public string? FactIsEmpty => _texts.GetValueOrDefault(nameof(FactIsEmpty));

    /// <summary>
    /// The fact's indexes as the schema defines them, each as the statement that drops it and the one that builds it
    /// again (<c>Drop</c>, <c>Create</c>): what a first load into an empty fact builds after its rows; none where the
    /// indexes are kept row by row (SQL Server).
    /// </summary>
    public string? FactIndexes => _texts.GetValueOrDefault(nameof(FactIndexes));

    /// <summary>
    /// Where writers run beside each other: claims the deferral of the fact's indexes for this load without waiting (true
    /// when claimed), so that two first loads never wait for each other's lock of the fact.
    /// </summary>
    public string? ClaimFirstLoad => _texts.GetValueOrDefault(nameof(ClaimFirstLoad));

    /// <summary>Where writers run beside each other: locks the fact against every other reader and writer until the load ends.</summary>
    public string? LockEmptyFact => _texts.GetValueOrDefault(nameof(LockEmptyFact));

    /// <summary>Run before the deferred indexes are built, in the load's transaction (memory for the sorts); none where nothing is needed.</summary>
    public string? PrepareIndexBuild => _texts.GetValueOrDefault(nameof(PrepareIndexBuild));

    /// <summary>Run after the deferred indexes are built, in the load's transaction (the planner's statistics of the loaded rows); none where nothing is needed.</summary>
    public string? AnalyzeFact => _texts.GetValueOrDefault(nameof(AnalyzeFact));

    /// <summary>Whether any value of <c>@Source</c> is current (true, or a non-zero number).</summary>
    public string SourceHasCurrentValues => Text();

    /// <summary>
    /// The whole merge of a per-value delivery in one statement, one pass over the staged file, where the dialect can
    /// write several tables in one statement (PostgreSQL): keeps late values in history, supersedes what the file
    /// changes and inserts what it changes or adds. A dialect with it needs neither <see cref="KeepLateValues"/>, nor
    /// <see cref="SupersedeContained"/>, and its <see cref="InsertNew"/> serves whole-period deliveries only.
    /// </summary>
    public string? MergePerValue => _texts.GetValueOrDefault(nameof(MergePerValue));

    /// <summary>
    /// The merge of a per-value delivery in steps, in order: keep late values, drop them from staging, supersede
    /// contained values, then <see cref="InsertNew"/>; required where there is no <see cref="MergePerValue"/>.
    /// </summary>
    public string? KeepLateValues => _texts.GetValueOrDefault(nameof(KeepLateValues));

    /// <summary>
    /// Drops the late values from staging; none in a dialect whose <see cref="KeepLateValues"/> settles them itself, in the
    /// same pass over the staged file (SQLite notes them), or that merges in one statement.
    /// </summary>
    public string? DropLateValues => _texts.GetValueOrDefault(nameof(DropLateValues));

    /// <inheritdoc cref="KeepLateValues"/>
    public string? SupersedeContained => _texts.GetValueOrDefault(nameof(SupersedeContained));

    /// <summary>The merge of a whole-period delivery: supersedes what the file replaces.</summary>
    public string Supersede => Text();

    /// <summary>The merge's last steps: insert what is new, name the changed indicators, clear the file's staging rows.</summary>
    public string InsertNew => Text();

    /// <inheritdoc cref="InsertNew"/>
    public string ChangedIndicators => Text();

    /// <inheritdoc cref="InsertNew"/>
    public string ClearStaging => Text();

    /// <summary>One month the file covers (<c>load_file_monat</c>).</summary>
    public string RecordFileMonth => Text();

    /// <summary>Row conservation and the end of the load.</summary>
    public string Complete => Text();

    /// <summary>A refused or failed file, once per fingerprint and reason.</summary>
    public string RecordUnloaded => Text();

    /// <summary>One normalisation the reader made (<c>load_normalisierung</c>).</summary>
    public string InsertNormalisation => Text();

    /// <summary>The follow-up a load leaves: indicators to recompute (their cells hidden until then), a steward report.</summary>
    public string InsertPendingAttainment => Text();

    /// <inheritdoc cref="InsertPendingAttainment"/>
    public string InsertPendingReport => Text();

    /// <summary>The indicators waiting for recomputation, and the statement that takes one (<c>@indicator</c>) off the queue.</summary>
    public string PendingAttainment => Text();

    /// <inheritdoc cref="PendingAttainment"/>
    public string ClearPendingAttainment => Text();

    /// <summary>The files whose steward report is not yet written, and the statement that marks one written.</summary>
    public string PendingStewardReports => Text();

    /// <inheritdoc cref="PendingStewardReports"/>
    public string StewardReportWritten => Text();

    /// <summary>The cell suppression is assessed again for the ordered indicators: order, then assess all ordered.</summary>
    public string OrderConfidentiality => Text();

    /// <inheritdoc cref="OrderConfidentiality"/>
    public string AssessConfidentiality => Text();

    /// <summary>Where each figure of an indicator (<c>@indicator</c>) came from, dates as text.</summary>
    public string Provenance => Text();

    /// <summary>The files behind every figure of an area (<c>@areaCode</c>), dates as text.</summary>
    public string AreaProvenance => Text();

    /// <summary>The catalog: areas, measures, indicators, target versions and sets of areas.</summary>
    public string UpsertArea => Text();

    /// <inheritdoc cref="UpsertArea"/>
    public string UpsertMeasure => Text();

    /// <inheritdoc cref="UpsertArea"/>
    public string UpsertIndicator => Text();

    /// <inheritdoc cref="UpsertArea"/>
    public string CloseChangedTarget => Text();

    /// <inheritdoc cref="UpsertArea"/>
    public string InsertTarget => Text();

    /// <inheritdoc cref="UpsertArea"/>
    public string ClearAreaSets => Text();

    /// <inheritdoc cref="UpsertArea"/>
    public string InsertAreaSetMember => Text();

    /// <summary>The fingerprint of the catalog last synced (<c>katalog_stand</c>): read, cleared, recorded (<c>@fingerprint</c>).</summary>
    public string CatalogState => Text();

    /// <inheritdoc cref="CatalogState"/>
    public string ClearCatalogState => Text();

    /// <inheritdoc cref="CatalogState"/>
    public string RecordCatalogState => Text();

    /// <summary>Recomputations (and status hints) run one after the other, so none overwrites newer figures with older ones; none where the write lock does it.</summary>
    public string? LockAttainment => _texts.GetValueOrDefault(nameof(LockAttainment));

    /// <summary>
    /// Loads record the files with current values per cell one after the other (from there to their commit), so that the
    /// last to commit derives each cell from every committed value; none where the write lock does it.
    /// </summary>
    public string? LockCurrentCells => _texts.GetValueOrDefault(nameof(LockCurrentCells));

    /// <summary>An indicator's monthly actuals summed over series, per area, ordered by area and month.</summary>
    public string MonthlyActuals => Text();

    /// <summary>
    /// The monthly actuals of the indicators <c>@indicators</c> (a list as the provider binds it), ordered by indicator,
    /// area and month; none where one read per indicator costs no round trip (an embedded database).
    /// </summary>
    public string? MonthlyActualsOfIndicators => _texts.GetValueOrDefault(nameof(MonthlyActualsOfIndicators));

    /// <summary>Per indicator of <c>@indicators</c> (a list as the provider binds it) the areas with any current value (Indicator, Area).</summary>
    public string ActualAreas => Text();

    /// <summary>
    /// The stored attainment figures of one indicator (<c>@indicator</c>): <c>Month</c>, <c>Area</c> and the computed
    /// columns (<c>Actual</c>, <c>Target</c>, <c>Path</c>, <c>Degree</c>, <c>Status</c>, <c>Projection</c>, <c>Suppressed</c>,
    /// <c>Met</c>, <c>Baseline</c>, <c>BaselineMonth</c>, <c>TargetArea</c>): what a recomputation compares its figures with.
    /// </summary>
    public string StoredAttainment => Text();

    /// <summary>
    /// Deletes the figures of <c>@indicator</c> whose keys are given as two lists of the same length (as the provider binds
    /// them): <c>@months</c> (yyyy-MM-dd) and <c>@areas</c>.
    /// </summary>
    public string DeleteAttainmentFigures => Text();

    /// <summary>
    /// Records that the indicators <c>@indicators</c> (a list as the provider binds it) were recomputed at <c>@computed</c>
    /// (<c>zielerreichung_stand</c>, what rpt.zielerreichung shows as <c>berechnet_um</c>).
    /// </summary>
    public string RecordAttainmentComputed => Text();

    /// <summary>The hidden cells of <c>@indicators</c> (a list as the provider binds it): Indicator, Area, Month as text, ordered.</summary>
    public string HiddenCells => Text();

    /// <summary>Run first in a recomputation's transaction (settings for its reads and the assessment); none where nothing is needed.</summary>
    public string? PrepareRecomputation => _texts.GetValueOrDefault(nameof(PrepareRecomputation));

    /// <summary>The attainment reads: the latest month with an actual, and one area's series.</summary>
    public string LatestAttainment => Text();

    /// <inheritdoc cref="LatestAttainment"/>
    public string AttainmentSeries => Text();

    /// <summary>
    /// Keeps the latest attainment of one indicator (<c>@indicator</c>) as the attainment view publishes it, in
    /// <c>zielerreichung_letzte</c>: what <see cref="LatestAttainment"/> reads. Kept for the indicators whose view output a
    /// recomputation changed, and for all of them (<see cref="LatestAttainmentIndicators"/>) when the views or their inputs from the catalog changed.
    /// None in a dialect that has <see cref="StoreLatestAttainmentOfIndicators"/>; a dialect needs one of the two.
    /// </summary>
    public string? StoreLatestAttainment => _texts.GetValueOrDefault(nameof(StoreLatestAttainment));

    /// <summary>
    /// <see cref="StoreLatestAttainment"/> for the indicators <c>@indicators</c> (a list as the provider binds it) in one
    /// statement; none where the list does not reach the view's scan (SQLite pushes only an equality into its windows).
    /// </summary>
    public string? StoreLatestAttainmentOfIndicators => _texts.GetValueOrDefault(nameof(StoreLatestAttainmentOfIndicators));

    /// <inheritdoc cref="StoreLatestAttainment"/>
    public string LatestAttainmentIndicators => Text();

    /// <summary>
    /// What the attainment view's verdicts take from the catalog (<c>Kind</c>, <c>Code</c>, <c>Value</c>): each indicator's
    /// kind, each area's level, each set's members. When a catalog sync changes them, the kept latest attainment is taken again.
    /// </summary>
    public string VerdictCatalog => Text();

    /// <summary>The load protocol and the rejected rows.</summary>
    public string RecentLoads => Text();

    /// <inheritdoc cref="RecentLoads"/>
    public string RejectedRows => Text();

    /// <summary>Stewardship: decisions on rejected rows, the delivery calendar, history and status hints.</summary>
    public string Decide => Text();

    /// <inheritdoc cref="Decide"/>
    public string MonthDeliveries => Text();

    /// <inheritdoc cref="Decide"/>
    public string ClearDeliveryStatus => Text();

    /// <inheritdoc cref="Decide"/>
    public string InsertDeliveryStatus => Text();

    /// <inheritdoc cref="Decide"/>
    public string ObservationHistory => Text();

    /// <inheritdoc cref="Decide"/>
    public string CurrentValues => Text();

    /// <inheritdoc cref="Decide"/>
    public string DecisionHistory => Text();

    /// <inheritdoc cref="Decide"/>
    public string TargetHistory => Text();

    /// <inheritdoc cref="Decide"/>
    public string OpenRejectShares => Text();

    /// <summary>
    /// The status hints of one indicator (<c>@indicator</c>): cleared, set from a month on (<c>@from</c> as text,
    /// <c>@text</c>), the suppressed hint appended (<c>@suppressedHint</c>).
    /// </summary>
    public string ClearStatusHints => Text();

    /// <inheritdoc cref="ClearStatusHints"/>
    public string SetStatusHint => Text();

    /// <inheritdoc cref="ClearStatusHints"/>
    public string AppendSuppressedHint => Text();

    /// <summary>The indicators whose figures a recomputation wrote since their hints were last written; marked in its transaction.</summary>
    public string HintsDue => Text();

    /// <inheritdoc cref="HintsDue"/>
    public string InsertHintsDue => Text();

    /// <inheritdoc cref="HintsDue"/>
    public string ClearHintsDue => Text();

    /// <summary>The hints last written per indicator (<c>IndicatorCode</c>, <c>FromMonth</c> as text, <c>Text</c>).</summary>
    public string WrittenHints => Text();

    /// <inheritdoc cref="WrittenHints"/>
    public string ClearWrittenHints => Text();

    /// <inheritdoc cref="WrittenHints"/>
    public string InsertWrittenHint => Text();

    /// <summary>
    /// What a check needs about the current values, kept in the load's transaction (<see cref="WarehouseProvider"/>,
    /// "ChangedCells"): the cells (<c>IndicatorCode</c>, <c>Month</c> as yyyy-MM-dd) whose values the load <c>@fileId</c>
    /// wrote or superseded.
    /// </summary>
    public string ChangedCells => Text();

    /// <summary>The files with current values in a cell (<c>@indicator</c>, <c>@month</c> as text): cleared, then read again from the fact.</summary>
    public string ClearCurrentCell => Text();

    /// <inheritdoc cref="ClearCurrentCell"/>
    public string RecordCurrentCell => Text();

    /// <summary>A cell a first load of its source delivered (<c>@indicator</c>, <c>@month</c>, <c>@fileId</c>, <c>@source</c>): nothing else in it changed.</summary>
    public string RecordDeliveredCell => Text();

    /// <summary>The consistency check's work and result: cells a load changed that the check has not read since (<c>@fileId</c>, <c>@indicator</c>, <c>@month</c>).</summary>
    public string InsertPendingConsistency => Text();

    /// <inheritdoc cref="InsertPendingConsistency"/>
    public string PendingConsistency => Text();

    /// <inheritdoc cref="InsertPendingConsistency"/>
    public string ClearPendingConsistency => Text();

    /// <summary>The fingerprint of the rules the stored findings were checked with (<c>@rules</c>).</summary>
    public string ConsistencyState => Text();

    /// <inheritdoc cref="ConsistencyState"/>
    public string ClearConsistencyState => Text();

    /// <inheritdoc cref="ConsistencyState"/>
    public string RecordConsistencyState => Text();

    /// <summary>The stored findings: all, one month's (<c>@month</c>), one finding (<c>@month</c>, <c>@nr</c>, <c>@indicator</c>, <c>@area</c>, <c>@text</c>), the read.</summary>
    public string ClearConsistencyFindings => Text();

    /// <inheritdoc cref="ClearConsistencyFindings"/>
    public string ClearConsistencyFindingsOfMonth => Text();

    /// <inheritdoc cref="ClearConsistencyFindings"/>
    public string InsertConsistencyFinding => Text();

    /// <inheritdoc cref="ClearConsistencyFindings"/>
    public string ConsistencyFindings => Text();

    /// <summary>
    /// Of each indicator's stored findings the first <c>@first</c> in the check's order (month, then number), each with the
    /// indicator's number of findings (<c>Findings</c>): what a run shows and flags, without reading every finding back.
    /// </summary>
    public string ConsistencyFindingsExcerpt => Text();

    private string Text([CallerMemberName] string name = "") => _texts[name];
}
