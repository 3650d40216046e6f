using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Schuldketen.Functions.Auth;

/// <summary>
/// Validates bearer tokens once and remembers the valid ones until they expire: a partner system sends
/// the same token with thousands of events, and parsing and checking it again each time was a tenth of
/// the hub's work per event. A remembered token is still judged against the hub's clock on every use,
/// and every request gets its own copy of the identity.
/// </summary>
internal sealed class ValidatedTokens(TimeProvider time) : JsonWebTokenHandler
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, TokenValidationResult> valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (valid.TryGetValue(token, out var known) && known.SecurityToken is { } remembered)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (remembered.ValidFrom <= now + validationParameters.ClockSkew && remembered.ValidTo >= now - validationParameters.ClockSkew)
            {
                return new TokenValidationResult { IsValid = true, ClaimsIdentity = known.ClaimsIdentity.Clone(), SecurityToken = remembered, Issuer = known.Issuer };
            }

            valid.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is not null)
        {
            if (valid.Count >= Capacity)
            {
                valid.Clear();
            }

            valid[token] = result;
        }

        return result;
    }
}
