using System.Runtime.InteropServices;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// SIGINT and SIGTERM cancel the command instead of killing the process, so the file being loaded rolls back its
/// transaction and the process says so before it exits. A second signal ends the process at once.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private PosixSignal? _signal;

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    public Interruption()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled when the first signal arrives.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Whether a signal has arrived.</summary>
    public bool Happened => _signal is not null;

    /// <summary>The exit code for the signal that arrived.</summary>
    public int ExitCode => _signal == PosixSignal.SIGINT ? ExitCodes.Interrupted : ExitCodes.Terminated;

    /// <summary>The one line the process leaves behind.</summary>
    public string Message =>
        $"Fehler: abgebrochen durch {(_signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM")}. Von der Datei, die gerade geladen wurde, "
        + "ist nichts übernommen (ihre Transaktion wurde zurückgerollt); fertig geladene Dateien bleiben geladen, der nächste Lauf lädt den Rest.";

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_signal is not null)
        {
            return; // the second signal: the default handling ends the process now
        }

        _signal = context.Signal;
        context.Cancel = true;
        _cancel.Cancel();
    }
}
