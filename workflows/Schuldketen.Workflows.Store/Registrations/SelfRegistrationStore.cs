using System.Text.Json;
using Dapper;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Workflows.Store.Registrations;

/// <summary>
/// The answers residents give at <c>/aanmelden</c>, beside their trajectory and sealed with the hub's subject key: the
/// database never holds a phone number, e-mail address or what someone wrote about their situation in clear.
/// </summary>
public sealed class SelfRegistrationStore(TrajectoryStore store, SecretBox box, TimeProvider time)
{
    /// <summary>Keeps the answers of a trajectory's registration; a repeated submit of the same registration keeps the first.</summary>
    public async Task SaveAsync(string trajectoryId, SelfRegistrationAnswers answers, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO self_registrations (trajectory_id, answers, created_at) VALUES (@trajectoryId, @answers, @createdAt) ON CONFLICT DO NOTHING",
            new { trajectoryId, answers = box.Seal(JsonSerializer.Serialize(answers)), createdAt = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    /// <summary>The answers given with a trajectory's registration; null when it was not registered at <c>/aanmelden</c>.</summary>
    public async Task<SelfRegistrationAnswers?> FindAsync(string trajectoryId, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var sealedAnswers = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT answers FROM self_registrations WHERE trajectory_id = @trajectoryId", new { trajectoryId });
        return sealedAnswers is null ? null : JsonSerializer.Deserialize<SelfRegistrationAnswers>(box.Open(sealedAnswers));
    }
}
