using Hl7.Fhir.Model;
using Schuldketen.Contracts.Fhir;
using Task = Hl7.Fhir.Model.Task;

namespace Schuldketen.Testing;

/// <summary>
/// A realistic GP referral built with the SDK: the resident, their consent, the request for debt help
/// and the Task that orders it. Tests change any part before it is put together.
/// </summary>
public sealed class Referral
{
    public const string Bsn = "111222333";
    public const string PatientUrl = "urn:uuid:0b7c1a52-3f0e-4c3e-9a57-6c1f0c3a0001";
    public const string ConsentUrl = "urn:uuid:0b7c1a52-3f0e-4c3e-9a57-6c1f0c3a0002";
    public const string RequestUrl = "urn:uuid:0b7c1a52-3f0e-4c3e-9a57-6c1f0c3a0003";
    public const string TaskUrl = "urn:uuid:0b7c1a52-3f0e-4c3e-9a57-6c1f0c3a0004";
    public const string PracticeSystem = "https://huisartsenpraktijk-de-linde.example.nl/verwijzingen";

    public Referral(string bsn = Bsn, string postcode = "3511 AB", string identifier = "verwijzing-0001")
    {
        Patient = new Patient
        {
            Identifier = [new Identifier(FhirSystems.Bsn, bsn)],
            Name = [new HumanName { Family = "Jansen", Given = ["Sanne"] }],
            Address = [new Address { Use = Address.AddressUse.Home, Line = ["Oudegracht 1"], PostalCode = postcode, City = "Utrecht", Country = "NL" }],
        };
        Consent = new Consent
        {
            Status = Consent.ConsentState.Active,
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
            Category = [new CodeableConcept("http://loinc.org", "59284-0", "Patient Consent")],
            Patient = new ResourceReference(PatientUrl),
            DateTime = "2026-03-02T09:30:00+01:00",
            Provision = new Consent.provisionComponent { Type = Consent.ConsentProvisionType.Permit },
        };
        ServiceRequest = new ServiceRequest
        {
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Category = [new CodeableConcept(FhirSystems.SdohTemporaryCodes, FhirSystems.FinancialInsecurity, "Financial Insecurity")],
            Code = new CodeableConcept { Text = "Schuldhulpverlening" },
            Subject = new ResourceReference(PatientUrl),
        };
        Task = new Task
        {
            Identifier = [new Identifier(PracticeSystem, identifier)],
            Status = Task.TaskStatus.Requested,
            Intent = Task.TaskIntent.Order,
            Code = new CodeableConcept(FhirSystems.TaskCode, "fulfill"),
            Focus = new ResourceReference(RequestUrl),
            For = new ResourceReference(PatientUrl),
        };
    }

    public Patient Patient { get; }

    public Consent Consent { get; }

    public ServiceRequest ServiceRequest { get; }

    public Task Task { get; }

    /// <summary>A transaction Bundle of the four resources, each created with POST.</summary>
    public Bundle Bundle() => new()
    {
        Type = Hl7.Fhir.Model.Bundle.BundleType.Transaction,
        Entry =
        [
            Entry(PatientUrl, Patient),
            Entry(ConsentUrl, Consent),
            Entry(RequestUrl, ServiceRequest),
            Entry(TaskUrl, Task),
        ],
    };

    /// <summary>The Task with the other three contained in it, referenced as '#id'.</summary>
    public Task ContainedTask()
    {
        var task = (Task)Task.DeepCopy();
        var patient = (Patient)Patient.DeepCopy();
        var consent = (Consent)Consent.DeepCopy();
        var request = (ServiceRequest)ServiceRequest.DeepCopy();
        patient.Id = "patient";
        consent.Id = "consent";
        request.Id = "verzoek";
        consent.Patient = new ResourceReference("#patient");
        request.Subject = new ResourceReference("#patient");
        task.Focus = new ResourceReference("#verzoek");
        task.For = new ResourceReference("#patient");
        task.Contained = [patient, consent, request];
        return task;
    }

    public string BundleJson() => FhirJson.Write(Bundle());

    private static Bundle.EntryComponent Entry(string fullUrl, Resource resource) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Hl7.Fhir.Model.Bundle.HTTPVerb.POST, Url = resource.TypeName },
    };
}
