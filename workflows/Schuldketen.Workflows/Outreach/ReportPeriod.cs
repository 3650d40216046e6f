namespace Schuldketen.Workflows.Outreach;

/// <summary>The Dutch calendar dates a report covers, both included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To);
