namespace KnowledgePlatform.Web.Infrastructure;

/// <summary>
/// A problem with settings or surroundings that stops start-up. Program prints only the message:
/// one sentence that names the setting, instead of a stack trace.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
