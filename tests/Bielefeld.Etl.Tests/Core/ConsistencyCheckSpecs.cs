using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Consistency;

namespace Bielefeld.Etl.Tests.Core;

/// <summary>Consistency rules across indicators, with exact figures.</summary>
public sealed class ConsistencyCheckSpecs
{
    private static readonly DateOnly March = new(2017, 3, 1);

    private static readonly AreaCatalog Areas = new(
    [
        Area.City,
        new Area("05711000-01", "Mitte", AreaLevel.District, Area.CityCode),
        new Area("05711000-02", "Schildesche", AreaLevel.District, Area.CityCode),
    ]);

    [Fact]
    public void A_rate_whose_numerator_exceeds_its_denominator_is_flagged_and_an_equal_one_is_not()
    {
        var violations = ConsistencyCheck.Find(
            [new ConsistencyRule.NumeratorNotAboveDenominator("510-9.1")],
            [new("510-9.1", March, Area.CityCode, null, 21, 20), new("510-9.1", March.AddMonths(1), Area.CityCode, null, 20, 20)],
            Areas);

        Assert.Equal([new ConsistencyViolation("510-9.1", March, Area.CityCode, "inkonsistent: Zähler 21 größer als Nenner 20 im 2017-03")], violations);
    }

    [Fact]
    public void Districts_that_must_add_up_to_the_city_are_flagged_when_they_do_not_and_at_most_allows_less()
    {
        MonthlyFigure[] figures =
        [
            new("510-7.2", March, Area.CityCode, null, 10, 30),
            new("510-7.2", March, "05711000-01", null, 6, 18),
            new("510-7.2", March, "05711000-02", null, 3, 13),
        ];

        var exactly = ConsistencyCheck.Find([new ConsistencyRule.DistrictsAddUpToCity("510-7.2", Exactly: true)], figures, Areas);
        var atMost = ConsistencyCheck.Find([new ConsistencyRule.DistrictsAddUpToCity("510-7.2", Exactly: false)], figures, Areas);

        Assert.Equal(
            [
                "inkonsistent: Zähler der Stadtbezirke zusammen 9 ungleich Zähler der Stadt 10 im 2017-03",
                "inkonsistent: Nenner der Stadtbezirke zusammen 31 ungleich Nenner der Stadt 30 im 2017-03",
            ],
            exactly.Select(v => v.Text));
        Assert.Equal(["inkonsistent: Nenner der Stadtbezirke zusammen 31 größer als Nenner der Stadt 30 im 2017-03"], atMost.Select(v => v.Text));
    }

    [Fact]
    public void A_darunter_value_equal_to_its_parent_passes_and_a_suppressed_one_is_not_compared()
    {
        var violations = ConsistencyCheck.Find(
            [new ConsistencyRule.PartNotAboveWhole("REGE-9.3", "REGE-9.2")],
            [
                new("REGE-9.3", March, Area.CityCode, 160, null, null), new("REGE-9.2", March, Area.CityCode, 160, null, null),
                new("REGE-9.3", March.AddMonths(1), Area.CityCode, null, null, null), new("REGE-9.2", March.AddMonths(1), Area.CityCode, 150, null, null),
            ],
            Areas);

        Assert.Empty(violations);
    }
}
