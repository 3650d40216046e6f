using System.Text.Json;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// Numbers beyond what a decimal holds, or whole numbers beyond a long. The schema validator
/// reads such whole numbers as big integers and fails on them, so they are refused before it
/// sees the data. Every bound in the schemas lies far inside these ranges.
/// </summary>
internal static class NumberRange
{
    public static IEnumerable<DataProblem> Problems(JsonElement data) =>
        data.EnumerateObject()
            .Where(member => HasHugeNumber(member.Value))
            .Select(member => new DataProblem(JsonPointer.Member(member.Name), $"Send {member.Name} as a number the schema allows: this one is far out of range."));

    private static bool HasHugeNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => !value.TryGetDecimal(out _) || (IsWhole(value) && !value.TryGetInt64(out _)),
        JsonValueKind.Array => value.EnumerateArray().Any(HasHugeNumber),
        JsonValueKind.Object => value.EnumerateObject().Any(member => HasHugeNumber(member.Value)),
        _ => false,
    };

    private static bool IsWhole(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;
}
