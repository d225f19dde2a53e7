using Bielefeld.Etl.Deliveries;

namespace Bielefeld.Etl.Definitions.Pipelines;

/// <summary>
/// The optional <c>lieferkalender:</c> section of a pipeline file: how often the source delivers and by when.
/// <code>
/// lieferkalender:
///   rhythmus: monatlich     # monatlich | quartalsweise | jaehrlich
///   monate_danach: 2        # due in the second month after the data month ...
///   arbeitstag: 10          # ... on its 10th working day (Mon–Fri without NRW holidays); or `tag: 5` for a calendar day
/// </code>
/// </summary>
internal sealed class DeliveryCalendarSection
{
    public string Rhythmus { get; set; } = "";

    public int MonateDanach { get; set; } = 1;

    public int? Arbeitstag { get; set; }

    public int? Tag { get; set; }

    public DeliveryCalendar ToCalendar(string path)
    {
        var rhythm = Rhythmus switch
        {
            "monatlich" => DeliveryRhythm.Monthly,
            "quartalsweise" => DeliveryRhythm.Quarterly,
            "jaehrlich" => DeliveryRhythm.Yearly,
            _ => throw new PipelineDefinitionException(
                $"{path}, Abschnitt 'lieferkalender': rhythmus muss monatlich, quartalsweise oder jaehrlich sein (ist: '{Rhythmus}')."),
        };
        if ((Arbeitstag is null) == (Tag is null) || Arbeitstag is < 1 or > 23 || Tag is < 1 or > 31 || MonateDanach is < 0 or > 24)
        {
            throw new PipelineDefinitionException(
                $"{path}, Abschnitt 'lieferkalender': genau eines von arbeitstag (1–23) oder tag (1–31) angeben, monate_danach 0–24.");
        }

        return new DeliveryCalendar(rhythm, MonateDanach, Arbeitstag, Tag);
    }
}
