namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// Something the importer noticed and a reviewer should look at: a difference between the table of contents and the body,
/// an assumption it had to make, a target it could not type. The catalog is still written; findings say where to look.
/// </summary>
/// <param name="Code">The measure or indicator code the finding is about.</param>
/// <param name="Message">One German sentence for the reviewer.</param>
public sealed record ImportFinding(string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
