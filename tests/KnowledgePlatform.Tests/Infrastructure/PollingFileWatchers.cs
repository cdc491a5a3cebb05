using System.Runtime.CompilerServices;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// Every test host watches its configuration and web root files; with FileSystemWatcher each watch is
/// an inotify instance, and Linux allows a user 128 of them (fs.inotify.max_user_instances) across all
/// of that user's processes. A full parallel run holds dozens of hosts, and on a shared machine other
/// runs count too, so hosts failed to start with "the configured user limit (128) on the number of
/// inotify instances has been reached". The tests change no watched file, so they poll instead (the
/// variable is read by every PhysicalFileProvider, in-process and in the app processes tests start).
/// </summary>
internal static class PollingFileWatchers
{
#pragma warning disable CA2255 // The test assembly is the entry point of its own run: set before any host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
