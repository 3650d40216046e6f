namespace Schuldketen.Functions.Demo;

/// <summary>Where the demo writes what it tells at start (its address and its tokens): the console, unless the program was given another writer.</summary>
public sealed record DemoOutput(TextWriter Writer);
