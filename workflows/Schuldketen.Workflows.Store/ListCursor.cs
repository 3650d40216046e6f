using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// The opaque cursor of a list page: base64url of <c>v1:&lt;updated_at ms&gt;:&lt;id&gt;</c>, the keyset the next page
/// starts after. Opaque to partners, so the order's keys can change without breaking a client.
/// </summary>
public static class ListCursor
{
    private const string Version = "v1";

    public static string Encode(ListPosition position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}:{position.UpdatedAt.ToString(CultureInfo.InvariantCulture)}:{position.Id}"));

    /// <summary>The position in <paramref name="cursor"/>; null when it is not a cursor this hub gave out.</summary>
    public static ListPosition? Decode(string cursor)
    {
        if (cursor.Length is 0 or > 512 || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var parts = text.Split(':', 3);
        return parts is [Version, var at, { Length: > 0 } id]
               && long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var updatedAt)
            ? new ListPosition(updatedAt, id)
            : null;
    }
}
