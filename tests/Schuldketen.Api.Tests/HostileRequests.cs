using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;

namespace Schuldketen.Api.Tests;

/// <summary>What the hostile requests aim at: the hub's one trajectory, valid tokens, and the key the hub signs its tokens with.</summary>
public sealed record HostileTarget(string TrajectoryId, string MunicipalityToken, string CreditorToken, byte[] SigningKey, DateTimeOffset Now);

/// <summary>One hostile request, named; <see cref="Status"/> is the one status it must get, or null for any 4xx.</summary>
public sealed record HostileCase(string Name, Func<HostileTarget, HttpRequestMessage> Build, int? Status = StatusCodes.Status400BadRequest);

/// <summary>
/// The table of hostile requests. Each event case is a valid event (a municipality links a creditor,
/// which the hub would accept in any open phase) with one thing broken, so a case the hub fails to
/// refuse shows up as an accepted event rather than as a refusal for some other reason.
/// </summary>
public static class HostileRequests
{
    public const string Issuer = "schuldketen-embedded";
    public const string Audience = "schuldketen";

    private const string EventsPath = "/api/v1/events";
    private const string TrajectoriesPath = "/api/v1/trajectories";
    private const string CloudEvent = "application/cloudevents+json";
    private const string Batch = "application/cloudevents-batch+json";
    private const string Json = "application/json";
    private const string Marker = "__hostile__";
    private const string Source = "urn:nld:oin:" + Organisations.Municipality + ":hostile";
    private const int LongText = 100_000;
    private const int Bad = StatusCodes.Status400BadRequest;

