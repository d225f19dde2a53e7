using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;

namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>A provider's dialect is its one class of statements, read by name: what it lacks is refused at once.</summary>
public sealed class WarehouseStatementsSpecs
{
    [Fact]
    public void A_dialect_that_lacks_statements_is_refused_naming_them()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WarehouseStatements(typeof(HalfADialect)));

        Assert.StartsWith("HalfADialect fehlen Anweisungen: Claim, SourceHasCurrentValues, Supersede,", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LockScope", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PrepareRecomputation", error.Message, StringComparison.Ordinal);
        // Neither way of keeping the latest attainment (one indicator, or a list in one statement), nor of the per-value
        // merge (in steps, or in one statement): named as missing.
        Assert.EndsWith(", StoreLatestAttainment, KeepLateValues, SupersedeContained.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dialect_that_merges_per_value_in_one_statement_needs_none_of_the_steps()
    {
        // PostgreSQL's dialect has the one statement and neither step.
        var statements = new WarehouseStatements(typeof(PostgresSql));

        Assert.Equal(PostgresSql.MergePerValue, statements.MergePerValue);
        Assert.Null(statements.KeepLateValues);
        Assert.Null(statements.SupersedeContained);
    }

    [Fact]
    public void Optional_statements_a_dialect_has_not_are_none_and_the_ones_it_has_are_its_text()
    {
        var statements = new WarehouseStatements(typeof(AllButTheOptional));

        Assert.Null(statements.LockScope);
        Assert.Null(statements.LockAttainment);
        Assert.Null(statements.PrepareRecomputation);
        Assert.Equal("-- Claim", statements.Claim);
        Assert.Equal("-- AppendSuppressedHint", statements.AppendSuppressedHint);
    }

    private static class HalfADialect
    {
        public const string LockScope = "-- LockScope";
    }

    /// <summary>Every required statement, its text its own name.</summary>
    private static class AllButTheOptional
    {
        public const string Claim = "-- Claim";
        public const string SourceHasCurrentValues = "-- SourceHasCurrentValues";
        public const string KeepLateValues = "-- KeepLateValues";
        public const string DropLateValues = "-- DropLateValues";
        public const string SupersedeContained = "-- SupersedeContained";
        public const string Supersede = "-- Supersede";
        public const string InsertNew = "-- InsertNew";
        public const string ChangedIndicators = "-- ChangedIndicators";
        public const string ClearStaging = "-- ClearStaging";
        public const string RecordFileMonth = "-- RecordFileMonth";
        public const string Complete = "-- Complete";
        public const string RecordUnloaded = "-- RecordUnloaded";
        public const string InsertNormalisation = "-- InsertNormalisation";
        public const string InsertPendingAttainment = "-- InsertPendingAttainment";
        public const string InsertPendingReport = "-- InsertPendingReport";
        public const string PendingAttainment = "-- PendingAttainment";
        public const string ClearPendingAttainment = "-- ClearPendingAttainment";
        public const string PendingStewardReports = "-- PendingStewardReports";
        public const string StewardReportWritten = "-- StewardReportWritten";
        public const string OrderConfidentiality = "-- OrderConfidentiality";
        public const string AssessConfidentiality = "-- AssessConfidentiality";
        public const string Provenance = "-- Provenance";
        public const string AreaProvenance = "-- AreaProvenance";
        public const string CatalogState = "-- CatalogState";
        public const string ClearCatalogState = "-- ClearCatalogState";
        public const string RecordCatalogState = "-- RecordCatalogState";
        public const string StoreLatestAttainment = "-- StoreLatestAttainment";
        public const string LatestAttainmentIndicators = "-- LatestAttainmentIndicators";
        public const string VerdictCatalog = "-- VerdictCatalog";
        public const string ConsistencyFindingsExcerpt = "-- ConsistencyFindingsExcerpt";
        public const string UpsertArea = "-- UpsertArea";
        public const string UpsertMeasure = "-- UpsertMeasure";
        public const string UpsertIndicator = "-- UpsertIndicator";
        public const string CloseChangedTarget = "-- CloseChangedTarget";
        public const string InsertTarget = "-- InsertTarget";
        public const string ClearAreaSets = "-- ClearAreaSets";
        public const string InsertAreaSetMember = "-- InsertAreaSetMember";
        public const string MonthlyActuals = "-- MonthlyActuals";
        public const string ActualAreas = "-- ActualAreas";
        public const string StoredAttainment = "-- StoredAttainment";
        public const string DeleteAttainmentFigures = "-- DeleteAttainmentFigures";
        public const string RecordAttainmentComputed = "-- RecordAttainmentComputed";
        public const string HiddenCells = "-- HiddenCells";
        public const string LatestAttainment = "-- LatestAttainment";
        public const string AttainmentSeries = "-- AttainmentSeries";
        public const string RecentLoads = "-- RecentLoads";
        public const string RejectedRows = "-- RejectedRows";
        public const string Decide = "-- Decide";
        public const string MonthDeliveries = "-- MonthDeliveries";
        public const string ClearDeliveryStatus = "-- ClearDeliveryStatus";
        public const string InsertDeliveryStatus = "-- InsertDeliveryStatus";
        public const string ObservationHistory = "-- ObservationHistory";
        public const string CurrentValues = "-- CurrentValues";
        public const string DecisionHistory = "-- DecisionHistory";
        public const string TargetHistory = "-- TargetHistory";
        public const string OpenRejectShares = "-- OpenRejectShares";
        public const string ClearStatusHints = "-- ClearStatusHints";
        public const string SetStatusHint = "-- SetStatusHint";
        public const string AppendSuppressedHint = "-- AppendSuppressedHint";
        public const string HintsDue = "-- HintsDue";
        public const string InsertHintsDue = "-- InsertHintsDue";
        public const string ClearHintsDue = "-- ClearHintsDue";
        public const string WrittenHints = "-- WrittenHints";
        public const string ClearWrittenHints = "-- ClearWrittenHints";
        public const string InsertWrittenHint = "-- InsertWrittenHint";
        public const string ChangedCells = "-- ChangedCells";
        public const string ClearCurrentCell = "-- ClearCurrentCell";
        public const string RecordCurrentCell = "-- RecordCurrentCell";
        public const string RecordDeliveredCell = "-- RecordDeliveredCell";
        public const string InsertPendingConsistency = "-- InsertPendingConsistency";
        public const string PendingConsistency = "-- PendingConsistency";
        public const string ClearPendingConsistency = "-- ClearPendingConsistency";
        public const string ConsistencyState = "-- ConsistencyState";
        public const string ClearConsistencyState = "-- ClearConsistencyState";
        public const string RecordConsistencyState = "-- RecordConsistencyState";
        public const string ClearConsistencyFindings = "-- ClearConsistencyFindings";
        public const string ClearConsistencyFindingsOfMonth = "-- ClearConsistencyFindingsOfMonth";
        public const string InsertConsistencyFinding = "-- InsertConsistencyFinding";
        public const string ConsistencyFindings = "-- ConsistencyFindings";
    }
}
