using System.Xml.Linq;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// Keeps the Data Protection key ring in the database instead of on each machine's disk, so a
/// cookie, antiforgery token or signed link protected by one instance is read by every other
/// (and survives a redeploy). An instance that meets a key it has not loaded yet re-reads the
/// ring (the key manager does that by itself), so a key made elsewhere is picked up at once.
/// </summary>
internal sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        return [.. db.Set<DataProtectionKeyRow>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        db.Set<DataProtectionKeyRow>().Add(new DataProtectionKeyRow
        {
            FriendlyName = friendlyName.Length > 200 ? friendlyName[..200] : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
