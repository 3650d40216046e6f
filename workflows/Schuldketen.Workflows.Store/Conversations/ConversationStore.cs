using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Conversations;
using Schuldketen.Workflows.Store.Privacy;
using Schuldketen.Workflows.Store.Residents;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>
/// The conversation of a trajectory between its resident and the organisations that handle the case. Only members
/// (<see cref="ConversationRules.MayTakePart"/>) get an answer; for anyone else every call answers null, as for a
/// trajectory that does not exist, and changes nothing. Text and file names are sealed in the database, file content
/// is sealed before it reaches the <see cref="IAttachmentStore"/>. Every read, write and download is audited.
/// </summary>
public sealed class ConversationStore(
    TrajectoryStore store, SecretBox box, IAttachmentStore contents, IEnumerable<IMalwareScanner> scanners, HubIdentity hub, TimeProvider time)
{
    private const string MessageColumns =
        "id AS Id, author_organisation AS Organisation, author_role AS Role, author_person AS Person, author_name AS Name, body AS Body, " +
        "written_at AS WrittenAt";

    private const string AttachmentColumns =
        "id AS Id, message_id AS MessageId, file_name AS FileName, content_type AS ContentType, size AS Size, handed_in_at AS HandedInAt";

    /// <summary>The conversation, audited as read; a professional's organisation has then read every message in it.</summary>
    public async Task<Conversation?> ReadAsync(string trajectoryId, ConversationMember reader, string? traceParent, CancellationToken cancellationToken)
    {
        if (await AccessAsync(trajectoryId, reader, cancellationToken) is not { } access)
        {
            return null;
        }

        var (trajectory, participants) = access;

        await store.RecordAsync([Audit(reader is ConversationMember.Resident ? ResidentReader.OwnReadActivity : ConversationActivities.Read,
            reader, trajectory, traceParent)], cancellationToken);
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var attachments = (await AttachmentsAsync(connection, trajectoryId, residentOnly: false)).ToLookup(attachment => attachment.MessageId);
        var messages = (await connection.QueryAsync<MessageRow>(
                $"SELECT {MessageColumns} FROM messages WHERE trajectory_id = @trajectoryId ORDER BY id", new { trajectoryId }))
            .Select(row => new StoredMessage(row.Id, trajectoryId, row.Organisation, row.Role, row.Person, row.Name, box.Open(row.Body),
                DateTimeOffset.FromUnixTimeMilliseconds(row.WrittenAt), attachments[row.Id].ToList()))
            .ToList();
        if (reader is ConversationMember.Professional professional && messages.Count > 0)
        {
            await connection.ExecuteAsync(
                "INSERT INTO conversation_reads (trajectory_id, organisation, read_up_to) VALUES (@trajectoryId, @organisation, @readUpTo) " +
                "ON CONFLICT (trajectory_id, organisation) DO UPDATE SET read_up_to = excluded.read_up_to " +
                "WHERE conversation_reads.read_up_to < excluded.read_up_to",
                new { trajectoryId, organisation = professional.Organisation, readUpTo = messages[^1].Id });
        }

        return new Conversation(trajectory, participants, messages, IsClosed(trajectory));
    }

    /// <summary>
    /// Writes a message, with at most one file, in one transaction with its audit entry. The file must pass
    /// <see cref="AttachmentCheck"/> and every registered <see cref="IMalwareScanner"/>; a refused message stores nothing.
    /// </summary>
    public async Task<WriteResult?> WriteAsync(
        string trajectoryId, ConversationMember writer, string? text, NewAttachment? file, long maxFileBytes, string? traceParent,
        CancellationToken cancellationToken)
    {
        if (await AccessAsync(trajectoryId, writer, cancellationToken) is not { Trajectory: var trajectory })
        {
            return null;
        }

        if (IsClosed(trajectory))
        {
            return new WriteResult(trajectory, null, Closed: true);
        }

        var textProblem = ConversationRules.ProblemWith(text, file is not null);
        var (type, fileProblem) = file is null ? (null, null) : AttachmentCheck.Of(file.FileName, file.Content, maxFileBytes);
        if (file is not null && fileProblem is null && !await IsSafeAsync(file.Content, cancellationToken))
        {
            fileProblem = "Dit bestand kunnen wij niet aannemen, omdat de virusscanner het afkeurt. Stuur een ander bestand.";
        }

        if (textProblem is not null || fileProblem is not null)
        {
            return new WriteResult(trajectory, null, textProblem, fileProblem);
        }

        var now = time.GetUtcNow();
        var attachment = file is null ? null : new PendingFile(AttachmentIds.New(), Path.GetFileName(file.FileName), type!, file.Content.LongLength);
        if (attachment is not null)
        {
            await contents.PutAsync(attachment.Id, box.Seal(file!.Content), cancellationToken);
        }

        try
        {
            var professional = writer as ConversationMember.Professional;
            await using var connection = await store.Dialect.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var id = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO messages (trajectory_id, author_organisation, author_role, author_person, author_name, body, written_at) " +
                "VALUES (@trajectoryId, @organisation, @role, @person, @name, @body, @writtenAt) RETURNING id",
                new
                {
                    trajectoryId, organisation = professional?.Organisation, role = professional?.Role.WireName(), person = professional?.Person,
                    name = professional?.Name,
                    body = box.Seal(text?.Trim() ?? ""), writtenAt = now.ToUnixTimeMilliseconds(),
                },
                transaction);
            var attachments = new List<StoredAttachment>();
            if (attachment is { } stored)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO attachments (id, message_id, trajectory_id, file_name, content_type, size, handed_in_at) " +
                    "VALUES (@Id, @messageId, @trajectoryId, @fileName, @contentType, @Size, @handedInAt)",
                    new
                    {
                        stored.Id, messageId = id, trajectoryId, fileName = box.Seal(stored.Name), contentType = stored.Type.ContentType,
                        stored.Size, handedInAt = now.ToUnixTimeMilliseconds(),
                    },
                    transaction);
                attachments.Add(new StoredAttachment(stored.Id, id, stored.Name, stored.Type, stored.Size, now));
            }

            await store.Dialect.InsertAuditAsync(connection, transaction, [Audit(
                writer is ConversationMember.Resident ? ConversationActivities.ResidentWrite : ConversationActivities.Write,
                writer, trajectory, traceParent).ToRow()]);
            await transaction.CommitAsync(cancellationToken);
            return new WriteResult(trajectory, new StoredMessage(
                id, trajectoryId, professional?.Organisation, professional?.Role.WireName(), professional?.Person, professional?.Name, text?.Trim() ?? "", now,
                attachments));
        }
        catch when (attachment is not null)
        {
            await contents.DeleteAsync(attachment.Id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>One attachment's file for a member of the conversation, audited; null for anyone else or an unknown id.</summary>
    public async Task<AttachmentFile?> DownloadAsync(
        string trajectoryId, string attachmentId, ConversationMember reader, string? traceParent, CancellationToken cancellationToken)
    {
        if (!AttachmentIds.IsWellFormed(attachmentId) || await AccessAsync(trajectoryId, reader, cancellationToken) is not { Trajectory: var trajectory })
        {
            return null;
        }

        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AttachmentRow>(
            $"SELECT {AttachmentColumns} FROM attachments WHERE id = @attachmentId AND trajectory_id = @trajectoryId", new { attachmentId, trajectoryId });
        if (row is null || await contents.GetAsync(attachmentId, cancellationToken) is not { } sealedContent)
        {
            return null;
        }

        await store.RecordAsync([Audit(reader is ConversationMember.Resident ? ResidentReader.OwnReadActivity : ConversationActivities.Download,
            reader, trajectory, traceParent)], cancellationToken);
        return new AttachmentFile(ToAttachment(row), box.Open(sealedContent));
    }

    /// <summary>The files the resident handed in on a trajectory, oldest first: what their task shows. Read with the trajectory, which audits it.</summary>
    public async Task<IReadOnlyList<StoredAttachment>> HandedInAsync(string trajectoryId, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        return await AttachmentsAsync(connection, trajectoryId, residentOnly: true);
    }

    /// <summary>How many messages of others an organisation has not read yet, per trajectory of <paramref name="trajectoryIds"/> that has any.</summary>
    public async Task<IReadOnlyDictionary<string, int>> UnreadAsync(
        string organisation, IReadOnlyList<string> trajectoryIds, CancellationToken cancellationToken)
    {
        if (trajectoryIds.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string TrajectoryId, long Unread)>(
            "SELECT m.trajectory_id, COUNT(*) FROM messages m " +
            "LEFT JOIN conversation_reads r ON r.trajectory_id = m.trajectory_id AND r.organisation = @organisation " +
            $"WHERE m.trajectory_id {store.Dialect.AnyOf("@ids")} AND (m.author_organisation IS NULL OR m.author_organisation <> @organisation) " +
            "AND m.id > COALESCE(r.read_up_to, 0) GROUP BY m.trajectory_id",
            new { organisation, ids = trajectoryIds.ToArray() });
        return rows.ToDictionary(row => row.TrajectoryId, row => (int)row.Unread, StringComparer.Ordinal);
    }

    private async Task<(TrajectoryRecord Trajectory, IReadOnlyList<StoredParticipant> Participants)?> AccessAsync(
        string trajectoryId, ConversationMember member, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(trajectoryId, cancellationToken) is not { } trajectory)
        {
            return null;
        }

        var participants = await store.ParticipantsAsync(trajectoryId, cancellationToken);
        return ConversationRules.MayTakePart(member, trajectory, participants) ? (trajectory, participants) : null;
    }

    private async Task<bool> IsSafeAsync(byte[] content, CancellationToken cancellationToken)
    {
        foreach (var scanner in scanners)
        {
            if (!await scanner.IsSafeAsync(content, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<IReadOnlyList<StoredAttachment>> AttachmentsAsync(System.Data.Common.DbConnection connection, string trajectoryId, bool residentOnly) =>
        (await connection.QueryAsync<AttachmentRow>(
            $"SELECT {AttachmentColumns} FROM attachments WHERE trajectory_id = @trajectoryId" +
            (residentOnly ? " AND message_id IN (SELECT id FROM messages WHERE trajectory_id = @trajectoryId AND author_organisation IS NULL)" : "") +
            " ORDER BY handed_in_at, id",
            new { trajectoryId }))
        .Select(ToAttachment)
        .ToList();

    private bool IsClosed(TrajectoryRecord trajectory) => store.Engine.Library.Get(trajectory.Definition).Phase(trajectory.Phase).Terminal;

    private StoredAttachment ToAttachment(AttachmentRow row) => new(
        row.Id, row.MessageId, box.Open(row.FileName), AttachmentType.OfContentType(row.ContentType)!, row.Size,
        DateTimeOffset.FromUnixTimeMilliseconds(row.HandedInAt));

    private AuditEntry Audit(string activity, ConversationMember member, TrajectoryRecord trajectory, string? traceParent)
    {
        var trace = TraceContext.Parse(traceParent);
        var (organisation, person) = member is ConversationMember.Professional professional
            ? (professional.Organisation, professional.Person)
            : (hub.Oin, (string?)null);
        return new AuditEntry(time.GetUtcNow(), activity, organisation, person, trajectory.Id, trajectory.SubjectCipher, "geslaagd",
            trace?.TraceId, trace?.SpanId);
    }

    private sealed record PendingFile(string Id, string Name, AttachmentType Type, long Size);

    private sealed record MessageRow(long Id, string? Organisation, string? Role, string? Person, string? Name, string Body, long WrittenAt);

    private sealed record AttachmentRow(string Id, long MessageId, string FileName, string ContentType, long Size, long HandedInAt);
}
