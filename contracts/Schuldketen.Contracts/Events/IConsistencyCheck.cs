namespace Schuldketen.Contracts.Events;

/// <summary>Rules across members of one record that its JSON Schema cannot state.</summary>
internal interface IConsistencyCheck
{
    IEnumerable<DataProblem> Problems();
}
