using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Schuldketen.Functions.Worker.Http;

/// <summary>Early-warning signals under <c>/api/v1/signals</c> and the DDAS report under <c>/api/v1/reports</c> as HTTP functions.</summary>
public sealed class SignalFunctions(HubEndpoints hub)
{
    private const string Signals = "api/v1/signals";
    private const string SignalImport = "api/v1/signals/imports/{id}";
    private const string SignalExport = "api/v1/signals/export";
    private const string DdasReport = "api/v1/reports/ddas/vroegsignalering";

    [Function("postSignals")]
    public Task<IActionResult> PostSignals([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Signals)] HttpRequest request) =>
        hub.RunAsync(request, Signals);

    [Function("getSignalImport")]
    public Task<IActionResult> GetSignalImport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SignalImport)] HttpRequest request) =>
        hub.RunAsync(request, SignalImport);

    [Function("exportSignals")]
    public Task<IActionResult> ExportSignals([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SignalExport)] HttpRequest request) =>
        hub.RunAsync(request, SignalExport);

    [Function("getDdasEarlyWarningReport")]
    public Task<IActionResult> GetDdasEarlyWarningReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DdasReport)] HttpRequest request) =>
        hub.RunAsync(request, DdasReport);
}
