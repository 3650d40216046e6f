using System.Globalization;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// Turns NJsonSchema's validation errors into problems a sender can act on. Event data records
/// are flat, so an error is about the whole object or about one of its members. Messages name
/// the member and the rule, never the value that was sent.
/// </summary>
internal static class SchemaProblems
{
    public static DataProblem From(ValidationError error)
    {
        var member = error.Property is { Length: > 0 } property ? property : null;
        var cause = Cause(error);
        return new DataProblem(member is null ? "" : JsonPointer.Member(member), Message(cause.Kind, cause.Schema, member ?? "data"));
    }

    /// <summary>
    /// A nullable member is "null, or else this": when neither fits, the complaint of the
    /// "else" branch says what to fix.
    /// </summary>
    private static ValidationError Cause(ValidationError error) =>
        error is ChildSchemaValidationError child
        && child.Errors.Values.SelectMany(errors => errors).FirstOrDefault(inner => inner.Kind != ValidationErrorKind.NullExpected) is { } inner
            ? Cause(inner)
            : error;

    private static string Message(ValidationErrorKind kind, JsonSchema schema, string subject) => kind switch
    {
        ValidationErrorKind.PropertyRequired => $"Add {subject}: it is required.",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"Remove {subject}: the data of this event type has no such member.",
        ValidationErrorKind.ObjectExpected => $"Send {subject} as a JSON object.",
        ValidationErrorKind.StringExpected => $"Send {subject} as a JSON string.",
        ValidationErrorKind.BooleanExpected => $"Send {subject} as true or false.",
        ValidationErrorKind.IntegerExpected => $"Send {subject} as a whole JSON number.",
        ValidationErrorKind.NumberExpected => $"Send {subject} as a JSON number.",
        ValidationErrorKind.NullExpected => $"Leave out {subject}.",
        ValidationErrorKind.NotInEnumeration => $"Use one of the values the schema lists for {subject}: {string.Join(", ", schema.Enumeration)}.",
        ValidationErrorKind.StringTooShort when schema.MinLength == 1 => $"Fill in {subject}: it may not be empty.",
        ValidationErrorKind.StringTooShort => $"Lengthen {subject} to at least {schema.MinLength} characters.",
        ValidationErrorKind.StringTooLong => $"Shorten {subject} to at most {schema.MaxLength} characters.",
        ValidationErrorKind.PatternMismatch => $"Write {subject} in the form the schema's pattern asks: {schema.Pattern}.",
        ValidationErrorKind.NumberTooSmall => $"Make {subject} at least {Number(schema.Minimum)}.",
        ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => $"Make {subject} at most {Number(schema.Maximum)}.",
        ValidationErrorKind.DateExpected => $"Write {subject} as a date: yyyy-mm-dd.",
        ValidationErrorKind.DateTimeExpected => $"Write {subject} as an RFC 3339 date and time with a zone, e.g. 2026-03-01T09:30:00+01:00.",
        _ => $"Correct {subject}: it does not match the schema of this event type.",
    };

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
