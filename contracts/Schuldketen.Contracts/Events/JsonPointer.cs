namespace Schuldketen.Contracts.Events;

/// <summary>JSON Pointers (RFC 6901) into event data.</summary>
internal static class JsonPointer
{
    public static string Member(string name) => "/" + name.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Turns System.Text.Json's path ("$.kind" or "$['a b']") into a pointer to the member it starts with.</summary>
    public static string FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        var rest = path[1..];
        if (rest.StartsWith("['", StringComparison.Ordinal))
        {
            return Member(rest[2..rest.IndexOf("']", StringComparison.Ordinal)]);
        }

        var end = rest.IndexOfAny(['.', '['], 1);
        return Member(end < 0 ? rest[1..] : rest[1..end]);
    }
}
