using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.Rekom;

/// <summary>Why a REKOM participant row is rejected. Field-level codes shared with other CSV sources are in <see cref="Csv.CsvReasons"/>.</summary>
public static class RekomReasons
{
    /// <summary>The project code is not one of the pipeline's projects.</summary>
    public static ReasonCode UnknownProject { get; } = new("PROJEKTCODE_UNBEKANNT", "Der Projektcode ist in der Pipeline-Definition nicht bekannt.");

    /// <summary>The destination code is not one the contract lists.</summary>
    public static ReasonCode UnknownDestination { get; } = new("VERBLEIB_UNBEKANNT", "Der Verbleib-Code ist nicht vereinbart.");

    /// <summary>The school type is not one the contract lists, or is empty where the project's count depends on it.</summary>
    public static ReasonCode UnknownSchoolType { get; } = new("SCHULFORM_UNBEKANNT", "Die Schulform fehlt oder ist nicht vereinbart.");

    /// <summary>The exit date lies before the entry date.</summary>
    public static ReasonCode ExitBeforeEntry { get; } = new("AUSTRITT_VOR_EINTRITT", "Der Austritt liegt vor dem Eintritt.");

    /// <summary>A destination is documented for a participant without an exit date.</summary>
    public static ReasonCode DestinationWithoutExit { get; } = new("VERBLEIB_OHNE_AUSTRITT", "Ein Verbleib ist eingetragen, aber kein Austritt.");

    /// <summary>Destination and its date come together: one of them is missing.</summary>
    public static ReasonCode DestinationIncomplete { get; } = new("VERBLEIB_UNVOLLSTAENDIG", "Verbleib und Verbleib_Datum sind nur zusammen gültig.");

    /// <summary>The same participant appears twice in one project; the row with the later Verbleib_Datum counts, this one does not.</summary>
    public static ReasonCode DuplicateParticipant { get; } = new("TEILNAHME_DOPPELT", "Die Teilnahme steht mehrfach im Export; gezählt wird nur die Zeile mit dem späteren Verbleib_Datum.");
}
