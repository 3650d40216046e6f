using Schuldketen.Contracts.Views;
using Schuldketen.Workflows.Workplace;

namespace Schuldketen.Functions.Dashboard;

/// <summary>One line of the caseload: the trajectory, its phase, its next deadline and how much at risk it is.</summary>
public sealed record CaseRow(string Id, string PhaseTitle, DeadlineView? Next, RiskLevel Risk);
