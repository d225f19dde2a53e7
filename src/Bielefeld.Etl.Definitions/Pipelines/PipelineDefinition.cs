namespace Bielefeld.Etl.Definitions.Pipelines;

/// <summary>
/// One <c>pipelines/&lt;name&gt;.yml</c>: which inbox folder a source's files arrive in, which reader reads them, and
/// when the scheduler runs it. The reader's own mapping section is read by the reader (see <see cref="ReadSection{T}"/>).
/// </summary>
public sealed class PipelineDefinition
{
    internal PipelineDefinition(string path, PipelineDocument document, PipelineHeader header)
    {
        FilePath = path;
        Document = document;
        Name = header.Name;
        Source = header.Source;
        Reader = header.Reader;
        Inbox = header.Inbox ?? header.Name;
        Files = header.Files ?? "*";
        Schedule = header.Schedule;
        DeliveryCalendar = header.Lieferkalender?.ToCalendar(path);
        MaxRejectedShare = header.AbweisungMaxAnteil;
    }

    /// <summary>The pipeline's name (<c>kaf</c>), also the source name in load records.</summary>
    public string Name { get; }

    /// <summary>The delivering system's name for people (<c>KAF-Projektcontrolling</c>).</summary>
    public string Source { get; }

    /// <summary>The reader that understands the files (<c>kaf-workbook</c>).</summary>
    public string Reader { get; }

    /// <summary>The folder below the inbox root where the files arrive.</summary>
    public string Inbox { get; }

    /// <summary>The file name pattern (<c>KAF_*_*.xls*</c>).</summary>
    public string Files { get; }

    /// <summary>The cron expression for the scheduler (Europe/Berlin), if the pipeline is scheduled.</summary>
    public string? Schedule { get; }

    /// <summary>When the source's data is due (the <c>lieferkalender:</c> section); null when the pipeline has none.</summary>
    public Deliveries.DeliveryCalendar? DeliveryCalendar { get; }

    /// <summary>
    /// The largest share of rejected rows among a file's data rows (loaded + rejected; skipped rows do not count) that
    /// still loads the file (<c>abweisung_max_anteil</c>, 0 to 1); above it the file is refused as a whole. Null: no limit.
    /// </summary>
    public double? MaxRejectedShare { get; }

    /// <summary>The file the definition was read from, for messages.</summary>
    public string FilePath { get; }

    private PipelineDocument Document { get; }

    /// <summary>Reads the reader-specific section <paramref name="key"/> into <typeparamref name="T"/>.</summary>
    /// <exception cref="PipelineDefinitionException">The section is missing or malformed.</exception>
    public T ReadSection<T>(string key)
        where T : class, new() => Document.ReadSection<T>(key);

    /// <summary>
    /// Refuses a top-level key that neither the common keys nor the reader's section account for, so a misspelt
    /// <c>schedul:</c> stops the pipeline instead of leaving it silently unscheduled. Called once the reader has read its section.
    /// </summary>
    /// <exception cref="PipelineDefinitionException">The file has a key nothing reads; the message names file, line and column.</exception>
    public void RefuseUnreadKeys() => Document.RefuseUnreadKeys(PipelineFiles.HeaderKeys);
}

/// <summary>The keys every pipeline file has, whatever its reader.</summary>
internal sealed class PipelineHeader
{
    public string Name { get; set; } = "";

    public string Source { get; set; } = "";

    public string Reader { get; set; } = "";

    public string? Inbox { get; set; }

    public string? Files { get; set; }

    public string? Schedule { get; set; }

    public DeliveryCalendarSection? Lieferkalender { get; set; }

    public double? AbweisungMaxAnteil { get; set; }
}
