using System.Text;
using Bielefeld.Etl.Sources;
using Bielefeld.Etl.Sources.Limits;
using Bielefeld.Etl.Tests.Sources;
using Bielefeld.Etl.Tests.Sources.BaStatistik;
using Bielefeld.Etl.Tests.Sources.Meldebogen;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// Every reader fed broken and hostile files, generated from seeded <see cref="Random"/>s: truncated and corrupted
/// samples, garbage under a proper name, zip bombs, a 100 MB line, a million columns, mixed encodings, NUL bytes. No
/// crash, no hang, bounded memory: each file is refused with a reason or read with every row accounted for.
/// </summary>
public sealed class ReaderFuzzSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Samples() => new()
    {
        { "kaf", "KAF_COACH_2017.xlsx" },
        { "kaf", "KAF_THEO_2017.xls" },
        { "ba-statistik", "BA_AMR_05711_201706.xlsx" },
        { "ba-statistik", "BA_AMR_05711_201705.xls" },
        { "ba-statistik", "BA_SA_Alleinerziehende_20170714.csv" },
        { "rekom", "REKOM_Export_2017-07-05.csv" },
        { "prosoz", "Prosoz_HzE_20170705.csv" },
        { "einwohnermeldeamt", "EWO_Bestand_20170630.csv" },
        { "meldebogen", "Meldebogen_500-8_2017.xlsx" },
    };

    private static IExtractReader Reader(string pipeline) => pipeline switch
    {
        "kaf" => KafPipeline.Reader,
        "ba-statistik" => BaPipeline.Reader,
        "meldebogen" => MeldebogenPipeline.Reader,
        _ => RecordPipelines.Reader(pipeline),
    };

    private static string Sample(string inbox, string name) => Path.Combine(RepositoryPaths.SampleInbox, inbox, name);

    private string Case(string name, int seed) => Path.Combine(_dir.Folder($"case-{seed}"), name);

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_cut_short_anywhere_is_refused_with_a_reason_or_read_row_by_row(string pipeline, string name)
    {
        var source = Sample(pipeline, name);
        var length = (int)new FileInfo(source).Length;
        var random = new Random(20170101);
        var cuts = new[] { 0, 1, 2, 10, length / 2, length - 1 }.Concat(Enumerable.Range(0, 24).Select(_ => random.Next(length)));

        foreach (var (cut, i) in cuts.Select((c, i) => (c, i)))
        {
            var outcome = ExtractOutcome.Read(Reader(pipeline), HostileFiles.Truncated(source, Case(name, i), cut));

            Assert.True(outcome.Refusal is not null || outcome.Rows >= 0, $"cut at {cut}");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_with_random_bytes_overwritten_is_refused_with_a_reason_or_read_row_by_row(string pipeline, string name)
    {
        var source = Sample(pipeline, name);
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var outcome = ExtractOutcome.Read(Reader(pipeline), HostileFiles.Corrupted(source, Case(name, seed), random, 1 + random.Next(16)));

            Assert.True(outcome.Refusal is not null || outcome.Rows > 0, $"seed {seed}");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Binary_garbage_under_a_proper_name_is_refused_with_a_reason(string pipeline, string name)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            var outcome = ExtractOutcome.Read(Reader(pipeline), HostileFiles.Garbage(Case(name, seed), random, random.Next(1, 200_000)));

            Assert.NotNull(outcome.Refusal);
        }
    }

    [Theory]
    [InlineData("rekom", "REKOM_Export_2017-07-05.csv")]
    [InlineData("prosoz", "Prosoz_HzE_20170705.csv")]
    [InlineData("einwohnermeldeamt", "EWO_Bestand_20170630.csv")]
    [InlineData("ba-statistik", "BA_SA_Alleinerziehende_20170714.csv")]
    public void Random_text_under_the_right_header_is_read_row_by_row_with_every_row_accounted_for(string pipeline, string name)
    {
        var header = File.ReadLines(Sample(pipeline, name)).First().TrimStart('\uFEFF');
        for (var seed = 0; seed < 25; seed++)
        {
            var outcome = ExtractOutcome.Read(Reader(pipeline), HostileFiles.CsvLike(Case(name, seed), new Random(seed), header, 200));

            Assert.True(outcome.Refusal is not null || outcome.Rows > 0, $"seed {seed}: {outcome}");
        }
    }

    [Theory]
    [InlineData("kaf", "KAF_COACH_2017.xlsx")]
    [InlineData("ba-statistik", "BA_AMR_05711_201706.xlsx")]
    [InlineData("meldebogen", "Meldebogen_500-8_2017.xlsx")]
    public void A_zip_bomb_named_xlsx_is_refused_before_it_is_unpacked(string pipeline, string name)
    {
        var bomb = HostileFiles.ZipBomb(Case(name, 0), unpackedMegabytes: 300);

        var outcome = ExtractOutcome.WithinMemory(32, () => ExtractOutcome.Read(Reader(pipeline), bomb));

        Assert.Equal(ExtractLimitReasons.WorkbookTooLarge, outcome.Refusal);
        Assert.Contains("sheet1.xml", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kaf", "KAF_COACH_2017.xlsx")]
    [InlineData("meldebogen", "Meldebogen_500-8_2017.xlsx")]
    public void A_workbook_whose_shared_strings_unpack_to_64_MiB_is_refused_before_they_are_read(string pipeline, string name)
    {
        var bomb = HostileFiles.SharedStringsBomb(Sample(pipeline, name), Case(name, 0), megabytes: 64);

        var outcome = ExtractOutcome.WithinMemory(32, () => ExtractOutcome.Read(Reader(pipeline), bomb));

        Assert.Equal(ExtractLimitReasons.SharedStringsTooLarge, outcome.Refusal);
        Assert.Contains("xl/sharedStrings.xml", outcome.Message, StringComparison.Ordinal);
        Assert.True(new FileInfo(bomb).Length < 8L << 20, $"{new FileInfo(bomb).Length} bytes");
    }

    [Fact]
    public void A_100_MB_line_after_good_rows_is_refused_as_too_long_with_flat_memory()
    {
        var sample = File.ReadAllLines(Sample("rekom", "REKOM_Export_2017-07-05.csv"));
        var path = HostileFiles.LongLine(Case("REKOM_Export_2017-07-05.csv", 0), sample[0], sample[1..3], megabytes: 100);

        var outcome = ExtractOutcome.WithinMemory(32, () => ExtractOutcome.Read(RecordPipelines.Reader("rekom"), path));

        Assert.Equal(ExtractLimitReasons.RecordTooLong, outcome.Refusal);
    }

    [Fact]
    public void A_100_MB_header_line_is_refused_as_too_long_with_flat_memory()
    {
        var path = HostileFiles.LongLine(Case("Prosoz_HzE_20170705.csv", 0), "Fallnummer;", [], megabytes: 100);

        var outcome = ExtractOutcome.WithinMemory(32, () => ExtractOutcome.Read(RecordPipelines.Reader("prosoz"), path));

        Assert.Equal(ExtractLimitReasons.RecordTooLong, outcome.Refusal);
    }

    [Theory]
    [InlineData("rekom", "REKOM_Export_2017-07-05.csv", true)]
    [InlineData("rekom", "REKOM_Export_2017-07-05.csv", false)]
    [InlineData("einwohnermeldeamt", "EWO_Bestand_20170630.csv", false)]
    [InlineData("ba-statistik", "BA_SA_Alleinerziehende_20170714.csv", false)]
    public void A_million_columns_are_refused_with_a_reason_and_flat_memory(string pipeline, string name, bool inHeader)
    {
        var sample = File.ReadAllLines(Sample(pipeline, name));
        var wide = new string(';', 1_000_000);
        var lines = inHeader ? [sample[0] + wide, .. sample[1..]] : new[] { sample[0], sample[1] + wide }.Concat(sample[2..]).ToArray();
        var path = Case(name, 0);
        File.WriteAllLines(path, lines, new UTF8Encoding(false));

        var outcome = ExtractOutcome.WithinMemory(32, () => ExtractOutcome.Read(Reader(pipeline), path));

        Assert.Contains(outcome.Refusal, new[] { ExtractLimitReasons.TooManyColumns, ExtractLimitReasons.RecordTooLong });
    }

    [Fact]
    public void A_record_with_more_fields_than_the_limit_names_its_line()
    {
        var sample = File.ReadAllLines(Sample("rekom", "REKOM_Export_2017-07-05.csv"));
        var path = Case("REKOM_Export_2017-07-05.csv", 0);
        File.WriteAllLines(path, [sample[0], sample[1], sample[2] + new string(';', 5_000), .. sample[3..]], new UTF8Encoding(false));

        var outcome = ExtractOutcome.Read(RecordPipelines.Reader("rekom"), path);

        Assert.Equal(ExtractLimitReasons.TooManyColumns, outcome.Refusal);
        Assert.Contains("Zeile 3 hat mehr als 1.000 Felder", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rekom", "REKOM_Export_2017-07-05.csv")]
    [InlineData("prosoz", "Prosoz_HzE_20170705.csv")]
    [InlineData("einwohnermeldeamt", "EWO_Bestand_20170630.csv")]
    public void Lines_in_UTF_8_and_Windows_1252_mixed_in_one_file_are_read_row_by_row(string pipeline, string name)
    {
        var sample = Sample(pipeline, name);
        var lines = File.ReadAllLines(sample, Bielefeld.Etl.Sources.Csv.ExtractEncoding.Detect(sample));
        var path = Case(name, 0);
        using (var stream = File.Create(path))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var encoding = i % 2 == 0 ? new UTF8Encoding(false) : Bielefeld.Etl.Sources.Csv.ExtractEncoding.Windows1252;
                stream.Write(encoding.GetBytes(lines[i].Replace("Sennestadt", "Sennestädt", StringComparison.Ordinal) + "\n"));
            }
        }

        var outcome = ExtractOutcome.Read(Reader(pipeline), path);

        Assert.True(outcome.Refusal is not null || outcome.Rows == lines.Length, outcome.ToString());
    }

    [Theory]
    [InlineData("rekom", "REKOM_Export_2017-07-05.csv")]
    [InlineData("prosoz", "Prosoz_HzE_20170705.csv")]
    [InlineData("einwohnermeldeamt", "EWO_Bestand_20170630.csv")]
    [InlineData("ba-statistik", "BA_SA_Alleinerziehende_20170714.csv")]
    public void A_NUL_byte_in_a_text_file_refuses_the_file_naming_the_line(string pipeline, string name)
    {
        var lines = File.ReadAllLines(Sample(pipeline, name));
        var path = Case(name, 0);
        File.WriteAllLines(path, [lines[0], lines[1], lines[2].Insert(3, "\0"), .. lines[3..]], new UTF8Encoding(false));

        var outcome = ExtractOutcome.Read(Reader(pipeline), path);

        Assert.Equal(ExtractLimitReasons.NulByte, outcome.Refusal);
        Assert.Contains("Zeile 3", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_longer_than_the_limit_is_refused_not_read_to_the_end()
    {
        var limits = ExtractLimits.Default with { MaxSheetRows = 10 };
        var reader = new GuardedReader(KafPipeline.Reader, limits);

        var outcome = ExtractOutcome.Read(reader, Sample("kaf", "KAF_COACH_2017.xlsx"));

        Assert.Equal(ExtractLimitReasons.TooManyRows, outcome.Refusal);
    }
}
