using System.Text.Json;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts.Tests.Events;

/// <summary>Whatever a sender puts in data, the answer is a list of problems, never an exception.</summary>
public sealed class HostileDataTests
{
    public static TheoryData<string> Hostile { get; } =
    [
        """{"creditorCount":1e400,"totalDebt":1,"monthlyRepaymentCapacity":1}""",
        """{"creditorCount":3,"totalDebt":123456789012345678901234567890123456789,"monthlyRepaymentCapacity":1}""",
        """{"creditorCount":99999999999999999999999,"totalDebt":1,"monthlyRepaymentCapacity":1}""",
        """{"creditorCount":3,"creditorCount":4,"totalDebt":1,"monthlyRepaymentCapacity":1}""",
        """{"creditorCount":{"a":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]},"totalDebt":1,"monthlyRepaymentCapacity":1}""",
        """{"\u0000":"\ud800","totalDebt":"\u0000"}""",
        """{"":1}""",
        """{"a/b~c":1}""",
        "\"text\"",
        "true",
        "0",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_data_gives_problems_for_every_type(string json)
    {
        var data = JsonDocument.Parse(json).RootElement;

        foreach (var type in EventDataCatalogue.DataTypes.Keys)
        {
            var result = EventDataCatalogue.Validate(type, data);
            Assert.False(result.IsValid, type);
            Assert.All(result.Problems, problem => Assert.True(problem.Pointer.Length == 0 || problem.Pointer.StartsWith('/'), problem.Pointer));
        }
    }

    [Fact]
    public void A_member_sent_twice_is_refused()
    {
        var json = """{"creditorCount":3,"creditorCount":4,"totalDebt":1,"monthlyRepaymentCapacity":1}""";

        var problem = Assert.Single(EventDataCatalogue.Validate(EventTypes.StabilisationCompleted, Samples.Json(json)).Problems);

        Assert.Equal("/creditorCount", problem.Pointer);
    }
}
