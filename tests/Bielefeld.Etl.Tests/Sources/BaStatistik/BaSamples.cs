using Bielefeld.Etl.Synthetic.BaStatistik;

namespace Bielefeld.Etl.Tests.Sources.BaStatistik;

/// <summary>The shipped samples are what <see cref="BaSampleSet"/> writes; `bielefeld-etl samples` regenerates them.</summary>
public sealed class BaSamples : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Shipped_special_evaluations_are_byte_for_byte_what_the_sample_set_writes()
    {
        var written = BaSampleSet.WriteTo(_dir.Folder("ba"));

        foreach (var path in written.Where(p => p.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(BaPipeline.Sample(Path.GetFileName(path))));
        }

        // The legacy .xls is committed, not written (no maintained BIFF8 writer); LegacySampleSpecs pins its cells.
        Assert.Equal(
            written.Select(Path.GetFileName).Append(BaSampleSet.MayTable).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, BaPipeline.Inbox)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
