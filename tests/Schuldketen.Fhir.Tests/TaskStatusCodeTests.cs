using Hl7.Fhir.Utility;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Fhir;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Fhir.Tests;

/// <summary>
/// A definition names the Task status of each phase and outcome as a code, checked against the hub's own
/// list; every code that list lets through shows as exactly that status, and no FHIR status is missing from it.
/// </summary>
public class TaskStatusCodeTests
{
    public static TheoryData<string> Codes() => new(TaskStatusCodes.All);

    [Fact]
    public void The_codes_a_definition_may_name_are_exactly_the_fhir_task_statuses()
    {
        Assert.Equal(
            Enum.GetValues<TaskStatus>().Select(status => status.GetLiteral()).Order(StringComparer.Ordinal),
            TaskStatusCodes.All.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void A_referral_shows_the_status_and_reason_its_definition_gives(string code)
    {
        var task = ReferralTask.From(Referral(code, "Een reden uit de definitie.", cancelledAt: null));

        Assert.Equal(code, TaskStatusMap.Code(task.Status!.Value));
        Assert.Equal("Een reden uit de definitie.", task.StatusReason?.Text);
    }

    [Fact]
    public void A_referral_its_referrer_cancelled_shows_cancelled_whatever_the_definition_gives()
    {
        var task = ReferralTask.From(Referral("in-progress", null, cancelledAt: DateTimeOffset.UnixEpoch));

        Assert.Equal((TaskStatus.Cancelled, TaskStatusMap.CancelledByReferrer), (task.Status, task.StatusReason?.Text));
    }

    private static ReferralState Referral(string status, string? reason, DateTimeOffset? cancelledAt) => new(
        "verwijzing-1", "00000001007777777000", "00000001001234567000", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        status, reason, cancelledAt);
}
