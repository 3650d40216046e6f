namespace Schuldketen.Functions.Bus.Transport;

/// <summary>The broker cannot be reached or refused the hub; what is waiting to be published waits in the outbox.</summary>
public sealed class BusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
