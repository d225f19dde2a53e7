using System.Text;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>The columns of a Meldebogen (contract <c>meldebogen.md</c>), shared by the template writer and the reader.</summary>
public static class MeldebogenColumns
{
    /// <summary>The sheet with the reports.</summary>
    public const string SheetName = "Meldebogen";

    /// <summary>The sheet with the explanations, ignored on read.</summary>
    public const string NotesSheetName = "Hinweise";

    /// <summary>Indicator code (pre-filled).</summary>
    public const string Indikator = "Indikator";

    /// <summary>Indicator name (pre-filled, ignored on read).</summary>
    public const string Bezeichnung = "Bezeichnung";

    /// <summary>Unit (pre-filled, ignored on read).</summary>
    public const string Einheit = "Einheit";

    /// <summary>yyyy-MM, yyyy-Qn or yyyy.</summary>
    public const string Periode = "Periode";

    /// <summary>Empty or Stadt Bielefeld for the city, else a Stadtbezirk or Quartier.</summary>
    public const string Bereich = "Bereich";

    /// <summary>The value of a count, amount or stock.</summary>
    public const string Wert = "Wert";

    /// <summary>A rate's numerator.</summary>
    public const string Zaehler = "Zaehler";

    /// <summary>A rate's denominator.</summary>
    public const string Nenner = "Nenner";

    /// <summary>The date a milestone was reached.</summary>
    public const string ErledigtAm = "Erledigt_am";

    /// <summary>A qualitative assessment.</summary>
    public const string Bewertung = "Bewertung";

    /// <summary>Free text; for a qualitative assessment its reason.</summary>
    public const string Kommentar = "Kommentar";

    /// <summary>Who reports (required).</summary>
    public const string GemeldetVon = "Gemeldet_von";

    /// <summary>The header row, in contract order.</summary>
    public static IReadOnlyList<string> Header { get; } =
        [Indikator, Bezeichnung, Einheit, Periode, Bereich, Wert, Zaehler, Nenner, ErledigtAm, Bewertung, Kommentar, GemeldetVon];

    /// <summary>The words a Bewertung may be, offered as a drop-down list in the template.</summary>
    public static IReadOnlyList<string> Assessments { get; } = ["erreicht", "teilweise", "nicht erreicht"];

    /// <summary>The columns a file must have; Bezeichnung, Einheit and Kommentar may be missing.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [Indikator, Periode, Bereich, Wert, Zaehler, Nenner, ErledigtAm, Bewertung, GemeldetVon];

    /// <summary>The German explanation of every column, for the Hinweise sheet.</summary>
    public static IReadOnlyList<(string Column, string Explanation)> Explanations { get; } =
    [
        (Indikator, "Code des Indikators laut Plan, z. B. 540-10.1. Vorausgefüllt; nicht ändern."),
        (Bezeichnung, "Name des Indikators. Vorausgefüllt; wird beim Einlesen nicht ausgewertet."),
        (Einheit, "Einheit des Indikators. Vorausgefüllt; wird beim Einlesen nicht ausgewertet."),
        (Periode, "Berichtszeitraum: Monat JJJJ-MM (2017-03), Quartal JJJJ-Qn (2017-Q1) oder Jahr JJJJ (2017). Quartals- und Jahresmeldungen zählen im letzten Monat des Zeitraums (2017-Q1 im März, 2017 im Dezember)."),
        (Bereich, "Leer oder „Stadt Bielefeld“ für die ganze Stadt; sonst der Name eines Stadtbezirks oder Quartiers. Heißen Stadtbezirk und Quartier gleich, „Stadtbezirk Heepen“ oder „Quartier Heepen“ schreiben."),
        (Wert, "Nur für Anzahlen, Beträge, Bestände und veröffentlichte Quoten: eine Zahl (deutsches Format erlaubt, z. B. 1.234,5). Anzahlen sind ganze Zahlen ab 0. Leer lassen heißt „nicht gemeldet“, 0 heißt „keine“."),
        (Zaehler, "Nur für Quoten: Zähler der Quote (z. B. Anzahl mit Abschluss). Wert bleibt dann leer."),
        (Nenner, "Nur für Quoten: Nenner der Quote (z. B. Anzahl Teilnehmende), größer als 0."),
        (ErledigtAm, "Nur für Meilensteine: Datum, an dem der Meilenstein erreicht wurde, TT.MM.JJJJ. Es muss in der Periode liegen."),
        (Bewertung, "Nur für qualitative Indikatoren: „erreicht“, „teilweise“ oder „nicht erreicht“; die Begründung gehört in den Kommentar."),
        (Kommentar, "Freitext. Bei qualitativen Indikatoren Pflicht (Begründung der Bewertung). Wird nicht ins Warehouse übernommen; die Datei bleibt im Eingang erhalten."),
        (GemeldetVon, "Meldende Person oder Stelle. Pflicht in jeder ausgefüllten Zeile."),
    ];

    /// <summary>Header text compared liberally: case, spaces, underscores and umlaut spellings do not matter (Zähler = Zaehler, Erledigt am = Erledigt_am).</summary>
    public static string Normalise(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (var c in header.Trim().ToUpperInvariant())
        {
            switch (c)
            {
                case ' ' or '_' or '-':
                    break;
                case 'Ä':
                    text.Append("AE");
                    break;
                case 'Ö':
                    text.Append("OE");
                    break;
                case 'Ü':
                    text.Append("UE");
                    break;
                case 'ß':
                    text.Append("SS");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }
}
