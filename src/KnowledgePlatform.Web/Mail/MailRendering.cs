namespace KnowledgePlatform.Web.Mail;

/// <summary>Turns claimed rows into mails: stored content directly, bulk rows through their <see cref="IMailContentSource"/>.</summary>
internal static class MailRendering
{
    public static async Task<IReadOnlyDictionary<long, OutgoingMail?>> RenderAsync(IServiceScopeFactory scopes, IReadOnlyList<ClaimedMail> batch, CancellationToken ct)
    {
        var mails = new Dictionary<long, OutgoingMail?>(batch.Count);
        foreach (var row in batch.Where(r => !r.NeedsRendering))
        {
            mails[row.Id] = StoredMailParts.ToMail(row);
        }

        var bulk = batch.Where(r => r.NeedsRendering).ToList();
        if (bulk.Count == 0)
        {
            return mails;
        }

        using var scope = scopes.CreateScope();
        var sources = scope.ServiceProvider.GetServices<IMailContentSource>().ToDictionary(s => s.Kind, StringComparer.Ordinal);
        foreach (var group in bulk.GroupBy(r => r.Kind))
        {
            var rendered = sources.TryGetValue(group.Key, out var source)
                ? await source.RenderAsync([.. group], ct)
                : new Dictionary<long, OutgoingMail?>();
            foreach (var row in group)
            {
                mails[row.Id] = rendered.GetValueOrDefault(row.Id);
            }
        }

        return mails;
    }

    public static async Task TransportDownAsync(IServiceScopeFactory scopes, IReadOnlyList<ClaimedMail> rows, string reason, CancellationToken ct)
    {
        var groups = rows.Where(r => r.GroupId is not null).Select(r => r.GroupId!.Value).ToHashSet();
        using var scope = scopes.CreateScope();
        foreach (var observer in scope.ServiceProvider.GetServices<IMailOutcomeObserver>())
        {
            await observer.TransportDownAsync(groups, reason, ct);
        }
    }
}
