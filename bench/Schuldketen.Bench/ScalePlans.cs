using Dapper;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Bench;

/// <summary>The main query of each read kind, and how the database runs it: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite.</summary>
internal static class ScalePlans
{
    public static async Task PrintAsync(HubServer hub, string read)
    {
        var store = hub.Store;
        var municipality = DemoOrganisations.Municipality.Oin;
        var some = ScaleSeed.TrajectoryId(0);
        var position = ListPosition.Of((await store.FindAsync(ScaleSeed.TrajectoryId(ScaleSeed.Municipalities * 1000)) ?? (await store.FindAsync(some))!));
        (string Sql, object Parameters) main = read switch
        {
            "trajectory" or "case" => ("SELECT * FROM trajectories WHERE id = @id", new { id = some }),
            "timeline" or "history" => ("SELECT * FROM history WHERE trajectory_id = @id ORDER BY sequence", new { id = some }),
            "list-first" => TrajectoryListSql.Page(new TrajectoryQuery(municipality)),
            "list-deep" => TrajectoryListSql.Page(new TrajectoryQuery(municipality) { After = position }),
            "list-phase" => TrajectoryListSql.Page(new TrajectoryQuery(municipality, Phase: "stabilisatie")),
            "list-deadline" => TrajectoryListSql.Page(new TrajectoryQuery(municipality, DueBy: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14))),
            "caseload" => TrajectoryListSql.Page(new TrajectoryQuery(DemoOrganisations.CreditBank.Oin, PageSize: 25, Contact: "consulent-1")
            {
                Order = TrajectoryOrder.EarliestDeadlineFirst,
            }),
            "resident" => ("SELECT * FROM trajectories WHERE subject_hash = @hash ORDER BY started_at DESC, id",
                new { hash = hub.Service<SubjectProtector>().Hash(DemoSeed.ResidentBsn(0)) }),
            "overview" => TrajectoryListSql.Page(new TrajectoryQuery(municipality, Page: 2, PageSize: 200)),
            _ => ("SELECT * FROM referrals WHERE referrer = @referrer ORDER BY created_at, id", new { referrer = DemoOrganisations.GeneralPractice.Oin }),
        };

        Console.WriteLine($"plan {store.Provider} reads={read}: {main.Sql}");
        await using var connection = await store.Dialect.OpenAsync(CancellationToken.None);
        if (store.Provider == StoreProvider.PostgreSql)
        {
            foreach (var line in await connection.QueryAsync<string>("EXPLAIN (ANALYZE, BUFFERS) " + main.Sql, main.Parameters))
            {
                Console.WriteLine("  " + line);
            }

            return;
        }

        foreach (var row in await connection.QueryAsync("EXPLAIN QUERY PLAN " + main.Sql, main.Parameters))
        {
            Console.WriteLine("  " + (string)row.detail);
        }
    }
}
