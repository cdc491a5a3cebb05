using AngleSharp.Dom;

namespace KnowledgePlatform.Web.Content;

/// <summary>
/// One sanitizing pass: parse, then copy only what the policy allows into a fresh tree, so
/// nothing of the input (attributes, namespaces, parser state) survives by accident.
/// </summary>
internal sealed class RichTextCleaner
{
    /// <summary>Unwrapped tags that editors leave open are re-created in every following block; cap the result.</summary>
    public const int MaxElements = 50_000;

    private readonly IDocument _document;
    private int _elements;

    private RichTextCleaner(IDocument document) => _document = document;

    public static string CleanOnce(string html)
    {
        var (document, source) = RichTextParser.ParseBodyFragment(html);
        var cleaner = new RichTextCleaner(document);
        var root = document.CreateElement("div");
        foreach (var node in source)
        {
            cleaner.Copy(node, root);
        }

        return root.InnerHtml.Trim();
    }

    private void Copy(INode node, INode target)
    {
        switch (node)
        {
            case IText text:
                target.AppendChild(_document.CreateTextNode(text.Data));
                break;
            case IElement element when element.NamespaceUri == NamespaceNames.HtmlUri
                                       && !RichTextPolicy.RemovedElements.Contains(element.LocalName):
                CopyElement(element, target);
                break;
            default:
                // Comments, processing instructions, removed elements and anything in the SVG or
                // MathML namespaces (where the parser's rules differ and mutation XSS lives).
                break;
        }
    }

    private void CopyElement(IElement element, INode target)
    {
        var name = RichTextPolicy.Rename(element.LocalName);
        if (!RichTextPolicy.AllowedElements.Contains(name))
        {
            CopyChildren(element, target);
            return;
        }

        var clean = _document.CreateElement(name);
        foreach (var attribute in element.Attributes)
        {
            if (attribute.NamespaceUri is null or ""
                && RichTextPolicy.CleanAttribute(name, attribute.LocalName, attribute.Value) is { } value)
            {
                clean.SetAttribute(attribute.LocalName, value);
            }
        }

        if (name == "img" && !clean.HasAttribute("src"))
        {
            return;
        }

        if (name == "a" && !clean.HasAttribute("href"))
        {
            // A link without a safe target is just text.
            CopyChildren(element, target);
            return;
        }

        if (++_elements > MaxElements)
        {
            throw new ArgumentException($"Rich text has more than {MaxElements} elements.");
        }

        CopyChildren(element, clean);
        target.AppendChild(clean);
    }

    private void CopyChildren(IElement element, INode target)
    {
        foreach (var child in element.ChildNodes)
        {
            Copy(child, target);
        }
    }
}
