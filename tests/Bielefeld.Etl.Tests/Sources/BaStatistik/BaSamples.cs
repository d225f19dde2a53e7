using Bielefeld.Etl.Synthetic.BaStatistik;

namespace Bielefeld.Etl.Tests.Sources.BaStatistik;

/// <summary>The shipped samples are what <see cref="BaSampleSet"/> writes; set BIELEFELD_ETL_WRITE_SAMPLES=1 to regenerate them.</summary>
public sealed class BaSamples : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Regenerate_the_shipped_samples_on_request()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("BIELEFELD_ETL_WRITE_SAMPLES") == "1", "Nur auf Wunsch: BIELEFELD_ETL_WRITE_SAMPLES=1.");
        BaSampleSet.WriteTo(Path.Combine(RepositoryPaths.SampleInbox, BaPipeline.Inbox));
    }

    [Fact]
    public void Shipped_special_evaluations_are_byte_for_byte_what_the_sample_set_writes()
    {
        var written = BaSampleSet.WriteTo(_dir.Folder("ba"));

        foreach (var path in written.Where(p => p.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(BaPipeline.Sample(Path.GetFileName(path))));
        }

        Assert.Equal(
            written.Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, BaPipeline.Inbox)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
