namespace Bielefeld.Etl.Deliveries;

/// <summary>Where a source's data for one period stands.</summary>
public enum DeliveryState
{
    /// <summary>The period has not ended yet; nothing is due.</summary>
    Expected,

    /// <summary>The period has ended and the due date has not passed.</summary>
    Due,

    /// <summary>The due date has passed and nothing was delivered.</summary>
    Late,

    /// <summary>Delivered once.</summary>
    Delivered,

    /// <summary>Delivered, then delivered again (a later Datenstand or a corrected file).</summary>
    Revised,
}

/// <summary>The names the warehouse and the views use.</summary>
public static class DeliveryStateNames
{
    /// <summary>The lowercase German token in <c>rpt.lieferstatus.status</c>.</summary>
    public static string ToStoredName(this DeliveryState state) => state switch
    {
        DeliveryState.Expected => "erwartet",
        DeliveryState.Due => "faellig",
        DeliveryState.Late => "ueberfaellig",
        DeliveryState.Delivered => "geliefert",
        _ => "revidiert",
    };
}
