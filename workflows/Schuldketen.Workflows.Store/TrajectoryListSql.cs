using System.Text;
using Dapper;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// The SQL of one list read. Every read starts from the organisation's participant rows, which carry their trajectory's
/// phase and change time, so a page is read from an index in its own order and costs its own size however many
/// trajectories the hub holds. Only the filters asked for are in the statement, so each provider's planner sees plain
/// conditions it can answer from an index (an <c>@x IS NULL OR …</c> keeps SQLite from using one).
/// </summary>
internal static class TrajectoryListSql
{
    private static readonly string Columns = string.Join(", ", StoreDialect.TrajectoryColumns.Split(", ").Select(column => "t." + column));

    /// <summary>The statement for a page of <paramref name="query"/>, reading one row more than the page to know whether another follows.</summary>
    public static (string Sql, DynamicParameters Parameters) Page(TrajectoryQuery query)
    {
        var (where, parameters) = Where(query);
        parameters.Add("limit", query.PageSize + 1);
        if (query.Order == TrajectoryOrder.EarliestDeadlineFirst)
        {
            // A counsellor's caseload is their own size; the earliest due date of each is one index probe.
            parameters.Add("offset", (query.Page - 1L) * query.PageSize);
            return (
                $"SELECT {Columns} FROM (SELECT DISTINCT p.trajectory_id, " +
                "(SELECT min(m.due_on) FROM timers m WHERE m.trajectory_id = p.trajectory_id) AS next_due " +
                $"FROM participants p WHERE {where}) c JOIN trajectories t ON t.id = c.trajectory_id " +
                "ORDER BY c.next_due ASC NULLS LAST, t.id LIMIT @limit OFFSET @offset",
                parameters);
        }

        var page = new StringBuilder(where);
        if (query.After is { } after)
        {
            // Written as a range on updated_at and a filter, since the order mixes directions and rules out a row-value comparison.
            page.Append(" AND p.updated_at <= @afterAt AND (p.updated_at < @afterAt OR p.trajectory_id > @afterId)");
            parameters.Add("afterAt", after.UpdatedAt);
            parameters.Add("afterId", after.Id);
        }

        page.Append(" ORDER BY p.updated_at DESC, p.trajectory_id LIMIT @limit");
        if (query.After is null && query.Page > 1)
        {
            page.Append(" OFFSET @offset");
            parameters.Add("offset", (query.Page - 1L) * query.PageSize);
        }

        // DISTINCT: an organisation in two roles has two participant rows, side by side in this order.
        return (
            $"SELECT {Columns} FROM (SELECT DISTINCT p.updated_at, p.trajectory_id FROM participants p WHERE {page}) k " +
            "JOIN trajectories t ON t.id = k.trajectory_id ORDER BY k.updated_at DESC, k.trajectory_id",
            parameters);
    }

    public static (string Sql, DynamicParameters Parameters) Count(TrajectoryQuery query)
    {
        var (where, parameters) = Where(query);
        return ($"SELECT count(DISTINCT p.trajectory_id) FROM participants p WHERE {where}", parameters);
    }

    /// <summary>The conditions on participant row <c>p</c>: the organisation (and its contact person when asked), phase and deadline.</summary>
    private static (string Where, DynamicParameters Parameters) Where(TrajectoryQuery query)
    {
        var parameters = new DynamicParameters();
        var where = new StringBuilder("p.organisation = @organisation");
        parameters.Add("organisation", query.Organisation);
        if (query.Contact is not null)
        {
            where.Append(" AND p.contact_id = @contact");
            parameters.Add("contact", query.Contact);
        }

        if (query.Phase is not null)
        {
            where.Append(" AND p.phase = @phase");
            parameters.Add("phase", query.Phase);
        }

        if (query.DueBy is { } dueBy)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM timers m WHERE m.trajectory_id = p.trajectory_id AND m.due_on <= @dueBy)");
            parameters.Add("dueBy", dueBy.ToString("O"));
        }

        return (where.ToString(), parameters);
    }
}
