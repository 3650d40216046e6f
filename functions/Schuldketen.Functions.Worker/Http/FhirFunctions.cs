using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Schuldketen.Functions.Worker.Http;

/// <summary>The GP referral over FHIR R4 under <c>/fhir/r4</c> as HTTP functions, its errors as OperationOutcomes.</summary>
public sealed class FhirFunctions(HubEndpoints hub)
{
    private const string Metadata = "fhir/r4/metadata";
    private const string Base = "fhir/r4";
    private const string Tasks = "fhir/r4/Task";
    private const string Task = "fhir/r4/Task/{id}";
    private const string AnyOther = "fhir/r4/{**path}";

    [Function("fhirCapabilities")]
    public Task<IActionResult> Capabilities([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Metadata)] HttpRequest request) =>
        hub.RunAsync(request, Metadata);

    [Function("fhirTransaction")]
    public Task<IActionResult> Transaction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest request) =>
        hub.RunAsync(request, Base);

    [Function("fhirCreateTask")]
    public Task<IActionResult> CreateTask([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Tasks)] HttpRequest request) =>
        hub.RunAsync(request, Tasks);

    [Function("fhirSearchTasks")]
    public Task<IActionResult> SearchTasks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Tasks)] HttpRequest request) =>
        hub.RunAsync(request, Tasks);

    [Function("fhirReadTask")]
    public Task<IActionResult> ReadTask([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Task)] HttpRequest request) =>
        hub.RunAsync(request, Task);

    [Function("fhirPatchTask")]
    public Task<IActionResult> PatchTask([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Task)] HttpRequest request) =>
        hub.RunAsync(request, Task);

    [Function("fhirUnsupported")]
    public Task<IActionResult> Unsupported([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = AnyOther)] HttpRequest request) =>
        hub.RunAsync(request, AnyOther);
}
