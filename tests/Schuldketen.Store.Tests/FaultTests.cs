using System.Data.Common;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

/// <summary>A fault after any step of the apply path leaves the whole event or nothing.</summary>
public class FaultTests
{
    public static TheoryData<string, ApplyStep, bool> Faults()
    {
        var data = new TheoryData<string, ApplyStep, bool>();
        foreach (var provider in new[] { TestDatabase.Sqlite, TestDatabase.PostgreSql })
        {
            foreach (var step in Enum.GetValues<ApplyStep>())
            {
                data.Add(provider, step, false);
                data.Add(provider, step, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_after_a_step_leaves_nothing_and_a_retry_applies_the_event_once(string provider, ApplyStep step, bool killConnection)
    {
        ApplyStep? faultAt = null;
        await using var harness = new StoreHarness(provider, async (current, connection) =>
        {
            if (current != faultAt)
            {
                return;
            }

            faultAt = null;
            if (!killConnection)
            {
                throw new InvalidOperationException($"Injected fault after {current}.");
            }

            await Kill(connection, provider);
        });
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        var before = await harness.CountAsync();
        var check = Event("trj-1", EventTypes.CrisisCheckCompleted, Monday.AddHours(2), eventId: "check-1", guard: Guards.Crisis);

        faultAt = step;
        await Assert.ThrowsAnyAsync<Exception>(() => harness.Store.ApplyAsync(check));

        Assert.Equal(before, await harness.CountAsync());
        Assert.Equal(("aanmelding", 1L), ((await harness.Store.FindAsync("trj-1"))!.Phase, (await harness.Store.FindAsync("trj-1"))!.Version));

        var retried = await harness.Store.ApplyAsync(check);
        var replayed = await harness.Store.ApplyAsync(check);
        Assert.Equal((ApplyStatus.Accepted, "crisisinterventie", false), (retried.Status, retried.Phase, retried.Replayed));
        Assert.True(replayed.Replayed);
        Assert.Equal(before with { History = 2, Inbox = 2, Outbox = 2, Audit = 2 }, await harness.CountAsync());
    }

    private static async Task Kill(DbConnection connection, string provider)
    {
        if (provider == TestDatabase.PostgreSql)
        {
            // The server ends this session, as a crashed backend or a dropped network would.
            await using var killer = new Npgsql.NpgsqlConnection(((Npgsql.NpgsqlConnection)connection).ConnectionString);
            await killer.OpenAsync();
            await killer.ExecuteAsync("SELECT pg_terminate_backend(@pid)", new { pid = ((Npgsql.NpgsqlConnection)connection).ProcessID });
        }
        else
        {
            await connection.CloseAsync();
        }
    }
}
