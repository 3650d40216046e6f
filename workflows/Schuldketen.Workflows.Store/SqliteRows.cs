using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Runs one SQLite statement once per row, prepared once and bound by parameter objects created once,
/// their names with the <c>@</c> prefix so binding looks nothing up by a made-up name. In SQLite a
/// statement is a function call, so this is the fastest way to write a batch's rows.
/// </summary>
internal static partial class SqliteRows
{
    private static readonly ConcurrentDictionary<string, string[]> ParameterNames = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="sql"/> for each row; <paramref name="values"/> gives a row's parameter values in the
    /// order the parameters first appear in the statement. Returns the rows the statements changed.
    /// </summary>
    public static Task<int> ExecuteAsync<T>(DbConnection connection, DbTransaction transaction, string sql, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        using var command = new SqliteCommand(sql, (SqliteConnection)connection, (SqliteTransaction)transaction);
        var names = ParameterNames.GetOrAdd(sql, text => Parameter().Matches(text).Select(match => match.Value).Distinct(StringComparer.Ordinal).ToArray());
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        var changed = 0;
        foreach (var row in rows)
        {
            var given = values(row);
            for (var i = 0; i < given.Length; i++)
            {
                command.Parameters[i].Value = given[i] ?? DBNull.Value;
            }

            changed += command.ExecuteNonQuery();
        }

        return Task.FromResult(changed);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
