using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Schuldketen.Functions.Settings;

/// <summary>Binds options to their configuration section and keeps the host from starting while any of their settings is broken.</summary>
public static partial class CheckedOptions
{
    /// <summary>Options whose settings have rules of their own (<see cref="ICheckedOptions.Problems"/>).</summary>
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, ICheckedOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, ProblemsValidator<T>>());
        return services.AddBoundOptions<T>(configuration, section);
    }

    /// <summary>Options bound to <paramref name="section"/>; a value of the wrong type is a problem like any other, reported at start.</summary>
    public static OptionsBuilder<T> AddBoundOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>()
            .Configure(options =>
            {
                try
                {
                    configuration.GetSection(section).Bind(options);
                }
                catch (InvalidOperationException unreadable)
                {
                    // The binder names the setting (as a configuration path) and the type it wanted, such as a word where a number belongs.
                    var line = ConfigurationPath().Replace(unreadable.Message, path => path.Value.Replace(":", "__", StringComparison.Ordinal));
                    throw new OptionsValidationException(Options.DefaultName, typeof(T), [$"{line} Correct that setting."]);
                }
            })
            .ValidateOnStart();

    [GeneratedRegex("(?<=')Schuldketen(:[^':]+)+(?=')")]
    private static partial Regex ConfigurationPath();

    private sealed class ProblemsValidator<T> : IValidateOptions<T>
        where T : class, ICheckedOptions
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
