namespace Schuldketen.Functions.Signals;

/// <summary>
/// A fault of the file as a whole (encoding, header, column count, syntax): the whole import is refused and nothing is
/// applied. <see cref="Rule"/> names it in the problem type; the message says where and what to fix, never a value.
/// </summary>
public sealed class SignalFileFault(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}
