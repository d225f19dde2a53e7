namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// The warehouse server could not be reached or refused the login. The message names the provider, host and
/// database, never the password or the connection string, so it may be logged and shown as it is.
/// </summary>
public sealed class WarehouseConnectionException : Exception
{
    /// <summary>Creates the exception for a failed connection.</summary>
    /// <param name="provider">The provider name (<c>postgresql</c>).</param>
    /// <param name="host">The server, as configured.</param>
    /// <param name="database">The database, as configured.</param>
    /// <param name="reason">What went wrong, without any secret.</param>
    /// <param name="innerException">The driver's exception; drivers here do not put passwords in their messages.</param>
    public WarehouseConnectionException(string provider, string? host, string? database, string reason, Exception? innerException)
        : base($"Keine Verbindung zum Warehouse ({provider}, Server '{host}', Datenbank '{database}'): {reason}", innerException)
    {
        Provider = provider;
        Host = host;
        Database = database;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public WarehouseConnectionException(string message)
        : base(message)
    {
        Provider = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WarehouseConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Provider = string.Empty;
    }

    /// <summary>Creates the exception without details.</summary>
    public WarehouseConnectionException()
    {
        Provider = string.Empty;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The configured server.</summary>
    public string? Host { get; }

    /// <summary>The configured database.</summary>
    public string? Database { get; }
}
