namespace Schuldketen.Contracts.CloudEvents;

/// <summary>The ids of the envelope rules, in the order the hub checks them.</summary>
public static class EnvelopeRules
{
    public const string NotAnObject = "not-an-object";
    public const string DuplicateAttribute = "cloudevents-duplicate-attribute";
    public const string Text = "cloudevents-text";
    public const string Required = "cloudevents-required";
    public const string AttributeType = "cloudevents-type";
    public const string SpecVersion = "cloudevents-specversion";
    public const string Time = "cloudevents-time";
    public const string ExtensionName = "cloudevents-extension-name";
    public const string DataContentType = "cloudevents-datacontenttype";
    public const string DataSchema = "cloudevents-dataschema";
    public const string DataBase64 = "cloudevents-data-base64";
    public const string TraceParent = "cloudevents-traceparent";
    public const string NlGovSource = "nlgov-source";
    public const string NlGovType = "nlgov-type";
    public const string NlGovSubject = "nlgov-subject";
}
