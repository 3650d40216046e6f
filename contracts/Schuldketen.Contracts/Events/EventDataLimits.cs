namespace Schuldketen.Contracts.Events;

/// <summary>Maximum lengths of free text in event data, in characters.</summary>
internal static class EventDataLimits
{
    public const int Note = 1000;
    public const int Summary = 4000;
    public const int Name = 200;
    public const int Identifier = 100;
    /// <summary>Far above any one household's debts; refuses typing errors of many zeros.</summary>
    public const string MaxAmount = "1000000000";
    public const int Oin = 20;
    public const int Creditors = 1000;
    public const string OinPattern = "^[0-9]{20}$";
}
