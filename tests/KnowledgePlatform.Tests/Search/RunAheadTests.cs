using System.Runtime.CompilerServices;
using KnowledgePlatform.Web.Search;

namespace KnowledgePlatform.Tests.Search;

/// <summary>
/// The rebuild's analysis runs ahead of its writer through <see cref="RunAhead"/>: a writer that
/// fails must not leave the producer blocked on a full channel (holding its database connection),
/// and a producer that fails must fail the rebuild.
/// </summary>
public sealed class RunAheadTests
{
    [Fact]
    public async Task Delivers_every_item_in_order()
    {
        var items = new List<int>();
        await foreach (var item in RunAhead.Of(ct => Numbers(100, null, ct), 2, CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 100), items);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_stops_the_producer()
    {
        var producer = new ProducerState();
        await foreach (var item in RunAhead.Of(ct => Numbers(int.MaxValue, producer, ct), 2, CancellationToken.None))
        {
            if (item == 3)
            {
                break;
            }
        }

        // Of's enumerator awaits the producer when disposed: by now it has ended, cancelled while waiting to write.
        Assert.True(producer.Ended);
        Assert.True(producer.Cancelled);
        Assert.InRange(producer.Produced, 4, 4 + 2 + 1);
    }

    [Fact]
    public async Task A_failing_producer_fails_the_consumer()
    {
        var read = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in RunAhead.Of(_ => Failing(), 2, CancellationToken.None))
            {
                read.Add(item);
            }
        });

        Assert.Equal("kapot na 2", error.Message);
        Assert.Equal([0, 1], read);
    }

    private sealed class ProducerState
    {
        public int Produced;
        public bool Ended;
        public bool Cancelled;
    }

    private static async IAsyncEnumerable<int> Numbers(int count, ProducerState? state, [EnumeratorCancellation] CancellationToken ct)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                if (state is not null)
                {
                    state.Produced++;
                    state.Cancelled = ct.IsCancellationRequested;
                }

                yield return i;
            }
        }
        finally
        {
            if (state is not null)
            {
                state.Ended = true;
                state.Cancelled |= ct.IsCancellationRequested;
            }
        }
    }

    private static async IAsyncEnumerable<int> Failing()
    {
        for (var i = 0; i < 2; i++)
        {
            await Task.Yield();
            yield return i;
        }

        throw new InvalidOperationException("kapot na 2");
    }
}
