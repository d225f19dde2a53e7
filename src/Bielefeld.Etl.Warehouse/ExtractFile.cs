namespace Bielefeld.Etl.Warehouse;

/// <summary>An extract file found in the inbox, identified by the SHA-256 of its bytes.</summary>
/// <param name="Pipeline">The pipeline (and source) it belongs to.</param>
/// <param name="Path">Where it lies.</param>
/// <param name="Sha256">The fingerprint, lowercase hex: the same bytes are loaded once.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record ExtractFile(string Pipeline, string Path, string Sha256, long Size)
{
    /// <summary>The file name without folders, as stewards know it.</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
