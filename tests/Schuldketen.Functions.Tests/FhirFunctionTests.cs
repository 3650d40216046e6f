using Hl7.Fhir.Model;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Functions.Worker.Http;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Functions.Tests;

/// <summary>The GP referral's functions, called as the Functions host calls them: a Task in, its OperationOutcome when it is wrong.</summary>
public class FhirFunctionTests
{
    private static readonly Dictionary<string, string?> Routing = new()
    {
        ["Schuldketen:Referrals:PostcodeRanges:0:From"] = "3500",
        ["Schuldketen:Referrals:PostcodeRanges:0:To"] = "3599",
        ["Schuldketen:Referrals:PostcodeRanges:0:Municipality"] = Municipality,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task A_referral_creates_its_task_once_and_what_is_wrong_gets_an_operation_outcome_that_says_what_to_fix(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, Routing);
        var fhir = app.Functions<FhirFunctions>();
        var gp = app.TokenFor(GeneralPractice, PartnerRole.GeneralPractitioner);
        var referral = FhirJson.Write(new Referral().ContainedTask());

        var created = await app.CallAsync(fhir.CreateTask, "POST", "/fhir/r4/Task", gp, referral, FhirSystems.MediaType);
        var again = await app.CallAsync(fhir.CreateTask, "POST", "/fhir/r4/Task", gp, referral, FhirSystems.MediaType);

        Assert.True(created.Status == 201, created.Body);
        var task = Assert.IsType<Hl7.Fhir.Model.Task>(FhirJson.Read(created.Body).Resource);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, task.Status);
        Assert.EndsWith($"/fhir/r4/Task/{task.Id}", created.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Referral.Bsn, created.Body, StringComparison.Ordinal);
        Assert.Equal(200, again.Status);
        Assert.Equal(task.Id, Assert.IsType<Hl7.Fhir.Model.Task>(FhirJson.Read(again.Body).Resource).Id);

        var read = await app.CallAsync(fhir.ReadTask, "GET", $"/fhir/r4/Task/{task.Id}", gp);
        Assert.Equal(200, read.Status);

        AssertOutcome(await app.CallAsync(fhir.CreateTask, "POST", "/fhir/r4/Task", gp, FhirJson.Write(new Referral().Patient), FhirSystems.MediaType), 400);
        AssertOutcome(await app.CallAsync(fhir.CreateTask, "POST", "/fhir/r4/Task", gp, "{ niet json", FhirSystems.MediaType), 400);
        AssertOutcome(await app.CallAsync(fhir.CreateTask, "POST", "/fhir/r4/Task", body: referral, contentType: FhirSystems.MediaType), 401);
        AssertOutcome(await app.CallAsync(fhir.ReadTask, "GET", $"/fhir/r4/Task/{task.Id}", app.TokenFor(OtherMunicipality, PartnerRole.GeneralPractitioner)), 404);
        AssertOutcome(await app.CallAsync(fhir.Unsupported, "GET", "/fhir/r4/Verwijzing", gp), 404);
    }

    private static void AssertOutcome(FunctionAnswer answer, int status)
    {
        Assert.True(answer.Status == status, $"Expected {status}, got {answer.Status}: {answer.Body}");
        Assert.StartsWith(FhirSystems.MediaType, answer.ContentType, StringComparison.Ordinal);
        var outcome = Assert.IsType<OperationOutcome>(FhirJson.Read(answer.Body).Resource);
        Assert.All(outcome.Issue, issue =>
        {
            Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
            Assert.True(issue.Diagnostics is { Length: > 20 }, $"'{issue.Diagnostics}' does not say what to fix");
        });
        Assert.NotEmpty(outcome.Issue);
        Assert.DoesNotContain(Referral.Bsn, answer.Body, StringComparison.Ordinal);
    }
}
