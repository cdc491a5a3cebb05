using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>
/// Redirects an editor makes by hand (old address → new address, 301). Refused: loops (to itself),
/// chains (the target is itself redirected, or something already redirects to the source),
/// back-office and API paths, and targets on other sites that are not https.
/// </summary>
public sealed class ManualRedirects(KnowledgeDbContext db, TimeProvider clock)
{
    public IQueryable<ManualRedirect> All => db.Set<ManualRedirect>().AsNoTracking();

    /// <summary>Adds (id null) or changes a redirect; throws ValidationFailedException with Dutch messages.</summary>
    public async Task SaveAsync(long? id, string? from, string? to, string editor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var source = NormalizePath(from);
        var target = (to ?? "").Trim();
        if (source is null)
        {
            errors.Add("From", "Vul een oud adres op deze site in, beginnend met / (bijvoorbeeld /oude-pagina).");
        }
        else if (source.StartsWith("/beheer", StringComparison.Ordinal) || source.StartsWith("/api", StringComparison.Ordinal))
        {
            errors.Add("From", "Adressen van het beheer en de API kunnen niet worden doorgestuurd.");
        }

        var localTarget = NormalizePath(target);
        if (localTarget is null && !(Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme == "https"))
        {
            errors.Add("To", "Vul een nieuw adres in: een pad op deze site (/nieuwe-pagina) of een volledig https-adres.");
        }

        var others = All.Where(r => id == null || r.Id != id);
        if (source is not null && localTarget == source)
        {
            errors.Add("To", "Het nieuwe adres is hetzelfde als het oude: dat zou een lus geven.");
        }
        else if (localTarget is not null && await others.AnyAsync(r => r.FromPath == localTarget, ct))
        {
            errors.Add("To", "Het nieuwe adres wordt zelf al doorgestuurd. Verwijs direct naar de eindbestemming (geen ketens).");
        }

        if (source is not null && await others.AnyAsync(r => r.ToPath == source, ct))
        {
            errors.Add("From", "Er verwijst al een doorverwijzing naar dit adres; dat zou een keten geven. Pas die eerst aan.");
        }

        if (source is not null && await others.AnyAsync(r => r.FromPath == source, ct))
        {
            errors.Add("From", "Voor dit oude adres bestaat al een doorverwijzing.");
        }

        errors.ThrowIfAny();
        var row = id is { } existing ? await db.Set<ManualRedirect>().SingleOrDefaultAsync(r => r.Id == existing, ct) : null;
        var before = row is null ? null : new { row.FromPath, row.ToPath };
        if (row is null)
        {
            row = new ManualRedirect { FromPath = source!, ToPath = localTarget ?? target, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = editor };
            db.Add(row);
        }
        else
        {
            (row.FromPath, row.ToPath) = (source!, localTarget ?? target);
        }

        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, editor, before is null ? "redirect.create" : "redirect.change", "redirect", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, new { row.FromPath, row.ToPath });
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(long id, string editor, CancellationToken ct)
    {
        var row = await db.Set<ManualRedirect>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is not null)
        {
            db.Remove(row);
            AuditLog.Record(db, editor, "redirect.delete", "redirect", id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { row.FromPath, row.ToPath }, null);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>"/Oude-Pagina/" → "/oude-pagina"; null when it is not a plain local path.</summary>
    public static string? NormalizePath(string? path)
    {
        var p = (path ?? "").Trim();
        if (p.Length < 2 || p.Length > 500 || p[0] != '/' || p[1] is '/' or '\\' || p.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\\' or '?' or '#'))
        {
            return null;
        }

        return p.TrimEnd('/').ToLowerInvariant();
    }
}

/// <summary>Answers a 404 on a path an editor redirected with a 301 to the new address; only misses pay the lookup.</summary>
public sealed class ManualRedirectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted
            || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || ManualRedirects.NormalizePath(context.Request.Path.Value) is not { } path)
        {
            return;
        }

        var db = context.RequestServices.GetRequiredService<KnowledgeDbContext>();
        var target = await db.Set<ManualRedirect>().AsNoTracking().Where(r => r.FromPath == path).Select(r => r.ToPath).FirstOrDefaultAsync(context.RequestAborted);
        if (target is not null)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = target;
        }
    }
}
