using Schuldketen.Contracts;
using Schuldketen.Workflows.Overview;

namespace Schuldketen.Functions.Dashboard;

/// <summary>The overview's channel section: registrations and days to the first conversation per channel, as charts beside one table.</summary>
public sealed record ChannelCharts(IReadOnlyList<ChannelFlow> Flows)
{
    public BarChart Registrations => new("kanalen-grafiek", "Aanmeldingen per kanaal", "",
        Flows.Select(flow => new Bar(flow.Channel.DutchLabel(), flow.Registrations)).ToList());

    public BarChart DaysToFirstConversation => new("kanalen-wachttijd-grafiek", "Mediaan van het aantal dagen tot het eerste gesprek, per kanaal", "dagen",
        Flows.Where(flow => flow.MedianDays is not null).Select(flow => new Bar(flow.Channel.DutchLabel(), flow.MedianDays!.Value)).ToList());
}
