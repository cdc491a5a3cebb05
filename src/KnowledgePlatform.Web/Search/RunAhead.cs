using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// Runs an asynchronous sequence on a task of its own, up to <c>capacity</c> items ahead of
/// whoever reads it, so the two overlap on different cores (a rebuild's loading and analysis
/// ahead of its writer). A consumer that stops early (the writer failed) cancels the producer
/// and waits for it, so nothing stays blocked on a full channel holding a connection; the
/// producer's exception reaches the consumer.
/// </summary>
internal static class RunAhead
{
    public static async IAsyncEnumerable<T> Of<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, int capacity,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<T>(capacity);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source(stop.Token).WithCancellation(stop.Token))
                {
                    await channel.Writer.WriteAsync(item, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
