namespace Bielefeld.Etl.Tests;

/// <summary>
/// Material the project does not ship (the published plan document, real-data files), found only through
/// <c>BIELEFELD_ETL_TEST_SHARED</c>, the folder that holds it (<c>.ci/run</c> sets it to the <c>shared</c> folder
/// beside the clone). A fresh clone has none of it: a test that needs it skips with the reason where the variable is
/// unset, and fails when <c>CI=true</c> (CI always has that folder). A configured folder that lacks the file fails
/// the test, on a laptop too: the configuration is wrong then, not absent.
/// </summary>
public static class SharedData
{
    /// <summary>The environment variable naming the folder.</summary>
    public const string Variable = "BIELEFELD_ETL_TEST_SHARED";

    /// <summary>The text export of the published 2017 plan.</summary>
    public static string PlanText2017 => Require(Path.Combine("plan", "ziele-und-massnahmen-2017.txt"));

    /// <summary>The path of <paramref name="relative"/> in the configured folder; skips or fails the calling test where it is not there.</summary>
    public static string Require(string relative)
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(folder))
        {
            var reason = $"{Variable} ist nicht gesetzt; der Test braucht {relative} aus dem gemeinsamen Ordner (z. B. {Variable}=$(pwd)/../shared, wie .ci/run).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        var path = Path.GetFullPath(Path.Combine(folder ?? "", relative));
        if (!File.Exists(path))
        {
            Assert.Fail($"{Variable}={folder}, aber dort fehlt {relative}.");
        }

        return path;
    }
}
