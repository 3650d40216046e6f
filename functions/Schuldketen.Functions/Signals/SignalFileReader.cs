using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Schuldketen.Workflows.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// Reads a spooled body of signals one at a time, so memory stays flat however large the file: CSV (UTF-8, a header
/// row with the DDAS field paths, comma or semicolon) or JSON (one signal or an array, DDAS member names). Anything
/// wrong with the file as a whole throws <see cref="SignalFileFault"/>; what is wrong with one signal travels with it.
/// </summary>
public static class SignalFileReader
{
    /// <summary>No signal has this many fields; a wider header is no signal file.</summary>
    private const int MaxColumns = 64;

    private const int MaxFieldLength = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IAsyncEnumerable<SignalInput> ReadAsync(string path, SignalFormat format, bool partnerPerRow, CancellationToken cancellationToken) =>
        format == SignalFormat.Csv ? ReadCsvAsync(path, partnerPerRow, cancellationToken) : ReadJsonAsync(path, cancellationToken);

    private static async IAsyncEnumerable<SignalInput> ReadCsvAsync(string path, bool partnerPerRow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        using var text = new StreamReader(file, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            MaxFieldSize = MaxFieldLength,
        };
        using var parser = new CsvParser(text, configuration);
        string[]? header = null;
        while (await NextAsync(parser) is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = parser.Row;
            if (header is null)
            {
                header = Header(record, partnerPerRow);
                continue;
            }

            if (record.Length != header.Length)
            {
                throw new SignalFileFault("kolommen",
                    $"Line {line} has {record.Length} columns and the header {header.Length}: give every row exactly the header's columns (empty ones included).");
            }

            if (record.Select(value => value.Trim()).SequenceEqual(header))
            {
                throw new SignalFileFault("herhaalde-kop",
                    $"Line {line} repeats the header row: send one header row at the top (were two files joined?).");
            }

            var values = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var index = 0; index < header.Length; index++)
            {
                values[header[index]] = record[index];
            }

            yield return new SignalInput(line, values);
        }

        if (header is null)
        {
            throw new SignalFileFault("kopregel", "The file is empty: send a header row with the DDAS field names and one row per signal.");
        }
    }

    /// <summary>The next record, null at the end; a record CSV cannot read or too wide for a signal is a fault of the file.</summary>
    private static async Task<string[]?> NextAsync(CsvParser parser)
    {
        try
        {
            if (!await parser.ReadAsync())
            {
                return null;
            }

            if (parser.Count > MaxColumns)
            {
                throw new SignalFileFault("kolommen",
                    $"Line {parser.Row} has {parser.Count} columns, far more than a signal has: check the delimiter and that every row has the header's columns.");
            }

            return parser.Record ?? [];
        }
        catch (DecoderFallbackException)
        {
            throw new SignalFileFault("codering",
                $"The file is not UTF-8 (from about line {parser.RawRow + 1}): save it as UTF-8, for instance 'CSV UTF-8' in a spreadsheet, and send it again.");
        }
        catch (CsvHelperException)
        {
            throw new SignalFileFault("csv-syntaxis",
                $"Line {parser.RawRow} cannot be read as CSV (an unclosed quote or a field over {MaxFieldLength} characters): fix that line and send the file again.");
        }
    }

    private static string[] Header(string[] record, bool partnerPerRow)
    {
        var header = record.Select(name => name.Trim()).ToArray();
        var repeated = header.GroupBy(name => name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new SignalFileFault("kopregel", $"The header names these columns more than once: {string.Join(", ", repeated)}. Name each column once.");
        }

        var unknown = header.Where(name => !SignalFields.IsKnown(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new SignalFileFault("kopregel",
                $"The header has columns the hub does not know: {string.Join(", ", unknown.Select(Printable))}. Use the DDAS field names: {string.Join(", ", SignalFields.All)}.");
        }

        var missing = SignalFields.Required(partnerPerRow).Where(name => !header.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            throw new SignalFileFault("kopregel", $"The header lacks these required columns: {string.Join(", ", missing)}. Add them.");
        }

        return header;
    }

    /// <summary>A header name shown back in a problem: it is no personal data, but it is cut short and stripped of control characters.</summary>
    private static string Printable(string name)
    {
        var shown = new string(name.Where(character => !char.IsControl(character)).Take(40).ToArray());
        return $"'{shown}'";
    }

    private static async IAsyncEnumerable<SignalInput> ReadJsonAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var first = FirstByte(file);
        file.Position = 0;
        if (first == '{')
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
            }
            catch (JsonException exception)
            {
                throw Malformed(exception);
            }

            using (document)
            {
                yield return Signal(1, document.RootElement);
            }

            yield break;
        }

        if (first != '[')
        {
            throw new SignalFileFault("json-syntaxis", "Send one signal as a JSON object or several as a JSON array of objects.");
        }

        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(file, cancellationToken: cancellationToken);
        await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
        long position = 0;
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }
            }
            catch (JsonException exception)
            {
                throw Malformed(exception);
            }

            position++;
            yield return Signal(position, enumerator.Current);
        }
    }

    private static int FirstByte(Stream file)
    {
        int next;
        do
        {
            next = file.ReadByte();
        }
        while (next is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);

        return next;
    }

    private static SignalFileFault Malformed(JsonException exception) =>
        new("json-syntaxis",
            $"The body is not valid JSON in UTF-8 (line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}): fix it and send it again.");

    /// <summary>One signal as a JSON object with DDAS member names, at <paramref name="line"/> (its position in a body).</summary>
    public static SignalInput Signal(long line, JsonElement element)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var faults = new List<RowFault>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            faults.Add(new RowFault(line, "(signaal)", "Each signal is a JSON object with DDAS members such as ID, signaalpartner and client."));
            return new SignalInput(line, values, faults);
        }

        Walk(line, element, string.Empty, values, faults);
        return new SignalInput(line, values, faults);
    }

    private static void Walk(long line, JsonElement element, string prefix, Dictionary<string, string> values, List<RowFault> faults)
    {
        foreach (var member in element.EnumerateObject())
        {
            var path = prefix + member.Name;
            if (member.Value.ValueKind == JsonValueKind.Object && prefix.Length == 0 && path is "signaalpartner" or "client")
            {
                Walk(line, member.Value, path + ".", values, faults);
                continue;
            }

            if (!SignalFields.IsKnown(path))
            {
                faults.Add(new RowFault(line, path.Length > 60 ? path[..60] : path, "The hub does not know this member: use the DDAS names only."));
                continue;
            }

            switch (member.Value.ValueKind)
            {
                case JsonValueKind.String:
                    values[path] = Text(member.Value);
                    break;
                case JsonValueKind.Number:
                    values[path] = member.Value.GetRawText();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    values[path] = member.Value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    faults.Add(new RowFault(line, path, "Give this member as text, a number or true/false."));
                    break;
            }
        }
    }

    private static string Text(JsonElement value)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw new SignalFileFault("codering", "The body is not UTF-8: send JSON in UTF-8.");
        }
    }
}

/// <summary>How a body of signals is written.</summary>
public enum SignalFormat
{
    Json,
    Csv,
}
