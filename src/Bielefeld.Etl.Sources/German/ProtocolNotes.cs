using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.German;

/// <summary>Adds a primitive's <see cref="Normalisation"/> to a file's load protocol at its place.</summary>
public static class ProtocolNotes
{
    /// <summary>Notes <paramref name="note"/> (nothing when null: the value was already canonical).</summary>
    public static void Note(this NormalisationProtocol protocol, Normalisation? note, string? sheet, int? row, string? column)
    {
        if (note is not null)
        {
            protocol.Add(note.Code, note.Raw, note.Message, sheet, row, column);
        }
    }
}
