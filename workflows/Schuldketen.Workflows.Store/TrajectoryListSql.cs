using System.Text;
using Dapper;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// The SQL of one list read. Only the filters asked for are in the statement, so each provider's planner sees plain
/// conditions it can answer from an index (an <c>@x IS NULL OR …</c> keeps SQLite from using one), and a page is read as
/// the rows after a keyset or, for the deadline order, an offset into a caseload: never the whole matching set.
/// </summary>
internal static class TrajectoryListSql
{
    /// <summary>The statement for a page of <paramref name="query"/>, reading one row more than the page to know whether another follows.</summary>
    public static (string Sql, DynamicParameters Parameters) Page(TrajectoryQuery query)
    {
        var sql = new StringBuilder();
        if (query.Order == TrajectoryOrder.EarliestDeadlineFirst)
        {
            // Driven from the organisation's (or its contact's) participations, so a counsellor's caseload costs its own size
            // however many trajectories the hub holds; the earliest due date of each is one index probe.
            var (filters, parameters) = Filters(query);
            parameters.Add("limit", query.PageSize + 1);
            sql.Append($"SELECT {StoreDialect.TrajectoryColumns} FROM (SELECT t.*, ")
                .Append("(SELECT min(m.due_on) FROM timers m WHERE m.trajectory_id = t.id) AS next_due ")
                .Append("FROM (SELECT DISTINCT p.trajectory_id FROM participants p WHERE ").Append(Participation(query, parameters)).Append(") c ")
                .Append($"JOIN trajectories t ON t.id = c.trajectory_id WHERE 1 = 1{filters}) t ")
                .Append("ORDER BY next_due ASC NULLS LAST, id LIMIT @limit OFFSET @offset");
            parameters.Add("offset", (query.Page - 1L) * query.PageSize);
            return (sql.ToString(), parameters);
        }

        var (where, listParameters) = Where(query);
        listParameters.Add("limit", query.PageSize + 1);
        var keyset = string.Empty;
        if (query.After is { } after)
        {
            // Written as a range on updated_at and a filter, since the order mixes directions and rules out a row-value comparison.
            keyset = " AND t.updated_at <= @afterAt AND (t.updated_at < @afterAt OR t.id > @afterId)";
            listParameters.Add("afterAt", after.UpdatedAt);
            listParameters.Add("afterId", after.Id);
        }

        sql.Append($"SELECT {StoreDialect.TrajectoryColumns.Replace("id AS Id", "t.id AS Id", StringComparison.Ordinal)} FROM trajectories t ")
            .Append($"WHERE {where}{keyset} ORDER BY t.updated_at DESC, t.id LIMIT @limit");
        if (query.After is null && query.Page > 1)
        {
            sql.Append(" OFFSET @offset");
            listParameters.Add("offset", (query.Page - 1L) * query.PageSize);
        }

        return (sql.ToString(), listParameters);
    }

    public static (string Sql, DynamicParameters Parameters) Count(TrajectoryQuery query)
    {
        var (where, parameters) = Where(query);
        return ($"SELECT count(*) FROM trajectories t WHERE {where}", parameters);
    }

    private static (string Where, DynamicParameters Parameters) Where(TrajectoryQuery query)
    {
        var parameters = new DynamicParameters();
        var participation = Participation(query, parameters);
        var (filters, filterParameters) = Filters(query);
        parameters.AddDynamicParams(filterParameters);
        return ($"EXISTS (SELECT 1 FROM participants p WHERE p.trajectory_id = t.id AND {participation}){filters}", parameters);
    }

    /// <summary>The participations of the query's organisation, and of its contact person when asked.</summary>
    private static string Participation(TrajectoryQuery query, DynamicParameters parameters)
    {
        parameters.Add("organisation", query.Organisation);
        if (query.Contact is null)
        {
            return "p.organisation = @organisation";
        }

        parameters.Add("contact", query.Contact);
        return "p.organisation = @organisation AND p.contact_id = @contact";
    }

    /// <summary>The phase and deadline filters on trajectory <c>t</c>, each with a leading AND; empty when none is asked.</summary>
    private static (string Filters, DynamicParameters Parameters) Filters(TrajectoryQuery query)
    {
        var parameters = new DynamicParameters();
        var filters = new StringBuilder();
        if (query.Phase is not null)
        {
            filters.Append(" AND t.phase = @phase");
            parameters.Add("phase", query.Phase);
        }

        if (query.DueBy is { } dueBy)
        {
            filters.Append(" AND EXISTS (SELECT 1 FROM timers m WHERE m.trajectory_id = t.id AND m.due_on <= @dueBy)");
            parameters.Add("dueBy", dueBy.ToString("O"));
        }

        return (filters.ToString(), parameters);
    }
}
