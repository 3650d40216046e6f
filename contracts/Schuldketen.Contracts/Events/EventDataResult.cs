using System.Diagnostics.CodeAnalysis;

namespace Schuldketen.Contracts.Events;

/// <summary>Either the event's data, read into its record, or what is wrong with it.</summary>
public sealed record EventDataResult
{
    private EventDataResult(IEventData? data, IReadOnlyList<DataProblem> problems)
    {
        Data = data;
        Problems = problems;
    }

    public IEventData? Data { get; }

    public IReadOnlyList<DataProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Data))]
    public bool IsValid => Data is not null;

    public static EventDataResult Valid(IEventData data) => new(data, []);

    public static EventDataResult Invalid(IReadOnlyList<DataProblem> problems) =>
        problems.Count > 0 ? new(null, problems) : throw new ArgumentException("An invalid result names at least one problem.", nameof(problems));
}
