using System.Security.Cryptography;
using System.Text.Json;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>Answers to the editor's extra questions; each optional. Only asked questions are kept.</summary>
public sealed record RegistrationAnswers
{
    public const int MaxLength = 500;

    public string? Organisation { get; init; }
    public string? Role { get; init; }
    public string? Municipality { get; init; }
    public string? Needs { get; init; }
    public string? Free { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public bool IsEmpty => this == new RegistrationAnswers();

    /// <summary>Trimmed, and only for the questions this event asks.</summary>
    public RegistrationAnswers For(RegistrationQuestions? asked) => new()
    {
        Organisation = asked?.Organisation == true ? Clean(Organisation) : null,
        Role = asked?.Role == true ? Clean(Role) : null,
        Municipality = asked?.Municipality == true ? Clean(Municipality) : null,
        Needs = asked?.Needs == true ? Clean(Needs) : null,
        Free = asked?.FreeQuestion is not null ? Clean(Free) : null,
    };

    public IEnumerable<(string Field, string Value)> Given() =>
        new[] { (nameof(Organisation), Organisation), (nameof(Role), Role), (nameof(Municipality), Municipality), (nameof(Needs), Needs), (nameof(Free), Free) }
            .Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!));

    public string? ToJson() => IsEmpty ? null : JsonSerializer.Serialize(this, Json);

    public static RegistrationAnswers FromJson(string? json) =>
        json is null ? new() : JsonSerializer.Deserialize<RegistrationAnswers>(json, Json) ?? new();

    /// <summary>Dutch labels, as on the form and in the export.</summary>
    public static string Label(string field, RegistrationQuestions? asked) => field switch
    {
        nameof(Organisation) => "Organisatie",
        nameof(Role) => "Functie of rol",
        nameof(Municipality) => "Gemeente",
        nameof(Needs) => "Dieetwensen of toegankelijkheid",
        _ => asked?.FreeQuestion ?? "Vraag",
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal static class RegistrationTokens
{
    /// <summary>256 random bits, URL-safe: the personal link cannot be guessed or enumerated.</summary>
    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
