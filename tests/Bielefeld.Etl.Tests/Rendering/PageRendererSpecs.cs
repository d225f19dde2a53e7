using System.Globalization;
using Bielefeld.Etl.Rendering;
using Microsoft.AspNetCore.Components;

namespace Bielefeld.Etl.Tests.Rendering;

/// <summary>The one rendering layer of every HTML page: escaped by default, readable UTF-8, German figures, pages that never wait.</summary>
public sealed class PageRendererSpecs
{
    [Fact]
    public void Text_and_attribute_values_are_escaped_without_being_asked()
    {
        var html = PageRenderer.Render<StatusBadge>(new Dictionary<string, object?>
        {
            [nameof(StatusBadge.Status)] = "x\" onmouseover=\"alert(1)",
            [nameof(StatusBadge.Label)] = "<script>alert('1')</script> & Co.",
        });

        Assert.Equal("<span class=\"status x&quot;_onmouseover=&quot;alert(1)\">&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; &amp; Co.</span>", html);
    }

    [Fact]
    public void Umlauts_and_plus_signs_stay_readable_and_stored_statuses_become_German_words()
    {
        var html = PageRenderer.Render<StatusBadge>(new Dictionary<string, object?> { [nameof(StatusBadge.Status)] = "ueberfaellig" });

        Assert.Equal("<span class=\"status ueberfaellig\">überfällig</span>", html);
        Assert.Equal("<span class=\"status na\">12 = 2 + 1 + 9 ✓</span>",
            PageRenderer.Render<StatusBadge>(new Dictionary<string, object?> { [nameof(StatusBadge.Status)] = "n/a", [nameof(StatusBadge.Label)] = "12 = 2 + 1 + 9 ✓" }));
    }

    [Fact]
    public void Figures_days_and_months_are_written_the_German_way_whatever_the_thread_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.Equal(("1.270", "48,5", "38 %", "–", "Juni 2017", "06.2017", "06.07.2017 08:00", "1234", "13.07.2017", "–", "2017-07-13"), (
                GermanText.Count(1270), GermanText.Number(48.5m), GermanText.Percent(0.381m), GermanText.Number(null),
                GermanText.Month(new DateOnly(2017, 6, 1)), GermanText.MonthNumber(new DateOnly(2017, 6, 1)),
                GermanText.Stamp(new DateTimeOffset(2017, 7, 6, 6, 0, 0, TimeSpan.Zero)), GermanText.Digits(1234),
                GermanText.Day((DateOnly?)new DateOnly(2017, 7, 13)), GermanText.Day((DateOnly?)null), GermanText.Iso(new DateOnly(2017, 7, 13))));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_page_that_would_wait_for_data_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => PageRenderer.Render<WaitingPage>(new Dictionary<string, object?>()));

        Assert.Contains("WaitingPage wartet beim Rendern", refused.Message, StringComparison.Ordinal);
    }

    private sealed class WaitingPage : ComponentBase
    {
        protected override Task OnInitializedAsync() => new TaskCompletionSource().Task;
    }
}
