using System.Data.Common;

namespace Bielefeld.Etl.Warehouse;

/// <summary>Helpers that keep secrets of connection strings out of messages.</summary>
public static class ConnectionStrings
{
    /// <summary>
    /// The names of the keys a connection string sets, without their values: what a message about a malformed
    /// connection string may show.
    /// </summary>
    public static string KeysOnly(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return string.Join(", ", builder.Keys.Cast<string>());
        }
        catch (ArgumentException)
        {
            return "(nicht lesbar)";
        }
    }

    /// <summary>
    /// Removes <paramref name="secret"/> from <paramref name="text"/>, for the rare driver message that echoes part of
    /// the connection string.
    /// </summary>
    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);
}
