using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Sources.Meldebogen;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Synthetic.Meldebogen;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>samples</c>: writes the generated sample extracts (KAF workbooks, BA tables and special evaluations, the filled
/// Meldebogen) from the figures in src/Bielefeld.Etl.Synthetic. The shipped samples under samples/inbox are its output;
/// the small REKOM, Prosoz and Einwohnermeldeamt samples are written by hand, and the two legacy <c>.xls</c> samples
/// (KAF THEO, BA May 2017) are committed files: no maintained library writes Excel 97–2003.
/// </summary>
public sealed class SamplesCommand : EtlCommand<SamplesSettings>
{
    /// <inheritdoc />
    protected override Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, SamplesSettings settings, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(settings.Out);
        var written = new List<string>();
        written.AddRange(KafSampleSet.WriteTo(Path.Combine(root, "kaf")));
        written.AddRange(BaSampleSet.WriteTo(Path.Combine(root, "ba-statistik")));
        var meldebogen = run.Pipelines.Single(p => p.Reader == MeldebogenReader.Name);
        var mapping = MeldebogenMapping.Read(meldebogen, run.Catalog);
        written.Add(MeldebogenSampleSet.WriteTo(Path.Combine(root, meldebogen.Inbox), run.Catalog, run.Areas, mapping));
        foreach (var file in written)
        {
            AnsiConsole.MarkupLine(Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, file)));
        }

        AnsiConsole.MarkupLine("KAF_THEO_2017.xls und BA_AMR_05711_201705.xls (Excel 97–2003) werden nicht neu geschrieben: sie liegen eingecheckt in samples/inbox.");

        return Task.FromResult(0);
    }
}