    private const string Registration =
        """{"bsn":"111222333","counsellor":{"organisation":"00000001009876543000","contactName":"Fatima de Vries"}}""";

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        .. MalformedJson(), .. Oversized(), .. LongStrings(), .. UnicodeTricks(), .. MissingAttributes(), .. WrongTypes(),
        .. EnvelopeRules(), .. Sources(), .. Types(), .. Subjects(), .. Data(), .. Batches(), .. ContentTypes(), .. Routes(),
        .. Tokens(), .. Registrations(), .. Listings(),
    ];

    /// <summary>The event every event case breaks: the municipality links a creditor to the trajectory.</summary>
    public static JsonObject ValidEvent(HostileTarget target) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = Guid.NewGuid().ToString(),
        ["source"] = Source,
        ["type"] = EventTypes.ParticipantLinked,
        ["subject"] = target.TrajectoryId,
        ["time"] = "2026-03-02T09:30:00Z",
        ["datacontenttype"] = Json,
        ["data"] = new JsonObject { ["organisation"] = Organisations.Landlord, ["role"] = "schuldeiser", ["contactName"] = "Woonstichting Noord" },
    };

    public static HttpRequestMessage PostEvent(HostileTarget target, string cloudEvent) =>
        Request(HttpMethod.Post, EventsPath, Encoding.UTF8.GetBytes(cloudEvent), CloudEvent, Bearer(target.MunicipalityToken));

    /// <summary>A token signed with <paramref name="key"/>, valid for an hour from the hub's now unless <paramref name="expires"/> says otherwise.</summary>
    public static string Forge(
        HostileTarget target, byte[] key, IEnumerable<Claim> claims, DateTimeOffset? expires = null, string issuer = Issuer, string audience = Audience)
    {
        var until = (expires ?? target.Now.AddHours(1)).UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = until.AddDays(-30),
            NotBefore = until.AddDays(-30),
            Expires = until,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key) { KeyId = Issuer }, SecurityAlgorithms.HmacSha256),
        });
    }

    public static Claim[] MunicipalityClaims(string organisation = Organisations.Municipality, string role = "gemeente") =>
        [new(Caller.OrganisationClaim, organisation), new(Caller.RoleClaim, role)];

    private static IEnumerable<HostileCase> MalformedJson()
    {
        yield return Raw("json-truncated", target => Text(target)[..(Text(target).Length / 2)]);
        yield return Raw("json-trailing-comma-in-object", target => Text(target)[..^1] + ",}");
        yield return Raw("json-trailing-comma-in-array", target => Text(target)[..^1] + ""","tags":["a","b",]}""");
        yield return Raw("json-single-quotes", target => Text(target).Replace('"', '\''));
        yield return Spliced("json-nan-number", "sequence", "NaN");
        yield return Spliced("json-infinity-number", "sequence", "-Infinity");
        yield return Raw("json-block-comment", target => "/* hostile */" + Text(target));
        yield return Raw("json-line-comment", target => "// hostile\n" + Text(target));
        yield return Raw("json-unquoted-member-name", target => "{id:\"x\"," + Text(target)[1..]);
        yield return Raw("json-two-documents", target => Text(target) + Text(target));
        yield return Raw("json-unterminated-string", target => Text(target)[..^2]);
        yield return Spliced("json-hex-number", "sequence", "0x10");
        yield return Spliced("json-leading-zero-number", "sequence", "0123");
        yield return Spliced("json-raw-newline-in-string", "id", "\"line\nbreak\"");
        yield return Spliced("json-invalid-escape", "id", "\"\\x41\"");
        yield return Bytes("json-bom-only", _ => [0xEF, 0xBB, 0xBF]);
        yield return Bytes("json-empty-body", _ => []);
        yield return Raw("json-whitespace-only", _ => " \t\r\n ");
        yield return Raw("json-null", _ => "null");
        yield return Raw("json-number", _ => "42");
        yield return Raw("json-string", _ => "\"event\"");
        yield return Raw("json-true", _ => "true");
        yield return Raw("json-array-as-single-event", target => $"[{Text(target)}]");
        yield return Raw("json-arrays-nested-100-deep", _ => new string('[', 100) + new string(']', 100));
        yield return Spliced("json-data-nested-70-deep", "data", new string('[', 70) + new string(']', 70));
    }

    private static IEnumerable<HostileCase> Oversized()
    {
        // With 100-continue the client sends the body only when the hub asks for it, so the 413 cannot race a body the hub will not read.
        yield return new HostileCase("body-1.5-mb", target =>
        {
            var request = PostEvent(target, Mutated(target, e => e["data"]!["contactName"] = new string('x', 1_536 * 1_024)));
            request.Headers.ExpectContinue = true;
            return request;
        }, StatusCodes.Status413PayloadTooLarge);
        yield return new HostileCase("body-1.5-mb-chunked", target =>
        {
            var request = PostEvent(target, Mutated(target, e => e["data"]!["contactName"] = new string('x', 1_536 * 1_024)));
            request.Headers.TransferEncodingChunked = true;
            return request;
        }, StatusCodes.Status413PayloadTooLarge);
    }

    private static IEnumerable<HostileCase> LongStrings()
    {
        yield return Event("long-id", e => e["id"] = Noise());
        yield return Event("long-source-system", e => e["source"] = Source + Noise());
        yield return Event("long-subject", e => e["subject"] = new string('a', LongText));
        yield return Event("long-type", e => e["type"] = EventTypes.ParticipantLinked + new string('t', LongText));
        yield return Event("long-specversion", e => e["specversion"] = "1.0" + new string('0', LongText));
        yield return Event("long-time", e => e["time"] = "2026-03-02T09:30:00." + new string('0', LongText) + "Z");
        yield return Event("long-traceparent", e => e["traceparent"] = Noise());
        yield return Event("long-extension-value", e => e["hostile"] = Noise());
        yield return Event("long-datacontenttype", e => e["datacontenttype"] = "application/json; hostile=" + Noise());
        yield return Event("long-dataschema", e => e["dataschema"] = "https://example.org/" + Noise());
    }

    private static IEnumerable<HostileCase> UnicodeTricks()
    {
        yield return Event("rtl-override-in-id", e => e["id"] = "\u202Egpj.exe-" + Guid.NewGuid());
        yield return Event("rtl-override-in-source", e => e["source"] = Source + "\u202E");
        yield return Event("rtl-override-in-subject", e => e["subject"] = "\u202E" + e["subject"]);
        yield return Event("zero-width-joiner-in-id", e => e["id"] = Guid.NewGuid() + "\u200D");
        yield return Event("zero-width-joiner-in-source", e => e["source"] = "urn:nld:oin:" + Organisations.Municipality + "\u200D");
        yield return Event("zero-width-joiner-in-subject", e => e["subject"] = e["subject"] + "\u200D");
        yield return Event("noncharacter-in-id", e => e["id"] = Guid.NewGuid() + "\uFFFE");
        yield return Spliced("lone-high-surrogate-in-id", "id", "\"\\ud800\"");
        yield return Spliced("lone-low-surrogate-in-source", "source", $"\"{Source}\\udc00\"");
        yield return Spliced("lone-surrogate-in-subject", "subject", "\"\\ud800abc\"");
        yield return Spliced("lone-surrogate-in-type", "type", $"\"{EventTypes.ParticipantLinked}\\ud800\"");
        yield return Spliced("lone-surrogate-in-extension", "hostile", "\"\\ud800\"");
        yield return Spliced("lone-surrogate-in-data", "data",
            $$"""{"organisation":"{{Organisations.Landlord}}","role":"schuldeiser","contactName":"\ud800"}""");
        yield return Spliced("nul-in-id", "id", "\"hostile\\u0000id\"");
        yield return Spliced("nul-in-subject", "subject", "\"abc\\u0000\"");
        yield return Spliced("nul-in-extension", "hostile", "\"nul\\u0000value\"");
        yield return Spliced("nul-in-data", "data",
            $$"""{"organisation":"{{Organisations.Landlord}}","role":"schuldeiser","contactName":"Woon\u0000stichting"}""");
        yield return Event("arabic-indic-oin-in-source", e => e["source"] = "urn:nld:oin:" + Digits(Organisations.Municipality, '\u0660'));
        yield return Event("fullwidth-oin-in-source", e => e["source"] = "urn:nld:oin:" + Digits(Organisations.Municipality, '\uFF10'));
        yield return Event("arabic-indic-oin-in-data", e => e["data"]!["organisation"] = Digits(Organisations.Landlord, '\u0660'));
        yield return Event("fullwidth-oin-in-data", e => e["data"]!["organisation"] = Digits(Organisations.Landlord, '\uFF10'));
        yield return InvalidUtf8("utf8-overlong-slash-in-id", "id", [0xC0, 0xAF]);
        yield return InvalidUtf8("utf8-overlong-nul-in-id", "id", [0x61, 0xC0, 0x80, 0x62]);
        yield return InvalidUtf8("utf8-encoded-surrogate-in-id", "id", [0xED, 0xA0, 0x80]);
        yield return InvalidUtf8("utf8-truncated-sequence-in-subject", "subject", [0x61, 0xE2, 0x82]);
        yield return InvalidUtf8("utf8-invalid-bytes-in-extension", "hostile", [0xFF, 0xFE, 0xFD]);
        yield return Bytes("utf8-invalid-bytes-in-member-name", target => [(byte)'{', (byte)'"', 0xFF, 0xC0, (byte)'"', (byte)':', (byte)'1', (byte)',', .. Utf8(Text(target)[1..])]);
        yield return Bytes("utf8-invalid-bytes-in-data", target =>
        {
            var parts = Mutated(target, e => e["data"]!["contactName"] = Marker).Split(Marker);
            return [.. Utf8(parts[0]), 0xF8, 0x88, 0x80, 0x80, 0x80, .. Utf8(parts[1])];
        });
    }

    private static IEnumerable<HostileCase> MissingAttributes() =>
        new[] { "id", "source", "specversion", "type", "subject", "data" }.Select(name => Event($"missing-{name}", e => e.Remove(name)));

    private static IEnumerable<HostileCase> WrongTypes()
    {
        var kinds = new (string Kind, Func<JsonNode?> Value)[]
        {
            ("number", () => 42), ("bool", () => true), ("object", () => new JsonObject { ["value"] = "x" }), ("array", () => new JsonArray("x")), ("null", () => null),
        };

        // Null means "not there" in the CloudEvents JSON format, so a null optional attribute is a valid event; only required ones get a null.
        foreach (var name in new[] { "id", "source", "specversion", "type", "subject" })
        {
            foreach (var (kind, value) in kinds)
            {
                yield return Event($"{name}-as-{kind}", e => e[name] = value());
            }
        }

        foreach (var name in new[] { "time", "datacontenttype", "dataschema", "traceparent" })
        {
            foreach (var (kind, value) in kinds.Where(kind => kind.Kind != "null"))
            {
                yield return Event($"{name}-as-{kind}", e => e[name] = value());
            }
        }
    }

    private static IEnumerable<HostileCase> EnvelopeRules()
    {
        yield return Prefixed("duplicate-id", "\"id\":\"first\",");
        yield return Prefixed("duplicate-type", $"\"type\":\"{EventTypes.CrisisCheckCompleted}\",");
        yield return Prefixed("duplicate-source", $"\"source\":\"urn:nld:oin:{Organisations.OtherMunicipality}\",");
        yield return Prefixed("duplicate-data", "\"data\":{\"crisis\":false},");
        foreach (var version in new[] { "0.3", "1", "1.0.0", " 1.0", "" })
        {
            yield return Event($"specversion-'{version}'", e => e["specversion"] = version);
        }

        foreach (var time in new[]
                 {
                     "2026-02-30T10:00:00Z", "yesterday", "2026-03-02T10:00:00", "2026-03-02 10:00:00", "2026-03-02T10:00:00+25:00",
                     "2026-03-02T10:00:00.123456789Z", "2026-03-02", "",
                 })
        {
            yield return Event($"time-'{time}'", e => e["time"] = time);
        }

        yield return Event("extension-name-uppercase", e => e["hostileExt"] = "x");
        yield return Event("extension-name-dash", e => e["hostile-ext"] = "x");
        yield return Event("extension-name-21-chars", e => e[new string('x', 21)] = "x");
        yield return Event("extension-name-non-ascii", e => e["h\u00F6stile"] = "x");
        yield return Event("extension-value-object", e => e["hostile"] = new JsonObject());
        yield return Event("extension-value-fraction", e => e["hostile"] = 1.5);
        yield return Event("extension-value-array", e => e["hostile"] = new JsonArray(1));
        yield return Event("extension-value-beyond-int32", e => e["hostile"] = 2_147_483_648L);
        yield return Event("datacontenttype-text-xml", e => e["datacontenttype"] = "text/xml");
        yield return Event("datacontenttype-octet-stream", e => e["datacontenttype"] = "application/octet-stream");
        yield return Event("datacontenttype-garbage", e => e["datacontenttype"] = "not a media type");
        yield return Event("datacontenttype-parameter-without-value", e => e["datacontenttype"] = "application/json; charset");
        yield return Event("dataschema-empty", e => e["dataschema"] = "");
        yield return Event("dataschema-relative", e => e["dataschema"] = "/api/v1/schemas/" + EventTypes.ParticipantLinked);
        yield return Event("data-base64-present", e => e["data_base64"] = "eyJjcmlzaXMiOmZhbHNlfQ==");
        yield return Event("data-base64-instead-of-data", e =>
        {
            e.Remove("data");
            e["data_base64"] = "eyJjcmlzaXMiOmZhbHNlfQ==";
        });
    }

    private static IEnumerable<HostileCase> Sources()
    {
        yield return Event("source-other-oin", e => e["source"] = "urn:nld:oin:" + Organisations.OtherMunicipality, StatusCodes.Status403Forbidden);
        yield return Event("source-19-digit-oin", e => e["source"] = "urn:nld:oin:" + Organisations.Municipality[1..]);
        yield return Event("source-21-digit-oin", e => e["source"] = "urn:nld:oin:" + Organisations.Municipality + "0");
        yield return Event("source-prefix-only", e => e["source"] = "urn:nld:oin:");
        yield return Event("source-http-url", e => e["source"] = "http://gemeente.example.nl/" + Organisations.Municipality);
        yield return Event("source-empty-system", e => e["source"] = "urn:nld:oin:" + Organisations.Municipality + ":");
        yield return Event("source-uppercase-urn", e => e["source"] = "URN:NLD:OIN:" + Organisations.Municipality);
        yield return Event("source-space-in-system", e => e["source"] = "urn:nld:oin:" + Organisations.Municipality + ":my system");
        yield return Event("source-stray-percent-in-system", e => e["source"] = "urn:nld:oin:" + Organisations.Municipality + ":100%");
    }

    private static IEnumerable<HostileCase> Types()
    {
        yield return Event("type-unknown", e => e["type"] = "nl.schuldketen.bestaat.niet");
        yield return Event("type-foreign", e => e["type"] = "com.example.object.created");
        yield return Event("type-uppercase", e => e["type"] = EventTypes.ParticipantLinked.ToUpperInvariant());
        yield return Event("type-hub-only-deadline-passed", e => e["type"] = EventTypes.DeadlinePassed);
        yield return Event("type-hub-only-registered", e => e["type"] = EventTypes.Registered);
        yield return Event("type-hub-only-migrated", e => e["type"] = EventTypes.Migrated);
    }

    private static IEnumerable<HostileCase> Subjects()
    {
        yield return Event("subject-empty", e => e["subject"] = "");
        yield return Event("subject-65-chars", e => e["subject"] = new string('a', 65));
        yield return Event("subject-with-slash", e => e["subject"] = e["subject"] + "/history");
        yield return Event("subject-with-spaces", e => e["subject"] = " " + e["subject"] + " ");
        yield return Event("subject-path-traversal", e => e["subject"] = "../" + e["subject"]);
        yield return Event("subject-sql-quote", e => e["subject"] = e["subject"] + "' OR '1'='1");
        yield return Event("subject-unknown-trajectory", e => e["subject"] = "bestaat-niet-0000", StatusCodes.Status404NotFound);
    }

    private static IEnumerable<HostileCase> Data()
    {
        yield return Event("data-null", e => e["data"] = null);
        yield return Event("data-empty-object", e => e["data"] = new JsonObject());
        yield return Event("data-string", e => e["data"] = "organisation=" + Organisations.Landlord);
        yield return Event("data-array", e => e["data"] = new JsonArray(Organisations.Landlord, "schuldeiser"));
        yield return Event("data-number", e => e["data"] = 7);
        yield return DataMember("data-organisation-number", "organisation", () => 1001234567000);
        yield return DataMember("data-organisation-null", "organisation", () => null);
        yield return DataMember("data-role-bool", "role", () => true);
        yield return DataMember("data-contact-name-object", "contactName", () => new JsonObject { ["name"] = "x" });
        yield return DataMember("data-contact-name-array", "contactName", () => new JsonArray("x"));
        yield return DataMember("data-contact-name-empty", "contactName", () => "");
        yield return DataMember("data-contact-name-201-chars", "contactName", () => new string('n', 201));
        yield return DataMember("data-extra-member", "hostile", () => "x");
        yield return DataMember("data-role-out-of-range", "role", () => "inbreker");
        yield return DataMember("data-role-hub", "role", () => "hub");
        yield return DataMember("data-role-municipality", "role", () => "gemeente");
        yield return DataMember("data-organisation-19-digits", "organisation", () => Organisations.Landlord[1..]);
        yield return OtherData("data-crisis-as-string", EventTypes.CrisisCheckCompleted, new JsonObject { ["crisis"] = "false" });
        yield return OtherData("data-crisis-kind-out-of-range", EventTypes.CrisisCheckCompleted, new JsonObject { ["crisis"] = true, ["kind"] = "overstroming" });
        yield return OtherData("data-crisis-kind-as-integer", EventTypes.CrisisCheckCompleted, new JsonObject { ["crisis"] = true, ["kind"] = 0 });
        yield return OtherData("data-crisis-without-kind", EventTypes.CrisisCheckCompleted, new JsonObject { ["crisis"] = true });
        yield return OtherData("data-drop-out-reason-out-of-range", EventTypes.DroppedOut, new JsonObject { ["reason"] = "ontvoerd" });
        yield return OtherData("data-loan-negative-amount", EventTypes.ConsolidationLoanGranted, new JsonObject { ["amount"] = -1, ["startsOn"] = "2026-04-01" });
        yield return OtherData("data-loan-amount-as-string", EventTypes.ConsolidationLoanGranted, new JsonObject { ["amount"] = "1000", ["startsOn"] = "2026-04-01" });
        yield return OtherData("data-loan-amount-above-maximum", EventTypes.ConsolidationLoanGranted, new JsonObject { ["amount"] = 1e12, ["startsOn"] = "2026-04-01" });
        yield return Spliced("data-loan-amount-1e400", "data", """{"amount":1e400,"startsOn":"2026-04-01"}""", type: EventTypes.ConsolidationLoanGranted);
        yield return Spliced("data-loan-amount-40-digit-integer", "data", $$"""{"amount":{{new string('9', 40)}},"startsOn":"2026-04-01"}""", type: EventTypes.ConsolidationLoanGranted);
        yield return OtherData("data-loan-amount-as-bool", EventTypes.ConsolidationLoanGranted, new JsonObject { ["amount"] = true, ["startsOn"] = "2026-04-01" });
        yield return OtherData("data-date-as-number", EventTypes.MoratoriumGranted, new JsonObject { ["until"] = 20260901 });
        yield return OtherData("data-date-impossible", EventTypes.MoratoriumGranted, new JsonObject { ["until"] = "2026-02-30" });
        yield return OtherData("data-date-with-time", EventTypes.MoratoriumGranted, new JsonObject { ["until"] = "2026-09-01T00:00:00Z" });
        yield return OtherData("data-instant-without-zone", EventTypes.FirstConversationHeld, new JsonObject { ["heldAt"] = "2026-03-02T10:00:00" });
        yield return OtherData("data-instant-as-number", EventTypes.FirstConversationHeld, new JsonObject { ["heldAt"] = 1772442000 });
        yield return OtherData("data-note-too-long", EventTypes.FirstConversationHeld, new JsonObject { ["heldAt"] = "2026-03-02T09:00:00Z", ["note"] = new string('n', 1001) });
    }

    private static IEnumerable<HostileCase> Batches()
    {
        yield return new HostileCase("batch-not-an-array", target => PostBatch(target, Text(target)));
        yield return new HostileCase("batch-empty-array", target => PostBatch(target, "[]"));
        yield return new HostileCase("batch-101-valid-events", target => PostBatch(target, $"[{string.Join(',', Enumerable.Range(0, 101).Select(_ => Text(target)))}]"));
        yield return new HostileCase("batch-mixed-garbage", target => PostBatch(target, """[1,"x",null,true,{},[],{"specversion":"1.0"}]"""), null);
        yield return new HostileCase("batch-nested-too-deep", target => PostBatch(target, new string('[', 100) + new string(']', 100)));
        yield return new HostileCase("batch-lone-surrogate-in-id",
            target => PostBatch(target, $"[{Mutated(target, e => e["id"] = Marker).Replace($"\"{Marker}\"", "\"\\ud800\"")}]"), null);
        yield return new HostileCase("batch-of-strings", target => PostBatch(target, """["a","b"]"""), null);
    }

    private static IEnumerable<HostileCase> ContentTypes()
    {
        foreach (var contentType in new[] { "text/plain", "application/xml", Json, "multipart/form-data; boundary=x", "application/cloudevents+xml", "application/x-www-form-urlencoded" })
        {
            yield return new HostileCase($"content-type-{contentType.Split(';')[0]}",
                target => Request(HttpMethod.Post, EventsPath, Utf8(Text(target)), contentType, Bearer(target.MunicipalityToken)), StatusCodes.Status415UnsupportedMediaType);
        }

        yield return new HostileCase("content-type-missing",
            target => Request(HttpMethod.Post, EventsPath, Utf8(Text(target)), null, Bearer(target.MunicipalityToken)), StatusCodes.Status415UnsupportedMediaType);
        yield return new HostileCase("content-type-utf16-body",
            target => Request(HttpMethod.Post, EventsPath, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Text(target))).ToArray(),
                CloudEvent + "; charset=utf-16", Bearer(target.MunicipalityToken)), null);
        yield return new HostileCase("content-type-utf16-body-without-bom",
            target => Request(HttpMethod.Post, EventsPath, Encoding.Unicode.GetBytes(Text(target)), CloudEvent + "; charset=utf-16", Bearer(target.MunicipalityToken)), null);
    }

    private static IEnumerable<HostileCase> Routes()
    {
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Get })
        {
            yield return new HostileCase($"method-{method}-on-events",
                target => Request(method, EventsPath, method == HttpMethod.Get ? null : Utf8(Text(target)), CloudEvent, Bearer(target.MunicipalityToken)),
                StatusCodes.Status405MethodNotAllowed);
        }

        foreach (var path in new[] { "/api/v1/event", "/api/v2/events", "/api/v1/events/extra", "/api/v1/%2e%2e/%2e%2e/etc/passwd" })
        {
            yield return new HostileCase($"unknown-path-{path}",
                target => Request(HttpMethod.Post, path, Utf8(Text(target)), CloudEvent, Bearer(target.MunicipalityToken)), StatusCodes.Status404NotFound);
        }

        yield return new HostileCase("unknown-path-under-trajectory",
            target => Request(HttpMethod.Get, $"{TrajectoriesPath}/{target.TrajectoryId}/hostile", null, null, Bearer(target.MunicipalityToken)), StatusCodes.Status404NotFound);
        yield return new HostileCase("unknown-trajectory",
            target => Request(HttpMethod.Get, $"{TrajectoriesPath}/bestaat-niet-0000", null, null, Bearer(target.MunicipalityToken)), StatusCodes.Status404NotFound);
    }

    private static IEnumerable<HostileCase> Tokens()
    {
        const int unauthorized = StatusCodes.Status401Unauthorized;
        const int forbidden = StatusCodes.Status403Forbidden;
        yield return Authorized("token-missing", _ => null, unauthorized);
        yield return Authorized("token-malformed", _ => "Bearer not-a-jwt", unauthorized);
        yield return Authorized("token-three-garbage-parts", _ => "Bearer aaa.bbb.ccc", unauthorized);
        yield return Authorized("token-basic-scheme", _ => "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("gemeente:wachtwoord")), unauthorized);
        yield return Authorized("token-scheme-only", _ => "Bearer", unauthorized);
        yield return Authorized("token-signature-stripped", target => "Bearer " + target.MunicipalityToken[..(target.MunicipalityToken.LastIndexOf('.') + 1)], unauthorized);
        yield return Authorized("token-other-key", target => Bearer(Forge(target, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), MunicipalityClaims())), unauthorized);
        yield return Authorized("token-expired", target => Bearer(Forge(target, target.SigningKey, MunicipalityClaims(), target.Now.AddDays(-1))), unauthorized);
        yield return Authorized("token-wrong-issuer", target => Bearer(Forge(target, target.SigningKey, MunicipalityClaims(), issuer: "someone-else")), unauthorized);
        yield return Authorized("token-wrong-audience", target => Bearer(Forge(target, target.SigningKey, MunicipalityClaims(), audience: "someone-else")), unauthorized);
        yield return Authorized("token-alg-none", target => Bearer(Unsigned(target)), unauthorized);
        yield return Authorized("token-without-oin-and-role", target => Bearer(Forge(target, target.SigningKey, [new Claim(Caller.PersonClaim, "medewerker-1")])), forbidden);
        yield return Authorized("token-without-role", target => Bearer(Forge(target, target.SigningKey, MunicipalityClaims()[..1])), forbidden);
        yield return Authorized("token-role-hub", target => Bearer(Forge(target, target.SigningKey, MunicipalityClaims(role: "hub"))), forbidden);
        yield return Authorized("token-role-unknown", target => Bearer(Forge(target, target.SigningKey, MunicipalityClaims(role: "koning"))), forbidden);
        yield return Authorized("token-oin-19-digits", target => Bearer(Forge(target, target.SigningKey, MunicipalityClaims(Organisations.Municipality[1..]))), forbidden);
    }

    private static IEnumerable<HostileCase> Registrations()
    {
        foreach (var (name, bsn) in new[]
                 {
                     ("8-digits", "11122233"), ("10-digits", "1112223330"), ("failing-11-check", "111222334"), ("letters", "11122233A"),
                     ("all-zeros", "000000000"), ("arabic-indic-digits", Digits("111222333", '\u0660')), ("fullwidth-digits", Digits("111222333", '\uFF10')),
                     ("leading-space", " 111222333"), ("inner-spaces", "111 222 333"), ("empty", ""),
                 })
        {
            yield return Register($"register-bsn-{name}", Registration.Replace("111222333", bsn));
        }

        yield return Register("register-as-creditor", Registration, StatusCodes.Status403Forbidden, target => target.CreditorToken);
        yield return Register("register-bsn-as-number", """{"bsn":111222333}""");
        yield return Register("register-bsn-missing", """{"counsellor":{"organisation":"00000001009876543000","contactName":"Fatima de Vries"}}""");
        yield return Register("register-counsellor-as-string", """{"bsn":"111222333","counsellor":"Fatima de Vries"}""");
        yield return Register("register-requested-at-future", """{"bsn":"111222333","requestedAt":"2026-03-09T10:00:00Z"}""");
        yield return Register("register-requested-at-yesterday-word", """{"bsn":"111222333","requestedAt":"yesterday"}""");
        yield return Register("register-contact-name-huge", Registration.Replace("Fatima de Vries", new string('F', LongText)));
        yield return Register("register-contact-name-blank", Registration.Replace("Fatima de Vries", "   "));
        yield return Register("register-counsellor-oin-19-digits", Registration.Replace("00000001009876543000", "0000000100987654300"));
        yield return Register("register-body-null", "null");
        yield return Register("register-body-array", $"[{Registration}]");
        yield return Register("register-body-truncated", Registration[..20]);
        yield return Register("register-body-empty", "");
        yield return Register("register-text-plain", Registration, StatusCodes.Status415UnsupportedMediaType, contentType: "text/plain");
        yield return new HostileCase("register-idempotency-key-129-chars", target =>
        {
            var request = Request(HttpMethod.Post, TrajectoriesPath, Utf8(Registration), Json, Bearer(target.MunicipalityToken));
            request.Headers.Add("Idempotency-Key", new string('k', 129));
            return request;
        });
    }

    private static IEnumerable<HostileCase> Listings()
    {
        foreach (var query in new[]
                 {
                     "page=-1", "page=0", "page=abc", "pageSize=1000", "pageSize=0", "deadlineWithinDays=abc", "deadlineWithinDays=-1",
                     "deadlineWithinDays=367", "deadlineWithinDays=99999999999", "phase=" + new string('p', 65),
                 })
        {
            yield return List($"list-{Shorten(query)}", query);
        }

        yield return List("list-phase-10000-chars", "phase=" + new string('p', 10_000), null);
    }

    private static HostileCase Event(string name, Action<JsonObject> mutate, int? status = Bad) =>
        new(name, target => PostEvent(target, Mutated(target, mutate)), status);

    private static HostileCase DataMember(string name, string member, Func<JsonNode?> value) =>
        Event(name, e => e["data"]![member] = value());

    private static HostileCase OtherData(string name, string type, JsonObject data) =>
        new(name, target => PostEvent(target, Mutated(target, e =>
        {
            e["type"] = type;
            e["data"] = data.DeepClone();
        })));

    /// <summary>An event whose member holds JSON text a JsonNode cannot hold: lone surrogates, NaN, huge numbers.</summary>
    private static HostileCase Spliced(string name, string member, string json, string? type = null) =>
        new(name, target => PostEvent(target, Mutated(target, e =>
        {
            e["type"] = type ?? EventTypes.ParticipantLinked;
            e[member] = Marker;
        }).Replace($"\"{Marker}\"", json)));

    private static HostileCase InvalidUtf8(string name, string member, byte[] bytes) =>
        Bytes(name, target =>
        {
            var parts = Mutated(target, e => e[member] = Marker).Split(Marker);
            return [.. Utf8(parts[0]), .. bytes, .. Utf8(parts[1])];
        });

    private static HostileCase Prefixed(string name, string members) =>
        Raw(name, target => "{" + members + Text(target)[1..]);

    private static HostileCase Raw(string name, Func<HostileTarget, string> body) =>
        new(name, target => PostEvent(target, body(target)));

    private static HostileCase Bytes(string name, Func<HostileTarget, byte[]> body) =>
        new(name, target => Request(HttpMethod.Post, EventsPath, body(target), CloudEvent, Bearer(target.MunicipalityToken)));

    private static HostileCase Authorized(string name, Func<HostileTarget, string?> authorization, int status) =>
        new(name, target => Request(HttpMethod.Post, EventsPath, Utf8(Text(target)), CloudEvent, authorization(target)), status);

    private static HostileCase Register(
        string name, string json, int? status = Bad, Func<HostileTarget, string>? token = null, string contentType = Json) =>
        new(name, target => Request(HttpMethod.Post, TrajectoriesPath, Utf8(json), contentType, Bearer(token?.Invoke(target) ?? target.MunicipalityToken)), status);

    private static HostileCase List(string name, string query, int? status = Bad) =>
        new(name, target => Request(HttpMethod.Get, $"{TrajectoriesPath}?{query}", null, null, Bearer(target.MunicipalityToken)), status);

    private static HttpRequestMessage PostBatch(HostileTarget target, string body) =>
        Request(HttpMethod.Post, EventsPath, Utf8(body), Batch, Bearer(target.MunicipalityToken));

    private static HttpRequestMessage Request(HttpMethod method, string path, byte[]? body, string? contentType, string? authorization)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static string Mutated(HostileTarget target, Action<JsonObject> mutate)
    {
        var cloudEvent = ValidEvent(target);
        mutate(cloudEvent);
        return cloudEvent.ToJsonString();
    }

    private static string Text(HostileTarget target) => ValidEvent(target).ToJsonString();

    private static string Unsigned(HostileTarget target)
    {
        var expires = target.Now.AddHours(1).ToUnixTimeSeconds();
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + Base64UrlEncoder.Encode(
            $$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","oin":"{{Organisations.Municipality}}","role":"gemeente","exp":{{expires}}}""") + ".";
    }

    /// <summary>About <see cref="LongText"/> characters that do not compress, so a database cannot shrink them below its limits.</summary>
    private static string Noise() => string.Concat(Enumerable.Range(0, LongText / 32).Select(_ => Guid.NewGuid().ToString("N")));

    private static string Bearer(string token) => "Bearer " + token;

    private static string Digits(string digits, char zero) => string.Concat(digits.Select(digit => (char)(zero + (digit - '0'))));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
