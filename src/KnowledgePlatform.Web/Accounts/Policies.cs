namespace KnowledgePlatform.Web.Accounts;

/// <summary>The three back-office roles (exact strings: they are stored in the database).</summary>
public static class Roles
{
    public const string Beheerder = "Beheerder";
    public const string Redacteur = "Redacteur";
    public const string Auteur = "Auteur";

    public static readonly IReadOnlyList<string> All = [Beheerder, Redacteur, Auteur];
}

/// <summary>Authorization policies for the back-office (names agreed with the other modules).</summary>
public static class Policies
{
    /// <summary>Any back-office role: every /beheer page and API requires at least this.</summary>
    public const string BackOffice = "BackOffice";

    /// <summary>Publishing, unpublishing, scheduling: Redacteur or Beheerder.</summary>
    public const string Publish = "Publish";

    /// <summary>Users, vocabularies, settings, the audit trail: Beheerder only.</summary>
    public const string Administer = "Administer";
}
