using System.Diagnostics.CodeAnalysis;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>Either the parsed envelope or the rules it breaks, in the order they were checked.</summary>
public sealed record EnvelopeResult
{
    private EnvelopeResult(CloudEventEnvelope? envelope, IReadOnlyList<EnvelopeProblem> problems)
    {
        Envelope = envelope;
        Problems = problems;
    }

    public CloudEventEnvelope? Envelope { get; }

    public IReadOnlyList<EnvelopeProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Envelope))]
    public bool IsValid => Envelope is not null;

    internal static EnvelopeResult Valid(CloudEventEnvelope envelope) => new(envelope, []);

    internal static EnvelopeResult Invalid(IReadOnlyList<EnvelopeProblem> problems) => new(null, problems);
}
