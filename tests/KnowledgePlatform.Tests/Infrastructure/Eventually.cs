namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// For effects that are asynchronous by design (the outbox evicts cached pages within about a
/// second): retry the check until it holds or the generous deadline passes, then fail with it.
/// </summary>
public static class Eventually
{
    public static async Task AssertAsync(Func<Task> check, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>As <see cref="AssertAsync"/>, returning what the successful check produced.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> check, int timeoutSeconds = 15)
    {
        T result = default!;
        await AssertAsync(async () => result = await check(), timeoutSeconds);
        return result;
    }
}
