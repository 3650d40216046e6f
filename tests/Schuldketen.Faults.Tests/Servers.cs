namespace Schuldketen.Faults.Tests;

/// <summary>
/// The fault tests' own PostgreSQL and RabbitMQ, started fresh by the repository's scripts for the
/// whole run and stopped at its end. Tests stop and resume them to make the faults.
/// </summary>
public sealed class Servers : IAsyncLifetime
{
    private const string Postgres = "postgres.sh";
    private const string RabbitMq = "rabbitmq.sh";

    public string PostgresConnection { get; private set; } = "";

    public string RabbitMqUri { get; private set; } = "";

    public async Task InitializeAsync()
    {
        PostgresConnection = await InfraScript.RunAsync(Postgres, "start");
        RabbitMqUri = await InfraScript.RunAsync(RabbitMq, "start");
        Assert.StartsWith("Host=", PostgresConnection);
        Assert.StartsWith("amqp://", RabbitMqUri);
    }

    public Task StopPostgresAsync() => InfraScript.RunAsync(Postgres, "stop");

    public Task ResumePostgresAsync() => InfraScript.RunAsync(Postgres, "resume");

    public Task StopRabbitMqAsync() => InfraScript.RunAsync(RabbitMq, "stop");

    public Task ResumeRabbitMqAsync() => InfraScript.RunAsync(RabbitMq, "resume");

    public async Task DisposeAsync()
    {
        await InfraScript.RunAsync(RabbitMq, "stop");
        await InfraScript.RunAsync(Postgres, "stop");
    }
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<Servers>
{
    public const string Name = "servers";
}
