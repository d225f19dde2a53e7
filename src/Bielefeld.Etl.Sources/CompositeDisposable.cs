namespace Bielefeld.Etl.Sources;

/// <summary>Disposes a reader and the stream under it, in that order.</summary>
internal sealed class CompositeDisposable(params IDisposable[] parts) : IDisposable
{
    public void Dispose()
    {
        foreach (var part in parts)
        {
            part.Dispose();
        }
    }
}
