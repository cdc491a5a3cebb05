using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief;

/// <summary>
/// The GDPR export and erasure as back-office actions, shared by the subscriber page and the
/// page for any address: the export is a no-store JSON download and is audited (without the
/// address), the erasure reports what it did.
/// </summary>
public static class PersonalDataActions
{
    public static async Task<IActionResult> ExportAsync(PageModel page, KnowledgeDbContext db, ExportPersonalData export, string email, CancellationToken ct)
    {
        var file = await export.ForAddressAsync(email, ct);
        AuditLog.Record(db, Editor(page), "subscriber.export", "subscriber", file.Subscriber?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            new { registrations = file.Registrations.Count, mails = file.Mails.Count });
        await db.SaveChangesAsync(ct);
        page.Response.Headers.CacheControl = "no-store";
        return new FileContentResult(ExportPersonalData.ToJson(file), "application/json; charset=utf-8") { FileDownloadName = "persoonsgegevens.json" };
    }

    public static async Task<ErasePersonalData.Result> EraseAsync(PageModel page, ErasePersonalData.Handler erase, string email, CancellationToken ct)
    {
        var result = await erase.HandleAsync(new ErasePersonalData.Command(email, Editor(page)), ct);
        page.TempData["Message"] = $"Gewist: {(result.SubscriberId is null ? "geen abonnee" : "de abonnee")}, {result.Registrations} aanmelding(en) voor bijeenkomsten en {result.Mails} mail(s) in het verzendlogboek. "
            + "Het adres staat alleen nog als onherleidbare code op de lijst van adressen die niet opnieuw worden toegevoegd.";
        return result;
    }

    private static string Editor(PageModel page) => page.User.Identity?.Name ?? "?";
}
