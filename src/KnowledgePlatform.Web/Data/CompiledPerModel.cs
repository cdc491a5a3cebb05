using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KnowledgePlatform.Web.Data;

/// <summary>
/// An EF Core compiled query, compiled once per model. A compiled query may only run against the
/// model it was compiled for, and one process can hold two (the tests host SQLite and PostgreSQL
/// side by side), so each model gets its own; weakly held, so a discarded model is not kept alive.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = [];

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
